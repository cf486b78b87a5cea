import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { as, outcome, users } from '../../helpers/results.js';
import { insertBlock, insertConnections, insertUsers, party, setRequestPolicy } from './graph-fixtures.js';

/*
 * Suggestions: GET /v1/connections/{user_id}/suggestions and GraphQL `connectionSuggestions`:
 * friends of friends ranked by mutual connections, within fixed bounds.
 */
const server = useTestServer();

const Suggestions = graphql(`
  query TestSuggestions($userId: ID, $page: Int, $perPage: Int) {
    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ... on Error { code message }
      ... on ConnectionSuggestionPage {
        totalCount
        nodes { mutualCount user { clientUserId displayName mutualConnectionCount } }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

function suggestions(user: SeededUser, query = '', token: string | null = user.token) {
  return server.rest('GET', `/v1/connections/${user.id}/suggestions${query}`, { token });
}

/** The suggested users' ids with their mutual counts, best first. */
async function suggested(user: SeededUser): Promise<[string, number][]> {
  const response = await suggestions(user, '?per_page=50');
  expect(response.status).toBe(200);
  return response.body.suggestions.map((s: { user: { client_user_id: string }; mutual_count: number }) => [
    s.user.client_user_id,
    s.mutual_count,
  ]);
}

const pagination = (current_page: number, total_pages: number, total_items: number, per_page = 10) => ({
  current_page,
  total_pages,
  total_items,
  per_page,
});

const suggestion = (user: SeededUser, mutual_count: number) => ({
  user: party(user),
  mutual_count,
  reason: 'mutual_connections',
  played_together_at: null,
});

/** Alice and a friend Bob, who has a connection to each of `others`: they are Alice's friends of friends. */
async function friendOfFriends(names: string[]) {
  const tenant = await createTenant(server);
  const [alice, bob] = await users(tenant, 'alice', 'bob');
  const others: SeededUser[] = [];
  for (const name of names) others.push(await tenant.user(name));
  await tenant.connect(alice, bob);
  for (const other of others) await tenant.connect(bob, other);
  return { tenant, alice, bob, others };
}

describe('GET /v1/connections/{user_id}/suggestions', () => {
  it('should rank friends of friends by mutual connections, ties in the order the users joined', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave, erin, frank, gina, hank] = await users(
      tenant,
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
      'gina',
      'hank',
    );
    for (const friend of [bob, carol, dave]) await tenant.connect(alice, friend);
    // Hank first, so that the tie between Gina and Hank is not decided by the newer connection.
    await tenant.connect(hank, bob);
    for (const friend of [bob, carol, dave]) await tenant.connect(erin, friend);
    for (const friend of [carol, bob]) await tenant.connect(friend, frank);
    await tenant.connect(gina, dave);

    expect(outcome(await suggestions(alice))).toEqual({
      status: 200,
      body: {
        suggestions: [suggestion(erin, 3), suggestion(frank, 2), suggestion(gina, 1), suggestion(hank, 1)],
        pagination: pagination(1, 1, 4),
      },
    });
  });

  it('should page with page and per_page', async () => {
    const { alice, others } = await friendOfFriends(['carol', 'dave', 'erin']);
    const [carol, dave, erin] = others as [SeededUser, SeededUser, SeededUser];

    expect(outcome(await suggestions(alice, '?per_page=2'))).toEqual({
      status: 200,
      body: { suggestions: [suggestion(carol, 1), suggestion(dave, 1)], pagination: pagination(1, 2, 3, 2) },
    });
    expect(outcome(await suggestions(alice, '?page=2&per_page=2'))).toEqual({
      status: 200,
      body: { suggestions: [suggestion(erin, 1)], pagination: pagination(2, 2, 3, 2) },
    });
    expect(outcome(await suggestions(alice, '?page=3&per_page=2'))).toEqual({
      status: 200,
      body: { suggestions: [], pagination: pagination(3, 2, 3, 2) },
    });
  });

  it('should answer an empty list to a user without connections, or whose friends know nobody else', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const empty = { status: 200, body: { suggestions: [], pagination: pagination(1, 0, 0) } };
    expect(outcome(await suggestions(alice))).toEqual(empty);

    await tenant.connect(alice, bob);
    await tenant.connect(alice, carol);
    // Bob's only other connection is Alice herself; Carol and Bob are both her connections.
    expect(outcome(await suggestions(alice))).toEqual(empty);
    await tenant.connect(bob, carol);
    expect(outcome(await suggestions(alice))).toEqual(empty);
  });

  it('should leave out existing connections', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol', 'dave']);
    const [carol, dave] = others as [SeededUser, SeededUser];
    expect(await suggested(alice)).toEqual([
      [carol.id, 1],
      [dave.id, 1],
    ]);

    await tenant.connect(carol, alice);

    // Carol is a connection now; Dave is still a friend of a friend, through Bob only.
    expect(await suggested(alice)).toEqual([[dave.id, 1]]);
  });

  it('should leave out users with a pending request, whichever way, but not after a decline', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol', 'dave', 'erin']);
    const [carol, dave, erin] = others as [SeededUser, SeededUser, SeededUser];

    await tenant.request(alice, carol);
    const fromDave = await tenant.request(dave, alice);
    expect(await suggested(alice)).toEqual([[erin.id, 1]]);
    // And Alice is not suggested to them either.
    expect((await suggested(carol)).map(([id]) => id)).not.toContain(alice.id);
    expect((await suggested(dave)).map(([id]) => id)).not.toContain(alice.id);

    await server.rest('POST', `/v1/connections/${alice.id}/decline/${fromDave}`, { token: alice.token });
    expect(await suggested(alice)).toEqual([
      [dave.id, 1],
      [erin.id, 1],
    ]);
  });

  it('should leave out users with a block, whichever way', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol', 'dave', 'erin']);
    const [carol, dave, erin] = others as [SeededUser, SeededUser, SeededUser];

    await insertBlock(server, tenant, alice, carol);
    await insertBlock(server, tenant, dave, alice);

    expect(await suggested(alice)).toEqual([[erin.id, 1]]);
    expect((await suggested(dave)).map(([id]) => id)).not.toContain(alice.id);
    expect((await suggested(carol)).map(([id]) => id)).not.toContain(alice.id);
  });

  it('should leave out users who accept requests from nobody, and keep those who accept friends of friends', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol', 'dave', 'erin']);
    const [carol, dave, erin] = others as [SeededUser, SeededUser, SeededUser];

    await setRequestPolicy(server, tenant, carol, 'nobody');
    await setRequestPolicy(server, tenant, dave, 'friends_of_friends');

    expect(await suggested(alice)).toEqual([
      [dave.id, 1],
      [erin.id, 1],
    ]);
    // Dave does take Alice's request: they share Bob.
    const sent = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: dave.id },
    });
    expect(sent.status).toBe(201);
  });

  it('should not count a shared connection who has a block with either of the two', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave, erin, frank] = await users(
      tenant,
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
    );
    for (const friend of [bob, carol, dave]) await tenant.connect(alice, friend);
    for (const friend of [bob, carol]) await tenant.connect(erin, friend);
    await tenant.connect(dave, frank);
    expect(await suggested(alice)).toEqual([
      [erin.id, 2],
      [frank.id, 1],
    ]);

    // Rows as they may predate the rule that a block removes the connection: the connections stay.
    await insertBlock(server, tenant, erin, bob); // Bob no longer counts between Alice and Erin
    await insertBlock(server, tenant, dave, alice); // Dave no longer links Alice to anyone

    expect(await suggested(alice)).toEqual([[erin.id, 1]]);
  });

  it('should let a user token act only as itself, and a service token as any user of its tenant', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol']);
    const [carol] = others as [SeededUser];
    const expected = { status: 200, body: { suggestions: [suggestion(carol, 1)], pagination: pagination(1, 1, 1) } };

    expect(outcome(await suggestions(alice, '', carol.token))).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: `Not authorized to act as user '${alice.id}'`, code: 'FORBIDDEN' },
    });
    expect(outcome(await suggestions(alice, '', tenant.serviceToken))).toEqual(expected);
    expect(outcome(await suggestions({ ...alice, id: 'ghost' }, '', tenant.serviceToken))).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
    expect(outcome(await suggestions(alice, '?per_page=0'))).toEqual({
      status: 400,
      body: {
        error: 'Bad Request',
        message: 'per_page (perPage) must be an integer between 1 and 50',
        code: 'VALIDATION_FAILED',
      },
    });
    expect((await suggestions(alice, '', null)).status).toBe(401);
  });
});

describe('suggestion bounds', () => {
  it('should read only the user’s 200 newest connections', async () => {
    const tenant = await createTenant(server);
    const [alice, old, recent] = (await insertUsers(server, tenant, 'person', 3)) as [
      SeededUser,
      SeededUser,
      SeededUser,
    ];
    const friends = await insertUsers(server, tenant, 'friend', 201);
    // Friend 1 is Alice's oldest connection, beyond the 200 newest; friend 201 her newest.
    await insertConnections(server, tenant, [
      ...friends.map((f): [SeededUser, SeededUser] => [alice, f]),
      [friends[0]!, old],
      [friends[200]!, recent],
    ]);

    expect(outcome(await suggestions(alice))).toEqual({
      status: 200,
      body: { suggestions: [suggestion(recent, 1)], pagination: pagination(1, 1, 1) },
    });
  });

  it('should read only the 200 newest connections of each friend', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = (await insertUsers(server, tenant, 'person', 2)) as [SeededUser, SeededUser];
    const others = await insertUsers(server, tenant, 'other', 201);
    // Bob's connections, oldest first: Alice, then others 1 to 201; his 200 newest leave out Alice and other 1.
    await insertConnections(server, tenant, [[alice, bob], ...others.map((o): [SeededUser, SeededUser] => [bob, o])]);

    const page = await suggestions(alice, '?per_page=1');
    expect(outcome(page)).toEqual({
      status: 200,
      body: { suggestions: [suggestion(others[1]!, 1)], pagination: pagination(1, 200, 200, 1) },
    });
  });

  it('should rank and count at most 500 suggestions', async () => {
    const tenant = await createTenant(server);
    const [alice] = await insertUsers(server, tenant, 'person', 1);
    const friends = await insertUsers(server, tenant, 'friend', 3);
    const others = await insertUsers(server, tenant, 'other', 600);
    await insertConnections(server, tenant, [
      ...friends.map((f): [SeededUser, SeededUser] => [alice!, f]),
      ...others.map((o, i): [SeededUser, SeededUser] => [friends[i % 3]!, o]),
    ]);

    expect(outcome(await suggestions(alice!, '?page=50&per_page=10'))).toEqual({
      status: 200,
      body: {
        suggestions: others.slice(490, 500).map((o) => suggestion(o, 1)),
        pagination: pagination(50, 50, 500, 10),
      },
    });
    expect(outcome(await suggestions(alice!, '?page=51&per_page=10'))).toEqual({
      status: 200,
      body: { suggestions: [], pagination: pagination(51, 50, 500, 10) },
    });
  });
});

describe('GraphQL connectionSuggestions', () => {
  it('should answer the page, each mutual count the same as the user’s mutualConnectionCount', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, erin, frank] = await users(tenant, 'alice', 'bob', 'carol', 'erin', 'frank');
    for (const friend of [bob, carol]) await tenant.connect(alice, friend);
    for (const friend of [bob, carol]) await tenant.connect(erin, friend);
    await tenant.connect(frank, carol);

    const { body } = await server.graphql(Suggestions, {}, alice.token);

    expect(as(body.data?.connectionSuggestions, 'ConnectionSuggestionPage')).toEqual({
      __typename: 'ConnectionSuggestionPage',
      totalCount: 2,
      nodes: [
        { mutualCount: 2, user: { clientUserId: erin.id, displayName: erin.displayName, mutualConnectionCount: 2 } },
        { mutualCount: 1, user: { clientUserId: frank.id, displayName: frank.displayName, mutualConnectionCount: 1 } },
      ],
      pagination: { currentPage: 1, totalPages: 1, totalItems: 2, perPage: 10 },
    });
  });

  it('should answer typed errors', async () => {
    const { tenant, alice, others } = await friendOfFriends(['carol']);
    const [carol] = others as [SeededUser];
    const result = async (variables: { userId?: string; perPage?: number }, token: string) =>
      (await server.graphql(Suggestions, variables, token)).body.data?.connectionSuggestions;

    expect(await result({ userId: alice.id }, carol.token)).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: `Not authorized to act as user '${alice.id}'`,
    });
    expect(await result({ userId: 'ghost' }, tenant.serviceToken)).toEqual({
      __typename: 'NotFoundError',
      code: 'USER_NOT_FOUND',
      message: "User with ID 'ghost' does not exist",
    });
    expect(await result({ perPage: 51 }, alice.token)).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'per_page (perPage) must be an integer between 1 and 50',
    });
  });
});
