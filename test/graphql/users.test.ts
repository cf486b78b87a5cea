import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTenant, useTestServer } from '../helpers/app.js';

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

  it('should return a ForbiddenError when a user token names another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const { body } = await server.graphql(UserQuery, { userId: bob.id }, alice.token);

    expect(body).toEqual({
      data: {
        user: { __typename: 'ForbiddenError', message: `Not authorized to act as user '${bob.id}'`, code: 'FORBIDDEN' },
      },
    });
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
