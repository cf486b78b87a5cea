import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';

/*
 * Recently played with: the game's backend reports who played together, and each player sees
 * the others, most recent first, with how they stand; suggestions rank them too, saying why.
 */

const server = useTestServer();

const RecentPlayers = graphql(`
  query TestRecentPlayers($n: Int, $from: String) {
    recentPlayers(first: $n, after: $from) {
      __typename
      ... on Error { code message }
      ... on RecentPlayerPage {
        nodes { user { clientUserId } context relationship { status } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const RecordWithLiterals = graphql(`
  mutation TestRecordMatch($a: ID!, $b: ID!) {
    played: recordRecentPlayers(players: [$a, $b], context: "duel-7") {
      __typename
      ... on Error { code message }
      ... on RecordRecentPlayersPayload { message players }
    }
  }
`);

const record = (tenant: Tenant, players: string[], context?: string, token = tenant.serviceToken) =>
  server.rest('POST', '/v1/recent-players', { token, body: { players, ...(context !== undefined && { context }) } });

const recentOf = async (user: SeededUser, query = '') => {
  const answer = await server.rest('GET', `/v1/users/${user.id}/recent-players${query}`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body;
};
const ids = (body: { recent_players: { client_user_id: string }[] }) =>
  body.recent_players.map((p) => p.client_user_id);

describe('recently played with', () => {
  it('should show each player the others of its matches, most recent first, each once, with how they stand', async () => {
    const tenant = await createTenant(server);
    const [me, friend, rival, asker] = await Promise.all([
      tenant.user('me'),
      tenant.user('friend'),
      tenant.user('rival'),
      tenant.user('asker'),
    ]);
    await tenant.connect(me, friend);
    await tenant.request(asker, me);

    const first = await record(tenant, [me.id, friend.id, rival.id], 'match-1');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ message: 'Recent players recorded', players: 3 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await record(tenant, [asker.id, me.id, rival.id], 'match-2');

    const mine = await recentOf(me);
    // rival and asker in match-2 (the later), then friend from match-1; rival once, as of match-2.
    expect(ids(mine).slice(0, 2).sort()).toEqual([asker.id, rival.id].sort());
    expect(ids(mine)[2]).toBe(friend.id);
    expect(mine.recent_players.find((p: { client_user_id: string }) => p.client_user_id === rival.id)).toEqual({
      client_user_id: rival.id,
      display_name: rival.displayName,
      context: 'match-2',
      played_at: expect.any(String),
      relationship: { status: 'none', connection_id: null, request_id: null },
    });
    const byId = Object.fromEntries(
      mine.recent_players.map((p: { client_user_id: string; relationship: { status: string } }) => [
        p.client_user_id,
        p.relationship.status,
      ]),
    );
    expect(byId).toEqual({ [friend.id]: 'connected', [asker.id]: 'request_received', [rival.id]: 'none' });
    expect(mine.pagination).toEqual({ current_page: 1, total_pages: 1, total_items: 3, per_page: 20 });
    expect(ids(await recentOf(friend)).sort()).toEqual([me.id, rival.id].sort());

    // Pages by number and by cursor.
    expect(ids(await recentOf(me, '?per_page=2&page=2'))).toEqual([friend.id]);
    const page1 = await server.graphql(RecentPlayers, { n: 2 }, me.token);
    const one = page1.body.data?.recentPlayers as {
      nodes: unknown[];
      pageInfo: { endCursor: string; hasNextPage: boolean };
    };
    expect(one.nodes).toHaveLength(2);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const page2 = await server.graphql(RecentPlayers, { n: 2, from: one.pageInfo.endCursor }, me.token);
    expect(page2.body.data?.recentPlayers).toMatchObject({
      nodes: [{ user: { clientUserId: friend.id }, context: 'match-1', relationship: { status: 'CONNECTED' } }],
      pageInfo: { hasNextPage: false },
    });
  });

  it('should leave out players with a block either way', async () => {
    const tenant = await createTenant(server);
    const [me, blocker, blocked, plain] = await Promise.all([
      tenant.user('me'),
      tenant.user('blocker'),
      tenant.user('blocked'),
      tenant.user('plain'),
    ]);
    await record(tenant, [me.id, blocker.id, blocked.id, plain.id]);
    await server.rest('PUT', `/v1/users/${blocker.id}/blocked/${me.id}`, { token: blocker.token });
    await server.rest('PUT', `/v1/users/${me.id}/blocked/${blocked.id}`, { token: me.token });
    const mine = await recentOf(me);
    expect(ids(mine)).toEqual([plain.id]);
    expect(mine.pagination.total_items).toBe(1);
    expect(ids(await recentOf(blocker))).not.toContain(me.id);
  });

  it('should record only for the backend, all or nothing, and refuse bad rosters', async () => {
    const tenant = await createTenant(server);
    const [me, other] = await Promise.all([tenant.user('me'), tenant.user('other')]);
    const asPlayer = await record(tenant, [me.id, other.id], undefined, me.token);
    expect(asPlayer.status).toBe(403);
    expect(asPlayer.body.code).toBe('MATCH_RECORDING_SERVICE_ONLY');
    const unknown = await record(tenant, [me.id, other.id, 'ghost']);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'USER_NOT_FOUND', message: "User with ID 'ghost' does not exist" });
    const cases: [unknown, string][] = [
      [{ players: [me.id] }, 'players must list 2 to 100 users'],
      [{ players: Array.from({ length: 101 }, (_, i) => `p${i}`) }, 'players must list 2 to 100 users'],
      [{ players: [me.id, me.id] }, `players lists '${me.id}' twice`],
      [{ players: [me.id, other.id], context: 'x'.repeat(129) }, 'context must be at most 128 characters'],
      [{ players: 'me' }, 'players must be an array of user id strings'],
    ];
    for (const [body, message] of cases) {
      const answer = await server.rest('POST', '/v1/recent-players', { token: tenant.serviceToken, body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({ error: 'Bad Request', message, code: 'VALIDATION_FAILED' });
    }
    expect((await recentOf(me)).recent_players).toEqual([]);
    // Another tenant's players are unknown here.
    const elsewhere = await createTenant(server);
    const stranger = await elsewhere.user('stranger');
    expect((await record(tenant, [me.id, stranger.id])).status).toBe(404);
    // Literal arguments through GraphQL.
    const literal = await server.graphql(RecordWithLiterals, { a: me.id, b: other.id }, tenant.serviceToken);
    expect(literal.body.data?.played).toEqual({
      __typename: 'RecordRecentPlayersPayload',
      message: 'Recent players recorded',
      players: 2,
    });
    expect((await recentOf(me)).recent_players[0]).toMatchObject({ client_user_id: other.id, context: 'duel-7' });
    const nosy = await server.rest('GET', `/v1/users/${other.id}/recent-players`, { token: me.token });
    expect(nosy.status).toBe(403);
  });

  it('should record a full 100-player match in one go and keep each player’s last 200', async () => {
    const tenant = await createTenant(server);
    const players = await Promise.all(Array.from({ length: 100 }, () => tenant.user('p')));
    const roster = players.map((p) => p.id);
    expect((await record(tenant, roster, 'battle-royale')).status).toBe(201);
    const first = await recentOf(players[0]!, '?per_page=50');
    expect(first.pagination.total_items).toBe(99);
    const more = await Promise.all(Array.from({ length: 99 }, () => tenant.user('q')));
    const newest = [players[0]!.id, ...more.map((p) => p.id)];
    await record(tenant, newest, 'second');
    await record(tenant, [players[0]!.id, ...more.slice(0, 30).map((p) => p.id), ...roster.slice(60, 90)], 'third');
    const after = await recentOf(players[0]!, '?per_page=50');
    // 99 + 99 distinct others, all within the 200 kept.
    expect(after.pagination.total_items).toBe(198);
    const bigger = await Promise.all(Array.from({ length: 10 }, () => tenant.user('r')));
    await record(tenant, [players[0]!.id, ...bigger.map((p) => p.id)], 'fourth');
    const trimmed = await recentOf(players[0]!, '?per_page=50');
    expect(trimmed.pagination.total_items).toBe(200);
    // The 8 oldest went, all of the first match (those met again in the third stay).
    const all: string[] = [];
    for (let page = 1; page <= 4; page++) all.push(...ids(await recentOf(players[0]!, `?per_page=50&page=${page}`)));
    expect(new Set(all).size).toBe(200);
    expect(all).toEqual(expect.arrayContaining([...bigger, ...more].map((p) => p.id)));
    expect(all).toEqual(expect.arrayContaining(roster.slice(60, 90)));
    expect(roster.slice(1).filter((id) => all.includes(id))).toHaveLength(91);
  });

  it('should record a match in as many statements for 2 players as for 100', async () => {
    const tenant = await createTenant(server);
    const players = await Promise.all(Array.from({ length: 100 }, () => tenant.user('p')));
    const statementsFor = async (roster: string[]) => {
      const statements: string[] = [];
      onTestQuery((sql) => statements.push(sql));
      try {
        expect((await record(tenant, roster)).status).toBe(201);
      } finally {
        onTestQuery(null);
      }
      return statements.length;
    };
    const two = await statementsFor(players.slice(0, 2).map((p) => p.id));
    const hundred = await statementsFor(players.map((p) => p.id));
    expect(hundred).toBe(two);
    expect(two).toBeLessThanOrEqual(8);
  });

  it('should forget matches older than the retention at the next sweep', async () => {
    const tenant = await createTenant(server);
    const [me, old, recent] = await Promise.all([tenant.user('me'), tenant.user('old'), tenant.user('recent')]);
    await record(tenant, [me.id, old.id]);
    await record(tenant, [me.id, recent.id]);
    const [meId, oldId] = await Promise.all(
      [me.id, old.id].map(async (id) =>
        Number(
          (
            await sql<{
              id: string;
            }>`select id from users where tenant = ${tenant.name} and client_user_id = ${id}`.execute(
              server.database.db,
            )
          ).rows[0]!.id,
        ),
      ),
    );
    await sql`update recent_players set played_at = now() - interval '31 days'
              where (user_id = ${meId} and other_user_id = ${oldId}) or (user_id = ${oldId} and other_user_id = ${meId})`.execute(
      server.database.db,
    );
    await server.app.maintenance.sweep();
    expect(ids(await recentOf(me))).toEqual([recent.id]);
    expect(ids(await recentOf(old))).toEqual([]);
  });

  it('should suggest players met recently, saying why, after those sharing connections', async () => {
    const tenant = await createTenant(server);
    const [me, friend, friendOfFriend, teammate, private_, picky] = await Promise.all([
      tenant.user('me'),
      tenant.user('friend'),
      tenant.user('fof'),
      tenant.user('teammate'),
      tenant.user('private'),
      tenant.user('picky'),
    ]);
    await tenant.connect(me, friend);
    await tenant.connect(friend, friendOfFriend);
    await server.rest('PUT', `/v1/users/${private_.id}/settings`, {
      token: private_.token,
      body: { accept_requests_from: 'nobody' },
    });
    await server.rest('PUT', `/v1/users/${picky.id}/settings`, {
      token: picky.token,
      body: { accept_requests_from: 'friends_of_friends' },
    });
    await record(tenant, [me.id, teammate.id, friend.id, private_.id, picky.id], 'match-9');

    const suggestions = await server.rest('GET', `/v1/connections/${me.id}/suggestions`, { token: me.token });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.suggestions).toEqual([
      {
        user: { client_user_id: friendOfFriend.id, display_name: friendOfFriend.displayName },
        mutual_count: 1,
        reason: 'mutual_connections',
        played_together_at: null,
      },
      {
        user: { client_user_id: teammate.id, display_name: teammate.displayName },
        mutual_count: 0,
        reason: 'played_together',
        played_together_at: expect.any(String),
      },
    ]);
    // Met in a match too, a friend of a friend ranks above one who is only that.
    await record(tenant, [me.id, friendOfFriend.id]);
    const [top] = (await server.rest('GET', `/v1/connections/${me.id}/suggestions`, { token: me.token })).body
      .suggestions;
    expect(top).toMatchObject({
      mutual_count: 1,
      reason: 'mutual_connections',
      played_together_at: expect.any(String),
    });
  });
});
