import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../helpers/app.js';

/*
 * POSTs retried with the same Idempotency-Key (GraphQL: idempotencyKey) return the first result
 * instead of acting twice or answering 409; a key belongs to the acting user.
 */
const server = useTestServer();

const SendRequest = graphql(`
  mutation IdempotentSend($receiverId: ID!, $idempotencyKey: String) {
    sendConnectionRequest(receiverId: $receiverId, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Error { message code }
      ... on SendConnectionRequestPayload { request { id status } }
    }
  }
`);

function send(from: SeededUser, to: SeededUser, key: string | null, message?: string) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, {
    token: from.token,
    body: { receiver_id: to.id, ...(message !== undefined && { message }) },
    ...(key !== null && { headers: { 'idempotency-key': key } }),
  });
}

async function sentTotal(user: SeededUser) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/sent`, { token: user.token });
  return list.body.pagination.total_items as number;
}

async function notificationTotal(user: SeededUser) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return list.body.pagination.total_items as number;
}

describe('Idempotency-Key on REST POSTs', () => {
  it('should answer a retried send with the first result and send only one request', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];

    const first = await send(a, b, 'send-1', 'hi');
    const retry = await send(a, b, 'send-1', 'hi');

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await sentTotal(a)).toBe(1);
    expect(await notificationTotal(b)).toBe(1);
  });

  it('should answer 409 to the same send without a key, as before', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];
    await send(a, b, 'send-1');

    const again = await send(a, b, null);

    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_PENDING');
  });

  it('should refuse a key reused for a different request with 422, changing nothing', async () => {
    const tenant = await createTenant(server);
    const [a, b, c] = [await tenant.user(), await tenant.user(), await tenant.user()];
    await send(a, b, 'key');

    const reused = await send(a, c, 'key');

    expect(reused.status).toBe(422);
    expect(reused.body).toEqual({
      error: 'Unprocessable Entity',
      message: 'This Idempotency-Key was already used for a different request',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await sentTotal(a)).toBe(1);
    expect(await notificationTotal(c)).toBe(0);
  });

  it('should keep each acting user’s keys apart', async () => {
    const tenant = await createTenant(server);
    const [a, b, c] = [await tenant.user(), await tenant.user(), await tenant.user()];

    const fromA = await send(a, c, 'same-key');
    const fromB = await send(b, c, 'same-key');

    expect(fromA.status).toBe(201);
    expect(fromB.status).toBe(201);
    expect(fromB.body.id).not.toBe(fromA.body.id);
  });

  it('should answer concurrent calls with one key with one result', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];

    const results = await Promise.all(Array.from({ length: 6 }, () => send(a, b, 'burst')));

    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await sentTotal(a)).toBe(1);
  });

  it('should answer a retried accept with 200 instead of 409, and notify the sender once', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];
    const requestId = await tenant.request(a, b);
    const accept = () =>
      server.rest('POST', `/v1/connections/${b.id}/accept/${requestId}`, {
        token: b.token,
        headers: { 'idempotency-key': 'accept-1' },
      });

    const first = await accept();
    const retry = await accept();

    expect(first).toMatchObject({ status: 200, body: { message: 'Connection request accepted successfully' } });
    expect(retry).toMatchObject({ status: 200, body: { message: 'Connection request accepted successfully' } });
    expect(await notificationTotal(a)).toBe(1);
    const active = await server.rest('GET', `/v1/connections/${a.id}/active`, { token: a.token });
    expect(active.body.pagination.total_items).toBe(1);
  });

  it('should refuse a malformed key with 400', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];

    for (const key of ['', 'has space', 'x'.repeat(256), 'é']) {
      const refused = await send(a, b, key);
      expect(refused.status, key).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await sentTotal(a)).toBe(0);
  });

  it('should not remember a call that failed: a retry is judged afresh', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];
    await tenant.request(b, a);

    const refused = await send(a, b, 'after-conflict');
    expect(refused.status).toBe(409);
    const receivedByA = await server.rest('GET', `/v1/connections/${a.id}/received`, { token: a.token });
    await server.rest('POST', `/v1/connections/${a.id}/decline/${receivedByA.body.requests[0].id}`, { token: a.token });

    const retried = await send(a, b, 'after-conflict');
    expect(retried.status).toBe(201);
  });
});

describe('idempotencyKey on GraphQL mutations', () => {
  it('should return the first result, as it was, for a retry after the state moved on', async () => {
    const tenant = await createTenant(server);
    const [a, b] = [await tenant.user(), await tenant.user()];
    const first = await server.graphql(SendRequest, { receiverId: b.id, idempotencyKey: 'k1' }, a.token);
    const request = first.body.data?.sendConnectionRequest;
    if (request?.__typename !== 'SendConnectionRequestPayload') throw new Error(JSON.stringify(first.body));
    await server.rest('POST', `/v1/connections/${b.id}/accept/${request.request.id}`, { token: b.token });

    const retry = await server.graphql(SendRequest, { receiverId: b.id, idempotencyKey: 'k1' }, a.token);
    const withoutKey = await server.graphql(SendRequest, { receiverId: b.id }, a.token);

    expect(retry.body.data?.sendConnectionRequest).toEqual({
      __typename: 'SendConnectionRequestPayload',
      request: { id: request.request.id, status: 'PENDING' },
    });
    expect(withoutKey.body.data?.sendConnectionRequest).toMatchObject({ code: 'ALREADY_CONNECTED' });
  });
});
