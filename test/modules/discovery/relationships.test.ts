import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';
import { as, outcome, stateOf, users } from '../../helpers/results.js';

/*
 * POST /v1/connections/{user_id}/status and `relationships`: how one user stands with up to 100
 * others, in one round trip and a constant number of SQL statements.
 */
const server = useTestServer();

const Relationships = graphql(`
  query TestRelationships($userId: ID, $userIds: [ID!]!) {
    relationships(userId: $userId, userIds: $userIds) {
      __typename
      ... on Error { code message }
      ... on RelationshipList { relationships { userId status connectionId requestId } }
    }
  }
`);

const status = (user: SeededUser, body: unknown, token = user.token) =>
  server.rest('POST', `/v1/connections/${user.id}/status`, { token, body });

const validationFailed = (message: string | ReturnType<typeof expect.any>) => ({
  status: 400,
  body: { error: 'Bad Request', message, code: 'VALIDATION_FAILED' },
});

/**
 * alice and one user of each kind: connected, asked by alice, asking alice, blocked by alice,
 * blocking alice, a stranger; plus their ids.
 */
async function neighbourhood(tenant: Tenant) {
  const [alice, friend, asked, asking, blocked, blocker, stranger] = await users(
    tenant,
    'alice',
    'friend',
    'asked',
    'asking',
    'blocked',
    'blocker',
    'stranger',
  );
  const connectionId = await tenant.connect(friend, alice);
  const sentId = await tenant.request(alice, asked);
  const receivedId = await tenant.request(asking, alice);
  await server.rest('PUT', `/v1/users/${alice.id}/blocked/${blocked.id}`, { token: alice.token });
  await server.rest('PUT', `/v1/users/${blocker.id}/blocked/${alice.id}`, { token: blocker.token });
  return { alice, friend, asked, asking, blocked, blocker, stranger, connectionId, sentId, receivedId };
}

/**
 * Runs `call` three times and returns the result and statements of the run that executed the
 * fewest SQL statements: a background sweep of the server (notification retention) that happens
 * to run meanwhile must not count as the call's.
 */
async function counting<T>(call: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  let fewest: { result: T; statements: string[] } | undefined;
  for (let run = 0; run < 3; run++) {
    const statements: string[] = [];
    onTestQuery((sql) => statements.push(sql));
    try {
      const result = await call();
      if (!fewest || statements.length < fewest.statements.length) fewest = { result, statements };
    } finally {
      onTestQuery(null);
    }
  }
  return fewest!;
}

describe('POST /v1/connections/{user_id}/status', () => {
  it('should answer each status in the order asked, repeated ids each time', async () => {
    const tenant = await createTenant(server);
    const n = await neighbourhood(tenant);

    const response = await status(n.alice, {
      user_ids: [
        n.stranger.id,
        n.friend.id,
        n.asked.id,
        n.asking.id,
        n.blocked.id,
        n.blocker.id,
        'ghost',
        n.alice.id,
        n.friend.id,
      ],
    });

    expect(outcome(response)).toEqual({
      status: 200,
      body: {
        relationships: [
          { user_id: n.stranger.id, status: 'none' },
          { user_id: n.friend.id, status: 'connected', connection_id: n.connectionId },
          { user_id: n.asked.id, status: 'request_sent', request_id: n.sentId },
          { user_id: n.asking.id, status: 'request_received', request_id: n.receivedId },
          { user_id: n.blocked.id, status: 'blocked' },
          // A user who blocks alice is not revealed.
          { user_id: n.blocker.id, status: 'none' },
          { user_id: 'ghost', status: 'none' },
          { user_id: n.alice.id, status: 'none' },
          { user_id: n.friend.id, status: 'connected', connection_id: n.connectionId },
        ],
      },
    });
  });

  it('should show the other side the mirror image', async () => {
    const tenant = await createTenant(server);
    const n = await neighbourhood(tenant);
    const askOf = async (user: SeededUser) => (await status(user, { user_ids: [n.alice.id] })).body.relationships[0];

    expect(await askOf(n.friend)).toEqual({ user_id: n.alice.id, status: 'connected', connection_id: n.connectionId });
    expect(await askOf(n.asked)).toEqual({ user_id: n.alice.id, status: 'request_received', request_id: n.sentId });
    expect(await askOf(n.asking)).toEqual({ user_id: n.alice.id, status: 'request_sent', request_id: n.receivedId });
    expect(await askOf(n.blocked)).toEqual({ user_id: n.alice.id, status: 'none' });
    expect(await askOf(n.blocker)).toEqual({ user_id: n.alice.id, status: 'blocked' });
  });

  it('should follow changes: answered, withdrawn by a block, removed', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const ask = async () => (await status(alice, { user_ids: [bob.id] })).body.relationships[0];

    const requestId = await tenant.request(bob, alice);
    expect(await ask()).toEqual({ user_id: bob.id, status: 'request_received', request_id: requestId });
    await server.rest('POST', `/v1/connections/${alice.id}/decline/${requestId}`, { token: alice.token });
    expect(await ask()).toEqual({ user_id: bob.id, status: 'none' });
    const connectionId = await tenant.connect(alice, bob);
    expect(await ask()).toEqual({ user_id: bob.id, status: 'connected', connection_id: connectionId });
    await server.rest('PUT', `/v1/users/${alice.id}/blocked/${bob.id}`, { token: alice.token });
    expect(await ask()).toEqual({ user_id: bob.id, status: 'blocked' });
    await server.rest('DELETE', `/v1/users/${alice.id}/blocked/${bob.id}`, { token: alice.token });
    expect(await ask()).toEqual({ user_id: bob.id, status: 'none' });
  });

  it('should answer ids of another tenant as none', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const [, otherBob] = await users(other, 'x', 'bob');
    const [otherAlice] = await users(other, 'alice');
    await other.connect(otherAlice, otherBob);

    const response = await status(alice, { user_ids: [otherBob.id] });

    expect(response.body).toEqual({ relationships: [{ user_id: otherBob.id, status: 'none' }] });
  });

  it('should accept 100 ids and any id text, unknown ids being none', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const ids = Array.from({ length: 98 }, (_, i) => `nobody-${i}`);
    ids.push('x'.repeat(500), "'; drop table users; --");

    const response = await status(alice, { user_ids: ids });

    expect(outcome(response)).toEqual({
      status: 200,
      body: { relationships: ids.map((id) => ({ user_id: id, status: 'none' })) },
    });
  });

  it.each([
    ['no ids', { user_ids: [] }, /1 to 100/],
    ['101 ids', { user_ids: Array.from({ length: 101 }, (_, i) => `u${i}`) }, /1 to 100/],
    ['a number among the ids', { user_ids: ['a', 7] }, /array of user id strings/],
    ['a null among the ids', { user_ids: [null] }, /array of user id strings/],
    ['ids that are not an array', { user_ids: 'a,b' }, /array of user id strings/],
    ['a missing field', {}, /array of user id strings/],
    ['a body that is not an object', ['a'], /JSON object/],
  ])('should answer 400 VALIDATION_FAILED for %s', async (_what, body, message) => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    expect(outcome(await status(alice, body))).toEqual(validationFailed(expect.stringMatching(message)));
  });

  it('should forbid asking as another user and answer 404 for an unknown user, changing nothing', async () => {
    const tenant = await createTenant(server);
    const n = await neighbourhood(tenant);
    const before = await stateOf(server, n.alice, n.friend);

    expect(outcome(await status(n.alice, { user_ids: [n.friend.id] }, n.friend.token))).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: `Not authorized to act as user '${n.alice.id}'`, code: 'FORBIDDEN' },
    });
    const ghost = await server.rest('POST', '/v1/connections/ghost/status', {
      token: tenant.serviceToken,
      body: { user_ids: [n.alice.id] },
    });
    expect(outcome(ghost)).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
    // A service token may ask for any of its users.
    const byService = await status(n.alice, { user_ids: [n.friend.id] }, tenant.serviceToken);
    expect(byService.body.relationships).toEqual([
      { user_id: n.friend.id, status: 'connected', connection_id: n.connectionId },
    ]);
    expect(await stateOf(server, n.alice, n.friend)).toEqual(before);
  });

  it('should answer the same with an Idempotency-Key header, which a read does not need', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = await tenant.request(alice, bob);

    const response = await server.rest('POST', `/v1/connections/${alice.id}/status`, {
      token: alice.token,
      body: { user_ids: [bob.id] },
      headers: { 'idempotency-key': 'status-1' },
    });

    expect(outcome(response)).toEqual({
      status: 200,
      body: { relationships: [{ user_id: bob.id, status: 'request_sent', request_id: requestId }] },
    });
  });

  it('should read a constant number of SQL statements, the same for 2 ids as for 100', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    // 99 known users, some of each relationship with alice.
    const others: SeededUser[] = [];
    for (let i = 0; i < 99; i++) others.push(await tenant.user('p'));
    for (const other of others.slice(0, 10)) await tenant.connect(alice, other);
    for (const other of others.slice(10, 20)) await tenant.request(alice, other);
    for (const other of others.slice(20, 30)) await tenant.request(other, alice);
    for (const other of others.slice(30, 40)) {
      await server.rest('PUT', `/v1/users/${alice.id}/blocked/${other.id}`, { token: alice.token });
    }
    const askFor = (ids: string[]) => counting(() => status(alice, { user_ids: ids }));

    const two = await askFor([others[0]!.id, others[25]!.id]);
    const hundred = await askFor([...others.map((o) => o.id), 'ghost']);

    expect(two.result.body.relationships.map((r: { status: string }) => r.status)).toEqual([
      'connected',
      'request_received',
    ]);
    const counts = (statuses: { status: string }[]) => {
      const byStatus: Record<string, number> = {};
      for (const r of statuses) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      return byStatus;
    };
    expect(counts(hundred.result.body.relationships)).toEqual({
      connected: 10,
      request_sent: 10,
      request_received: 10,
      blocked: 10,
      none: 60,
    });
    expect(hundred.statements.length).toBe(two.statements.length);
    // BEGIN, the acting user, the users asked, connections, pending requests, blocks, COMMIT.
    expect(two.statements.length).toBeLessThanOrEqual(7);

    // The GraphQL face reads the same statements.
    const viaGraphQL = await counting(() =>
      server.graphql(Relationships, { userIds: [...others.map((o) => o.id), 'ghost'] }, alice.token),
    );
    expect(viaGraphQL.statements.length).toBe(two.statements.length);
  });
});

describe('GraphQL relationships', () => {
  it('should mirror the REST face in camelCase with the same ids', async () => {
    const tenant = await createTenant(server);
    const n = await neighbourhood(tenant);

    const response = await server.graphql(
      Relationships,
      { userIds: [n.friend.id, n.asked.id, n.asking.id, n.blocked.id, n.blocker.id, 'ghost'] },
      n.alice.token,
    );

    expect(as(response.body.data?.relationships, 'RelationshipList').relationships).toEqual([
      { userId: n.friend.id, status: 'CONNECTED', connectionId: String(n.connectionId), requestId: null },
      { userId: n.asked.id, status: 'REQUEST_SENT', connectionId: null, requestId: String(n.sentId) },
      { userId: n.asking.id, status: 'REQUEST_RECEIVED', connectionId: null, requestId: String(n.receivedId) },
      { userId: n.blocked.id, status: 'BLOCKED', connectionId: null, requestId: null },
      { userId: n.blocker.id, status: 'NONE', connectionId: null, requestId: null },
      { userId: 'ghost', status: 'NONE', connectionId: null, requestId: null },
    ]);
  });

  it('should answer typed errors', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const empty = await server.graphql(Relationships, { userIds: [] }, alice.token);
    expect(empty.body.data?.relationships).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'user_ids (userIds) must hold 1 to 100 user ids',
    });
    const forbidden = await server.graphql(Relationships, { userId: alice.id, userIds: [bob.id] }, bob.token);
    expect(forbidden.body.data?.relationships).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const ghost = await server.graphql(Relationships, { userId: 'ghost', userIds: [bob.id] }, tenant.serviceToken);
    expect(ghost.body.data?.relationships).toMatchObject({ __typename: 'NotFoundError', code: 'USER_NOT_FOUND' });
  });
});
