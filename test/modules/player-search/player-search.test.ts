import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestSearchUsersQuery, TestSearchUsersQueryVariables } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';

/*
 * Player search: typing part of a name finds players of one's tenant, best match first, whatever
 * the case and accents and with a typo, each with how the searcher stands with them; a block by
 * the player found never shows.
 */

const server = useTestServer();

const SearchUsers = graphql(`
  query TestSearchUsers($text: String!, $count: Int, $cursor: String, $as: ID) {
    searchUsers(query: $text, first: $count, after: $cursor, userId: $as) {
      __typename
      ... on Error { code message }
      ... on FoundUserPage {
        totalCount
        nodes { user { clientUserId displayName } relationship { status } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

async function named(tenant: Tenant, displayName: string): Promise<SeededUser> {
  const user = await tenant.user('player');
  await server.rest('PUT', `/v1/users/${user.id}`, { token: tenant.serviceToken, body: { display_name: displayName } });
  return { ...user, displayName };
}

async function search(as: SeededUser, query: string, extra = '') {
  const answer = await server.rest('GET', `/v1/users?query=${encodeURIComponent(query)}${extra}`, { token: as.token });
  return answer;
}

const names = (answer: { body: { users: { display_name: string }[] } }) => answer.body.users.map((u) => u.display_name);

describe('searching players by name', () => {
  it('should find names by prefix, word and inside, whatever the case and accents, best match first', async () => {
    const tenant = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    await named(tenant, 'Xx_Emil_xX');
    await named(tenant, 'Émile Zola');
    await named(tenant, 'Aemilia');
    await named(tenant, 'Big Emilio');
    await named(tenant, 'Bob');

    const found = await search(me, 'EMIL');
    expect(found.status).toBe(200);
    // Starting with it; then a word starting with it (the closer first); then holding it.
    expect(names(found)).toEqual(['Émile Zola', 'Xx_Emil_xX', 'Big Emilio', 'Aemilia']);
    expect(found.body.users[0]).toEqual({
      client_user_id: expect.any(String),
      display_name: 'Émile Zola',
      relationship: { status: 'none', connection_id: null, request_id: null },
    });
    expect(found.body.pagination).toEqual({ current_page: 1, total_pages: 1, total_items: 4, per_page: 20 });
    expect(names(await search(me, 'zolá'))).toEqual(['Émile Zola']);
    // A typo in a longer query still finds the name; a short one does not guess.
    await named(tenant, 'ShadowHunter');
    expect(names(await search(me, 'shadowhuntr'))).toEqual(['ShadowHunter']);
    expect(names(await search(me, 'bxb'))).toEqual([]);
    // LIKE's wildcards are plain characters in a query.
    await named(tenant, 'a_b');
    await named(tenant, 'axb');
    expect(names(await search(me, 'a_b'))).toEqual(['a_b']);
    expect(names(await search(me, '%%'))).toEqual([]);
  });

  it('should tell how the searcher stands with each, never showing a block by the one found', async () => {
    const tenant = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    const friend = await named(tenant, 'Raider One');
    const asked = await named(tenant, 'Raider Two');
    const asking = await named(tenant, 'Raider Three');
    const blockedByMe = await named(tenant, 'Raider Four');
    const blockingMe = await named(tenant, 'Raider Five');
    const stranger = await named(tenant, 'Raider Six');
    await tenant.connect(me, friend);
    await tenant.request(me, asked);
    await tenant.request(asking, me);
    for (const [blocker, blocked] of [
      [me, blockedByMe],
      [blockingMe, me],
    ] as const) {
      const reply = await server.rest('PUT', `/v1/users/${blocker.id}/blocked/${blocked.id}`, { token: blocker.token });
      expect(reply.status).toBe(201);
    }
    const found = await search(me, 'raider', '&per_page=50');
    const statusOf = new Map(
      found.body.users.map((u: { client_user_id: string; relationship: { status: string } }) => [
        u.client_user_id,
        u.relationship.status,
      ]),
    );
    expect(Object.fromEntries(statusOf)).toEqual({
      [friend.id]: 'connected',
      [asked.id]: 'request_sent',
      [asking.id]: 'request_received',
      [blockedByMe.id]: 'blocked',
      [blockingMe.id]: 'none',
      [stranger.id]: 'none',
    });
    const connected = found.body.users.find((u: { client_user_id: string }) => u.client_user_id === friend.id);
    expect(connected.relationship.connection_id).toEqual(expect.any(Number));
    // The one who blocks me is found exactly as the stranger is, in every field but its name.
    const blocking = found.body.users.find((u: { client_user_id: string }) => u.client_user_id === blockingMe.id);
    const plain = found.body.users.find((u: { client_user_id: string }) => u.client_user_id === stranger.id);
    expect(blocking.relationship).toEqual(plain.relationship);
  });

  it('should keep to the caller’s tenant, and page by number and by cursor', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    await named(other, 'Knight Elsewhere');
    for (let i = 1; i <= 5; i++) await named(tenant, `Knight ${i}`);

    const first = await search(me, 'knight', '&per_page=2');
    expect(names(first)).toEqual(['Knight 1', 'Knight 2']);
    expect(first.body.pagination).toMatchObject({ total_items: 5, total_pages: 3 });
    expect(names(await search(me, 'knight', '&per_page=2&page=3'))).toEqual(['Knight 5']);

    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const answer: Awaited<ReturnType<typeof server.graphql<TestSearchUsersQuery, TestSearchUsersQueryVariables>>> =
        await server.graphql(SearchUsers, { text: 'knight', count: 2, cursor }, me.token);
      const page = answer.body.data?.searchUsers;
      if (page?.__typename !== 'FoundUserPage') throw new Error(JSON.stringify(answer.body));
      seen.push(...page.nodes.map((node) => node.user.displayName));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(['Knight 1', 'Knight 2', 'Knight 3', 'Knight 4', 'Knight 5']);

    // Another list's cursor is no search position.
    await tenant.connect(me, await named(tenant, 'Squire'));
    const friends = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ activeConnections(first: 1) { ... on ConnectionPage { pageInfo { endCursor } } } }',
      }),
    }).then((response) => response.json());
    const foreign = friends.data.activeConnections.pageInfo.endCursor as string;
    const refused = await server.graphql(SearchUsers, { text: 'knight', count: 2, cursor: foreign }, me.token);
    expect(refused.body.data?.searchUsers).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'after is not a cursor returned by this API',
    });
  });

  it('should answer the best 100 matches at most, names starting with the query first', async () => {
    const tenant = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    // 101 names hold "ork" inside; 3 start with it.
    const { rows } = await sql<{ n: number }>`
      insert into users (tenant, client_user_id, display_name)
      select ${tenant.name}, 'bulk' || g, 'Blorker ' || g from generate_series(1, 101) g
      returning 1 as n`.execute(server.database.db);
    expect(rows).toHaveLength(101);
    for (const name of ['Orka', 'Orkan', 'Ork']) await named(tenant, name);

    const first = await search(me, 'ork', '&per_page=50');
    expect(first.body.pagination).toMatchObject({ total_items: 100, total_pages: 2 });
    expect(names(first).slice(0, 4)).toEqual(['Ork', 'Orka', 'Orkan', expect.stringMatching(/^Blorker /)]);
    const last = await search(me, 'ork', '&per_page=50&page=2');
    expect(last.body.users).toHaveLength(50);
    expect((await search(me, 'ork', '&per_page=50&page=3')).body).toMatchObject({
      users: [],
      pagination: { total_items: 100 },
    });
  });

  it('should let the backend search as no one or as a player, and a player only as itself', async () => {
    const tenant = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    const friend = await named(tenant, 'Paladin');
    await tenant.connect(me, friend);
    const asNoOne = await server.rest('GET', '/v1/users?query=pala', { token: tenant.serviceToken });
    expect(asNoOne.body.users).toEqual([{ client_user_id: friend.id, display_name: 'Paladin', relationship: null }]);
    const asMe = await server.rest('GET', `/v1/users?query=pala&user_id=${me.id}`, { token: tenant.serviceToken });
    expect(asMe.body.users[0].relationship.status).toBe('connected');
    const viaGraphQL = await server.graphql(SearchUsers, { text: 'pala', as: me.id }, tenant.serviceToken);
    expect(viaGraphQL.body.data?.searchUsers).toMatchObject({ nodes: [{ relationship: { status: 'CONNECTED' } }] });

    const asOther = await server.rest('GET', `/v1/users?query=pala&user_id=${friend.id}`, { token: me.token });
    expect(asOther.status).toBe(403);
    expect(asOther.body.code).toBe('FORBIDDEN');
  });

  it('should refuse a query too short, too long or missing with 400', async () => {
    const tenant = await createTenant(server);
    const me = await named(tenant, 'Searcher');
    // Two accents alone are no query: stripped of them it is empty, and would match every name.
    const accentsOnly = `?query=${encodeURIComponent('\u0301\u0301')}`;
    for (const query of [
      '',
      '?query=a',
      '?query=%20%20b%20',
      `?query=${'x'.repeat(65)}`,
      '?query=ab&per_page=51',
      accentsOnly,
    ]) {
      const answer = await server.rest('GET', `/v1/users${query}`, { token: me.token });
      expect(answer.status, query).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    const missing = await server.rest('GET', '/v1/users', { token: me.token });
    expect(missing.body.message).toBe('query is required');
    expect((await server.rest('GET', '/v1/users?query=a', { token: me.token })).body.message).toBe(
      'query must be 2 to 64 characters (accents not counted)',
    );
  });
});
