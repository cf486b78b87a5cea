import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';

/** Every line the app logs, parsed. */
const lines: string[] = [];
const server = useTestServer({ logger: createLogger('info', { write: (line) => void lines.push(line) }) });

/** The access-log line of the request answered with `requestId`. */
function accessLine(requestId: string | null): Record<string, unknown> | undefined {
  return lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line.msg === 'request' && line.requestId === requestId);
}

/** A whole GraphiQL tab: a mutation and two queries, run one at a time by name. */
const TAB = (receiver: string) => `
mutation Send { sendConnectionRequest(receiverId: "${receiver}") { __typename } }
query Sent { sentConnectionRequests { ... on ConnectionRequestPage { totalCount } } }
query Me { user { ... on User { clientUserId } } }
`;

async function post(token: string, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
}

async function get(token: string, params: Record<string, string>) {
  const response = await fetch(`${server.url}/graphql?${new URLSearchParams(params)}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
}

async function sentCount(server: TestServer, user: SeededUser): Promise<number> {
  const sent = await server.rest('GET', `/v1/connections/${user.id}/sent`, { token: user.token });
  return sent.body.pagination.total_items;
}

describe('operationName', () => {
  it('should run the operation it names, each time, over POST and GET, and log that one', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const query = TAB(bob.id);

    const sent = await post(alice.token, { query, operationName: 'Send' });
    const listed = await post(alice.token, { query, operationName: 'Sent' });
    const me = await get(alice.token, { query, operationName: 'Me' });
    const listedOverGet = await get(alice.token, { query, operationName: 'Sent' });

    expect(sent.body).toEqual({ data: { sendConnectionRequest: { __typename: 'SendConnectionRequestPayload' } } });
    expect(listed.body).toEqual({ data: { sentConnectionRequests: { totalCount: 1 } } });
    expect(me.body).toEqual({ data: { user: { clientUserId: alice.id } } });
    expect(listedOverGet.body).toEqual({ data: { sentConnectionRequests: { totalCount: 1 } } });
    expect(await sentCount(server, alice)).toBe(1);
    expect(accessLine(listed.requestId)).toMatchObject({ operationName: 'Sent', operationType: 'query' });
    expect(accessLine(listedOverGet.requestId)).toMatchObject({ operationName: 'Sent', operationType: 'query' });
    expect(accessLine(sent.requestId)).toMatchObject({ operationName: 'Send', operationType: 'mutation' });
  });

  it('should refuse a mutation over GET with 405, picked by name or alone, and run nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await post(alice.token, { query: TAB(bob.id), operationName: 'Sent' });

    const byName = await get(alice.token, { query: TAB(bob.id), operationName: 'Send' });
    const alone = await get(alice.token, {
      query: `mutation { sendConnectionRequest(receiverId: "${bob.id}") { __typename } }`,
    });

    for (const refused of [byName, alone]) {
      expect(refused.status).toBe(405);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ message: 'Can only perform a mutation operation from a POST request.' }),
      ]);
      expect(refused.body.data).toBeUndefined();
    }
    expect(await sentCount(server, alice)).toBe(0);
  });

  it('should answer an operationName the document does not hold, and one missing from a document of several, without running any', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const unknown = await post(alice.token, { query: TAB(bob.id), operationName: 'Nope' });
    const missing = await post(alice.token, { query: TAB(bob.id) });

    for (const refused of [unknown, missing]) {
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_RESOLUTION_FAILURE' }) }),
      ]);
    }
    expect(await sentCount(server, alice)).toBe(0);
  });
});
