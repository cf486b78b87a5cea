import { describe, expect, it } from 'vitest';
import { createTenant, useTestServer } from '../helpers/app.js';

/*
 * Queries and mutations run compiled (graphql-jit) once they repeat; the suite compiles them at
 * their first use (test/helpers/app.ts). These are the ways compiled code went wrong before, each
 * sent several times so that the compiled code answers, as clients write them.
 */
const server = useTestServer();

async function post(token: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('operations compiled for speed', () => {
  it('should run the operation operationName names, each time, in a document of several', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const document = `
      query Me { user { ... on User { clientUserId } } }
      query Count { activeConnections { ... on ConnectionPage { pagination { totalItems } } } }
    `;
    for (let round = 0; round < 3; round++) {
      expect(await post(alice.token, { query: document, operationName: 'Count' })).toEqual({
        status: 200,
        body: { data: { activeConnections: { pagination: { totalItems: 0 } } } },
      });
      expect(await post(alice.token, { query: document, operationName: 'Me' })).toEqual({
        status: 200,
        body: { data: { user: { clientUserId: alice.id } } },
      });
    }
  });

  it('should read a variable written inside a JSON literal, each time', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const document = `mutation Host($lobby: String) {
      setPresence(status: ONLINE, joinInfo: { lobby: $lobby, mode: "ranked" }) {
        ... on SetPresencePayload { presence { joinInfo } }
      }
    }`;
    for (const lobby of ['eu-1', 'eu-2', 'us-3']) {
      const { body } = await post(alice.token, { query: document, variables: { lobby } });
      expect(body).toEqual({ data: { setPresence: { presence: { joinInfo: { lobby, mode: 'ranked' } } } } });
    }
  });

  it("should answer variables that do not hold with graphql-js's own message, each time", async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const document = `query Page($n: Int) { activeConnections(perPage: $n) { __typename } }`;
    expect((await post(alice.token, { query: document, variables: { n: 5 } })).status).toBe(200);
    for (let round = 0; round < 2; round++) {
      const { status, body } = await post(alice.token, { query: document, variables: { n: 'five' } });
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Variable "$n" got invalid value "five"; Int cannot represent non-integer value: "five"',
          locations: [{ line: 1, column: 12 }],
        }),
      ]);
      expect(body.data).toBeUndefined();
    }
  });

  it('should place an error raised while resolving a field where the field is written, each time', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, bob);
    const document = `query Mutuals($other: ID) {
  activeConnections {
    ... on ConnectionPage {
      nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $other) } }
    }
  }
}`;
    for (let round = 0; round < 2; round++) {
      const { body } = await post(alice.token, { query: document, variables: { other: carol.id } });
      expect(body).toEqual({
        data: {
          activeConnections: { nodes: [{ connectedUser: { clientUserId: bob.id, mutualConnectionCount: null } }] },
        },
        errors: [
          {
            message: `Not authorized to act as user '${carol.id}'`,
            locations: [{ line: 4, column: 44 }],
            path: ['activeConnections', 'nodes', 0, 'connectedUser', 'mutualConnectionCount'],
            extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
          },
        ],
      });
    }
  });
});
