import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';

/*
 * Nicknames, notes and favourites: each side of a connection keeps its own, which only it ever
 * reads; favourites can be listed alone or first, a page at a time.
 */

const server = useTestServer();

const UpdateWithLiterals = graphql(`
  mutation TestUpdateConnectionLiterals($which: ID!) {
    starred: updateConnection(connectionId: $which, favorite: true, nickname: "  Tanky  ") {
      __typename
      ... on Error { code message }
      ... on Connection { nickname note favorite connectedUser { clientUserId } }
    }
  }
`);

const MyConnections = graphql(`
  query TestMyConnectionsWithNotes($as: ID, $fav: Boolean, $order: ConnectionSort, $n: Int, $from: String) {
    activeConnections(userId: $as, favorite: $fav, sort: $order, first: $n, after: $from) {
      __typename
      ... on Error { code message }
      ... on ConnectionPage {
        nodes { nickname note favorite connectedUser { clientUserId } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const patch = (as: SeededUser, connectionId: number, body: unknown, token = as.token) =>
  server.rest('PATCH', `/v1/connections/${as.id}/${connectionId}`, { token, body });

const active = async (as: SeededUser, query = '', token = as.token) => {
  const answer = await server.rest('GET', `/v1/connections/${as.id}/active${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body;
};

async function friends(tenant: Tenant, me: SeededUser, count: number): Promise<{ user: SeededUser; id: number }[]> {
  const made = [];
  for (let i = 0; i < count; i++) {
    const user = await tenant.user('friend');
    made.push({ user, id: await tenant.connect(me, user) });
  }
  return made;
}

describe('nicknames, notes and favourites', () => {
  it('should keep them for one side only: never shown to the other, nor to a backend acting as the other', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const connectionId = await tenant.connect(alice, bob);

    const set = await patch(alice, connectionId, {
      nickname: ' Bobby ',
      note: 'Plays support.\nEU evenings.',
      favorite: true,
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      id: connectionId,
      connected_user: { client_user_id: bob.id, display_name: bob.displayName },
      connected_since: expect.any(String),
      presence: expect.anything(),
      nickname: 'Bobby',
      note: 'Plays support.\nEU evenings.',
      favorite: true,
    });
    const mine = await active(alice);
    expect(mine.connections[0]).toMatchObject({
      nickname: 'Bobby',
      note: 'Plays support.\nEU evenings.',
      favorite: true,
    });

    // Bob's side: nothing of Alice's, whoever asks for it.
    const theirs = await active(bob);
    expect(theirs.connections[0]).toMatchObject({ nickname: null, note: null, favorite: false });
    const backend = await active(bob, '', tenant.serviceToken);
    expect(backend.connections[0]).toMatchObject({ nickname: null, note: null, favorite: false });
    const viaGraphql = await server.graphql(MyConnections, { as: bob.id }, tenant.serviceToken);
    expect(JSON.stringify(viaGraphql.body)).not.toMatch(/Bobby|support/);
    // Bob's own nickname for Alice is his, and does not touch hers.
    await patch(bob, connectionId, { nickname: 'Al' });
    expect((await active(alice)).connections[0].nickname).toBe('Bobby');
    expect((await active(bob)).connections[0].nickname).toBe('Al');
  });

  it('should leave out what is not given, clear with null or an empty string, and take literal GraphQL arguments', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const connectionId = await tenant.connect(alice, bob);

    await patch(alice, connectionId, { nickname: 'B', note: 'n' });
    expect((await patch(alice, connectionId, { favorite: true })).body).toMatchObject({
      nickname: 'B',
      note: 'n',
      favorite: true,
    });
    expect((await patch(alice, connectionId, { nickname: null })).body).toMatchObject({ nickname: null, note: 'n' });
    expect((await patch(alice, connectionId, { note: '   ' })).body).toMatchObject({
      nickname: null,
      note: null,
      favorite: true,
    });

    const literal = await server.graphql(UpdateWithLiterals, { which: String(connectionId) }, alice.token);
    expect(literal.body.data?.starred).toEqual({
      __typename: 'Connection',
      nickname: 'Tanky',
      note: null,
      favorite: true,
      connectedUser: { clientUserId: bob.id },
    });
  });

  it('should refuse bad input, someone else’s connection, and acting as another user, changing nothing', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const carol = await tenant.user('carol');
    const connectionId = await tenant.connect(alice, bob);
    const other = await tenant.connect(bob, carol);
    await patch(alice, connectionId, { nickname: 'Bobby' });

    const cases: [unknown, string][] = [
      [{ nickname: 'x'.repeat(33) }, 'nickname must be at most 32 characters'],
      [{ note: 'x'.repeat(257) }, 'note must be at most 256 characters'],
      [{ nickname: 'two\nlines' }, 'nickname must not contain control characters such as line breaks'],
      [{ nickname: 'a\u2028b' }, 'nickname must not contain control characters such as line breaks'],
      [{ nickname: 'Bob\u202Enimda' }, 'nickname must not contain control characters such as line breaks'],
      [{ nickname: 'nul\u0000' }, 'nickname must not contain NUL characters or unpaired surrogates'],
      [{}, 'Give at least one of nickname, note and favorite'],
      [{ favorite: 'yes' }, 'favorite must be true or false'],
      [{ nickname: 42 }, 'nickname must be a string'],
    ];
    for (const [body, message] of cases) {
      const answer = await patch(alice, connectionId, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({ error: 'Bad Request', message, code: 'VALIDATION_FAILED' });
    }
    // 32 characters are 32 characters, whatever their UTF-16 length.
    expect((await patch(alice, connectionId, { nickname: '🙂'.repeat(32) })).status).toBe(200);
    await patch(alice, connectionId, { nickname: 'Bobby' });

    const notMine = await patch(alice, other, { nickname: 'Carol?' });
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('CONNECTION_NOT_FOUND');
    const unknown = await patch(alice, 999_999_999, { favorite: true });
    expect(unknown.status).toBe(404);
    const impostor = await patch(alice, connectionId, { nickname: 'Hacked' }, bob.token);
    expect(impostor.status).toBe(403);
    expect(impostor.body.code).toBe('FORBIDDEN');
    expect((await active(alice)).connections[0]).toMatchObject({ nickname: 'Bobby', favorite: false });
    expect((await active(carol)).connections[0]).toMatchObject({ nickname: null });
  });

  it('should go with the connection', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const first = await tenant.connect(alice, bob);
    await patch(alice, first, { nickname: 'Ex', note: 'left the guild', favorite: true });
    const removed = await server.rest('DELETE', `/v1/connections/${alice.id}/${first}`, { token: alice.token });
    expect(removed.status).toBe(200);
    expect((await patch(alice, first, { favorite: true })).status).toBe(404);
    await tenant.connect(bob, alice);
    expect((await active(alice)).connections[0]).toMatchObject({ nickname: null, note: null, favorite: false });
  });

  it('should list favourites alone or first, by page number and by cursor, holding to the order a cursor came from', async () => {
    const tenant = await createTenant(server);
    const me = await tenant.user('me');
    const made = await friends(tenant, me, 7);
    // Newest first is made[6] … made[0]; star made[1], made[4] and made[5].
    for (const i of [1, 4, 5]) await patch(me, made[i]!.id, { favorite: true });
    const ids = (body: { connections: { connected_user: { client_user_id: string } }[] }) =>
      body.connections.map((c) => c.connected_user.client_user_id);
    const who = (...indexes: number[]) => indexes.map((i) => made[i]!.user.id);

    const onlyFavorites = await active(me, '?favorite=true');
    expect(ids(onlyFavorites)).toEqual(who(5, 4, 1));
    expect(onlyFavorites.pagination).toEqual({ current_page: 1, total_pages: 1, total_items: 3, per_page: 10 });
    expect(ids(await active(me, '?favorite=false'))).toEqual(who(6, 3, 2, 0));
    const firstPage = await active(me, '?sort=favorites&per_page=4');
    expect(ids(firstPage)).toEqual(who(5, 4, 1, 6));
    expect(firstPage.pagination).toEqual({ current_page: 1, total_pages: 2, total_items: 7, per_page: 4 });
    expect(ids(await active(me, '?sort=favorites&per_page=4&page=2'))).toEqual(who(3, 2, 0));
    expect(ids(await active(me, '?sort=FAVORITES&favorite=true&per_page=2&page=2'))).toEqual(who(1));

    // By cursor through GraphQL, with a star moving between pages: nothing skipped or repeated.
    const page = (from?: string) =>
      server.graphql(MyConnections, { order: 'FAVORITES' as never, n: 3, ...(from && { from }) }, me.token);
    const one = (await page()).body.data?.activeConnections as {
      nodes: { connectedUser: { clientUserId: string } }[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(one.nodes.map((n) => n.connectedUser.clientUserId)).toEqual(who(5, 4, 1));
    // Starred between pages, made[6] moves among the favourites, before the cursor: the next page
    // goes on from where the last ended (nothing repeated, nothing else skipped).
    await patch(me, made[6]!.id, { favorite: true });
    const two = (await page(one.pageInfo.endCursor)).body.data?.activeConnections as typeof one;
    expect(two.nodes.map((n) => n.connectedUser.clientUserId)).toEqual(who(3, 2, 0));
    const three = (await page(two.pageInfo.endCursor)).body.data?.activeConnections as typeof one;
    expect(three.nodes.map((n) => n.connectedUser.clientUserId)).toEqual([]);
    expect(three.pageInfo.hasNextPage).toBe(false);

    // A cursor of one order is refused by the other.
    const newest = await server.graphql(MyConnections, { from: one.pageInfo.endCursor }, me.token);
    expect(newest.body.data?.activeConnections).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'after is a cursor of another order of this list; start again without it',
    });
    const bad = await server.rest('GET', `/v1/connections/${me.id}/active?sort=best`, { token: me.token });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('sort must be one of newest, favorites');
  });

  it('should filter and order the online list the same way', async () => {
    const tenant = await createTenant(server);
    const me = await tenant.user('me');
    const made = await friends(tenant, me, 4);
    // made[0] and made[2] online (set by the game server), made[3] busy; made[1] offline.
    for (const [i, status] of [
      [0, 'online'],
      [2, 'online'],
      [3, 'busy'],
    ] as const) {
      const set = await server.rest('PUT', `/v1/users/${made[i]!.user.id}/presence`, {
        token: tenant.serviceToken,
        body: { status, expires_in_seconds: 600 },
      });
      expect(set.status).toBe(200);
    }
    await patch(me, made[3]!.id, { favorite: true });
    await patch(me, made[1]!.id, { favorite: true });
    const listed = (query: string) =>
      active(me, `?presence=online${query}`).then((body) =>
        body.connections.map((c: { connected_user: { client_user_id: string } }) => c.connected_user.client_user_id),
      );
    const who = (...indexes: number[]) => indexes.map((i) => made[i]!.user.id);
    expect(await listed('')).toEqual(who(2, 0, 3));
    expect(await listed('&sort=favorites')).toEqual(who(3, 2, 0));
    expect(await listed('&favorite=true')).toEqual(who(3));
    expect(await listed('&favorite=false&per_page=1&page=2')).toEqual(who(0));
  });

  it('should read a page of favourites in as many statements whatever its size and depth', async () => {
    const tenant = await createTenant(server);
    const me = await tenant.user('me');
    const made = await friends(tenant, me, 12);
    for (const { id } of made.slice(0, 6)) await patch(me, id, { favorite: true });
    const statementsFor = async (query: string) => {
      const statements: string[] = [];
      onTestQuery((sql) => statements.push(sql));
      try {
        await active(me, query);
      } finally {
        onTestQuery(null);
      }
      return statements.length;
    };
    const first = await statementsFor('?sort=favorites&per_page=2');
    expect(await statementsFor('?sort=favorites&per_page=10')).toBe(first);
    expect(await statementsFor('?sort=favorites&per_page=2&page=5')).toBe(first);
    // The filtered list counts its own rows: one statement more, at any page.
    const filtered = await statementsFor('?favorite=true&per_page=2');
    expect(filtered).toBe(first + 1);
    expect(await statementsFor('?favorite=true&sort=favorites&per_page=5&page=2')).toBe(filtered);
  });
});
