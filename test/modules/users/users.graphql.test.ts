import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';

const server = useTestServer();

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const UserQuery = graphql(`
  query TestUser($userId: ID) {
    user(userId: $userId) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on ValidationError { field }
      ... on User { id clientUserId displayName createdAt }
    }
  }
`);

// A variable named otherwise than the argument, as a game UI may write it.
const LookUpProfile = graphql(`
  query LookUpProfile($who: ID) {
    user(userId: $who) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on User { id clientUserId displayName createdAt mutualConnectionCount }
    }
  }
`);

// The id written in the document: "bob" is created under that id in a tenant of its own.
const LookUpBobLiterally = graphql(`
  query LookUpBobLiterally {
    user(userId: "bob") {
      __typename
      ... on Error { message code }
      ... on User { id clientUserId displayName createdAt }
    }
  }
`);

const MutualCountWithAnother = graphql(`
  query LookUpMutualCountWithAnother($who: ID, $with: ID) {
    user(userId: $who) {
      __typename
      ... on User { clientUserId mutualConnectionCount(withUserId: $with) }
    }
  }
`);

const AsAnotherUser = graphql(`
  query LookUpAsAnotherUserReads($userId: ID) {
    settings(userId: $userId) { __typename ... on Error { message code } ... on Settings { acceptRequestsFrom } }
    blockedUsers(userId: $userId) {
      __typename
      ... on Error { message code }
      ... on BlockedUserPage { totalCount nodes { user { clientUserId } } }
    }
  }
`);

const AsAnotherUserWrites = graphql(`
  mutation LookUpAsAnotherUserWrites($userId: ID, $otherUserId: ID!) {
    updateSettings(userId: $userId, acceptRequestsFrom: NOBODY) { __typename ... on Error { message code } }
    blockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }
    unblockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }
  }
`);

const UpsertUser = graphql(`
  mutation TestUpsertUser($userId: ID, $displayName: String!) {
    upsertUser(userId: $userId, displayName: $displayName) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on UpsertUserPayload { created user { id clientUserId displayName createdAt } }
    }
  }
`);

describe('Query.user', () => {
  it("should default to the token's own user", async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const { status, body } = await server.graphql(UserQuery, {}, alice.token);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        user: {
          __typename: 'User',
          id: alice.id,
          clientUserId: alice.id,
          displayName: alice.displayName,
          createdAt: expect.stringMatching(ISO_TIME),
        },
      },
    });
  });

  it('should let a service token read any user of its tenant', async () => {
    const tenant = await createTenant(server);
    const bob = await tenant.user('bob');

    const { body } = await server.graphql(UserQuery, { userId: bob.id }, tenant.serviceToken);

    expect(body.data?.user).toMatchObject({ __typename: 'User', clientUserId: bob.id, displayName: bob.displayName });
  });

  it('should return a NotFoundError for an unknown user', async () => {
    const tenant = await createTenant(server);

    const { status, body } = await server.graphql(UserQuery, { userId: 'nobody' }, tenant.serviceToken);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        user: {
          __typename: 'NotFoundError',
          message: "User with ID 'nobody' does not exist",
          code: 'USER_NOT_FOUND',
          id: 'nobody',
        },
      },
    });
  });

  it('should let a user token read the public profile of another user of its tenant', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const asService = await server.graphql(UserQuery, { userId: bob.id }, tenant.serviceToken);

    const asAlice = await server.graphql(UserQuery, { userId: bob.id }, alice.token);

    expect(asAlice.status).toBe(200);
    expect(asAlice.body).toEqual({
      data: {
        user: {
          __typename: 'User',
          id: bob.id,
          clientUserId: bob.id,
          displayName: bob.displayName,
          createdAt: expect.stringMatching(ISO_TIME),
        },
      },
    });
    expect(asAlice.body).toEqual(asService.body);
  });

  it('should look up another user named by a literal argument or by a variable of another name', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const created = await server.rest('PUT', '/v1/users/bob', {
      token: tenant.serviceToken,
      body: { display_name: 'Bob Literal' },
    });
    expect(created.status).toBe(201);

    const literal = await server.graphql(LookUpBobLiterally, {}, alice.token);
    const variable = await server.graphql(LookUpProfile, { who: 'bob' }, alice.token);

    const bob = { id: 'bob', clientUserId: 'bob', displayName: 'Bob Literal', createdAt: created.body.created_at };
    expect(literal.body).toEqual({ data: { user: { __typename: 'User', ...bob } } });
    // They share no connection; the count is the caller's own to see (see mutualConnectionCount).
    expect(variable.body).toEqual({ data: { user: { __typename: 'User', ...bob, mutualConnectionCount: 0 } } });
  });

  it('should return the same NotFoundError to a user token for an unknown user and a user of another tenant', async () => {
    const [first, second] = [await createTenant(server), await createTenant(server)];
    const alice = await first.user('alice');
    const elsewhere = await second.user('elsewhere');
    const ghost = `ghost-${randomUUID()}`;

    const unknown = await server.graphql(LookUpProfile, { who: ghost }, alice.token);
    const otherTenant = await server.graphql(LookUpProfile, { who: elsewhere.id }, alice.token);

    const notFound = (id: string) => ({
      data: {
        user: {
          __typename: 'NotFoundError',
          message: `User with ID '${id}' does not exist`,
          code: 'USER_NOT_FOUND',
          id,
        },
      },
    });
    expect(unknown.body).toEqual(notFound(ghost));
    expect(otherTenant.body).toEqual(notFound(elsewhere.id));
    expect([otherTenant.status, unknown.status]).toEqual([200, 200]);
  });

  it('should answer the same profile and mutual connection count whether either user blocks the other', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, bob);
    await tenant.connect(alice, carol);
    await tenant.connect(bob, carol);
    const block = (blocker: SeededUser, blocked: SeededUser) =>
      server.rest('PUT', `/v1/users/${blocker.id}/blocked/${blocked.id}`, { token: blocker.token });
    const unblock = (blocker: SeededUser, blocked: SeededUser) =>
      server.rest('DELETE', `/v1/users/${blocker.id}/blocked/${blocked.id}`, { token: blocker.token });
    const bothWays = async () => {
      const [aliceSeesBob, bobSeesAlice] = [
        await server.graphql(LookUpProfile, { who: bob.id }, alice.token),
        await server.graphql(LookUpProfile, { who: alice.id }, bob.token),
      ];
      return {
        aliceSeesBob: [aliceSeesBob.status, aliceSeesBob.body],
        bobSeesAlice: [bobSeesAlice.status, bobSeesAlice.body],
      };
    };

    const neither = await bothWays();
    expect((await block(bob, alice)).status).toBe(201);
    const bobBlocksAlice = await bothWays();
    expect((await unblock(bob, alice)).status).toBe(200);
    expect((await block(alice, bob)).status).toBe(201);
    const aliceBlocksBob = await bothWays();
    expect((await block(bob, alice)).status).toBe(201);
    const both = await bothWays();

    expect(neither.aliceSeesBob).toEqual([
      200,
      {
        data: {
          user: {
            __typename: 'User',
            id: bob.id,
            clientUserId: bob.id,
            displayName: bob.displayName,
            createdAt: expect.stringMatching(ISO_TIME),
            // carol, connected to both
            mutualConnectionCount: 1,
          },
        },
      },
    ]);
    for (const blocked of [bobBlocksAlice, aliceBlocksBob, both]) expect(blocked).toEqual(neither);
  });

  it('should refuse a user token the mutual connection count of a looked-up user with someone else', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(bob, carol);

    const { status, body } = await server.graphql(MutualCountWithAnother, { who: bob.id, with: carol.id }, alice.token);

    expect(status).toBe(200);
    expect(body.data).toEqual({ user: { __typename: 'User', clientUserId: bob.id, mutualConnectionCount: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: `Not authorized to act as user '${carol.id}'`,
        path: ['user', 'mutualConnectionCount'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });

  it('should not see a user of another tenant', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const other = await createTenant(server);

    const { body } = await server.graphql(UserQuery, { userId: alice.id }, other.serviceToken);

    expect(body.data?.user).toMatchObject({ __typename: 'NotFoundError', code: 'USER_NOT_FOUND', id: alice.id });
  });

  it('should answer a GraphQL error UNAUTHENTICATED with HTTP 401 without a token', async () => {
    const { status, headers, body } = await server.graphql(UserQuery, {}, null);

    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Missing bearer token: send Authorization: Bearer <JWT>',
        extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
      }),
    ]);
  });

  it('should answer a GraphQL error UNAUTHENTICATED with HTTP 401 for an invalid token', async () => {
    const tenant = await createTenant(server);
    const expired = await server.token('alice1', { tenant: tenant.name, expiresIn: '-1m' });

    for (const [token, message] of [
      ['garbage', 'Token is malformed or its signature is invalid'],
      [expired, 'Token has expired'],
    ] as const) {
      const { status, body } = await server.graphql(UserQuery, {}, token);
      expect(status).toBe(401);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({ message, extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }),
      ]);
    }
  });
});

describe('Settings and blocks of another user', () => {
  it('should return a ForbiddenError for each when a user token names another user, and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const before = await server.graphql(AsAnotherUser, { userId: bob.id }, bob.token);
    expect(before.body.data).toEqual({
      settings: { __typename: 'Settings', acceptRequestsFrom: 'EVERYONE' },
      blockedUsers: { __typename: 'BlockedUserPage', totalCount: 0, nodes: [] },
    });

    const reads = await server.graphql(AsAnotherUser, { userId: bob.id }, alice.token);
    const writes = await server.graphql(AsAnotherUserWrites, { userId: bob.id, otherUserId: carol.id }, alice.token);

    const forbidden = {
      __typename: 'ForbiddenError',
      message: `Not authorized to act as user '${bob.id}'`,
      code: 'FORBIDDEN',
    };
    expect(reads.body).toEqual({ data: { settings: forbidden, blockedUsers: forbidden } });
    expect(writes.body).toEqual({ data: { updateSettings: forbidden, blockUser: forbidden, unblockUser: forbidden } });
    expect((await server.graphql(AsAnotherUser, { userId: bob.id }, bob.token)).body).toEqual(before.body);
  });
});

describe('Mutation.upsertUser', () => {
  it('should create a user, then rename it, telling which happened', async () => {
    const tenant = await createTenant(server);
    const userId = `player-${randomUUID()}`;

    const created = await server.graphql(UpsertUser, { userId, displayName: '  PlayerOne  ' }, tenant.serviceToken);
    const renamed = await server.graphql(UpsertUser, { userId, displayName: 'PlayerUno' }, tenant.serviceToken);

    expect(created.body).toEqual({
      data: {
        upsertUser: {
          __typename: 'UpsertUserPayload',
          created: true,
          user: {
            id: userId,
            clientUserId: userId,
            displayName: 'PlayerOne',
            createdAt: expect.stringMatching(ISO_TIME),
          },
        },
      },
    });
    const createdUser = created.body.data?.upsertUser;
    expect(renamed.body).toEqual({
      data: {
        upsertUser: {
          __typename: 'UpsertUserPayload',
          created: false,
          user: {
            id: userId,
            clientUserId: userId,
            displayName: 'PlayerUno',
            createdAt: createdUser?.__typename === 'UpsertUserPayload' ? createdUser.user.createdAt : 'missing',
          },
        },
      },
    });
    const read = await server.graphql(UserQuery, { userId }, tenant.serviceToken);
    expect(read.body.data?.user).toMatchObject({ displayName: 'PlayerUno' });
  });

  it("should let a user token upsert itself, defaulting userId to the token's subject", async () => {
    const tenant = await createTenant(server);
    const token = await server.token('self-made', { tenant: tenant.name });

    const { body } = await server.graphql(UpsertUser, { displayName: 'Self Made' }, token);

    expect(body.data?.upsertUser).toMatchObject({
      __typename: 'UpsertUserPayload',
      created: true,
      user: { clientUserId: 'self-made', displayName: 'Self Made' },
    });
  });

  it('should return a ForbiddenError when a user token upserts another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const { body } = await server.graphql(UpsertUser, { userId: bob.id, displayName: 'Hijacked' }, alice.token);

    expect(body).toEqual({
      data: {
        upsertUser: {
          __typename: 'ForbiddenError',
          message: `Not authorized to act as user '${bob.id}'`,
          code: 'FORBIDDEN',
        },
      },
    });
    const read = await server.graphql(UserQuery, {}, bob.token);
    expect(read.body.data?.user).toMatchObject({ displayName: bob.displayName });
  });

  it('should return a ValidationError for a blank or too long display name', async () => {
    const tenant = await createTenant(server);
    const expected = {
      __typename: 'ValidationError',
      message: 'Display name must be between 1 and 64 characters after trimming',
      code: 'VALIDATION_FAILED',
      field: 'displayName',
    };

    for (const displayName of ['', '   ', 'x'.repeat(65)]) {
      const { body } = await server.graphql(UpsertUser, { userId: 'someone', displayName }, tenant.serviceToken);
      expect(body).toEqual({ data: { upsertUser: expected } });
    }
    const { body } = await server.graphql(UserQuery, { userId: 'someone' }, tenant.serviceToken);
    expect(body.data?.user).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('should accept a display name of exactly 64 characters', async () => {
    const tenant = await createTenant(server);
    const displayName = 'é'.repeat(64);

    const { body } = await server.graphql(UpsertUser, { userId: 'long-name', displayName }, tenant.serviceToken);

    expect(body.data?.upsertUser).toMatchObject({ __typename: 'UpsertUserPayload', user: { displayName } });
  });

  it('should return a ValidationError for a user id longer than 128 characters', async () => {
    const tenant = await createTenant(server);

    const { body } = await server.graphql(
      UpsertUser,
      { userId: 'u'.repeat(129), displayName: 'Too Long' },
      tenant.serviceToken,
    );

    expect(body).toEqual({
      data: {
        upsertUser: {
          __typename: 'ValidationError',
          message: 'User ID must be 1 to 128 characters, without NUL or unpaired surrogates',
          code: 'VALIDATION_FAILED',
          field: 'userId',
        },
      },
    });
  });
});
