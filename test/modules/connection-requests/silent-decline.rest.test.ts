import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { outcome, stateOf, users } from '../../helpers/results.js';

/*
 * POST /v1/connections/{user_id}/decline/{request_id} with its optional JSON body
 * `{"silent": true}`: a decline that does not notify the sender. The documented call, with no
 * body, stays a plain decline.
 */
const server = useTestServer();

const DECLINED = { status: 200, body: { message: 'Connection request declined successfully' } };

const decline = (receiver: SeededUser, requestId: number, body?: unknown, headers?: Record<string, string>) =>
  server.rest('POST', `/v1/connections/${receiver.id}/decline/${requestId}`, {
    token: receiver.token,
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

async function notificationTypes(user: SeededUser): Promise<string[]> {
  const list = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return list.body.notifications.map((n: { type: string }) => n.type);
}

async function statusOf(sender: SeededUser, requestId: number): Promise<string> {
  const sent = await server.rest('GET', `/v1/connections/${sender.id}/sent`, { token: sender.token });
  return sent.body.requests.find((r: { id: number }) => r.id === requestId).status;
}

async function pendingRequest() {
  const tenant = await createTenant(server);
  const [receiver, sender] = await users(tenant, 'receiver', 'sender');
  return { receiver, sender, requestId: await tenant.request(sender, receiver) };
}

describe('POST /v1/connections/{user_id}/decline/{request_id}', () => {
  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['{}', {}],
    ['{"silent": false}', { silent: false }],
    ['{"silent": null}', { silent: null }],
  ])('should decline and notify the sender for %s', async (_name, body) => {
    const { receiver, sender, requestId } = await pendingRequest();

    expect(outcome(await decline(receiver, requestId, body))).toEqual(DECLINED);

    expect(await statusOf(sender, requestId)).toBe('declined');
    expect(await notificationTypes(sender)).toEqual(['request_declined']);
  });

  it('should decline without notifying the sender for {"silent": true}', async () => {
    const { receiver, sender, requestId } = await pendingRequest();

    expect(outcome(await decline(receiver, requestId, { silent: true }))).toEqual(DECLINED);

    expect(await statusOf(sender, requestId)).toBe('declined');
    expect(await notificationTypes(sender)).toEqual([]);
    const received = await server.rest('GET', `/v1/connections/${receiver.id}/received?status=declined`, {
      token: receiver.token,
    });
    expect(received.body.requests.map((r: { id: number }) => r.id)).toEqual([requestId]);
  });

  it.each([
    ['"true"', 'true'],
    ['1', 1],
    ['0', 0],
    ['[]', []],
    ['{}', {}],
  ])('should answer 400 VALIDATION_FAILED for silent: %s, and change nothing', async (_name, silent) => {
    const { receiver, sender, requestId } = await pendingRequest();
    const before = await stateOf(server, receiver, sender);

    expect(outcome(await decline(receiver, requestId, { silent }))).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'silent must be true or false', code: 'VALIDATION_FAILED' },
    });
    expect(await stateOf(server, receiver, sender)).toEqual(before);
  });

  it.each([
    ['[]', '[]', 'VALIDATION_FAILED', 'Request body must be a JSON object'],
    ['null', 'null', 'VALIDATION_FAILED', 'Request body must be a JSON object'],
    ['"silent"', '"silent"', 'VALIDATION_FAILED', 'Request body must be a JSON object'],
    ['{', '{', 'INVALID_JSON', 'Request body is not valid JSON'],
  ])('should answer 400 for the body %s, and change nothing', async (_name, body, code, message) => {
    const { receiver, sender, requestId } = await pendingRequest();
    const before = await stateOf(server, receiver, sender);

    expect(outcome(await decline(receiver, requestId, body))).toEqual({
      status: 400,
      body: { error: 'Bad Request', message, code },
    });
    expect(await stateOf(server, receiver, sender)).toEqual(before);
  });

  it('should fingerprint silent with the Idempotency-Key: the same call replays, the other is 422', async () => {
    const tenant = await createTenant(server);
    const [receiver, quiet, loud] = await users(tenant, 'receiver', 'sender', 'sender');
    const quietRequest = await tenant.request(quiet, receiver);
    const loudRequest = await tenant.request(loud, receiver);
    const keyed = (requestId: number, key: string, body?: unknown) =>
      decline(receiver, requestId, body, { 'idempotency-key': key });
    const reused = {
      status: 422,
      body: {
        error: 'Unprocessable Entity',
        message: 'This Idempotency-Key was already used for a different request',
        code: 'IDEMPOTENCY_KEY_REUSED',
      },
    };

    expect(outcome(await keyed(quietRequest, 'quiet', { silent: true }))).toEqual(DECLINED);
    expect(outcome(await keyed(quietRequest, 'quiet', { silent: true }))).toEqual(DECLINED);
    expect(outcome(await keyed(quietRequest, 'quiet'))).toEqual(reused);
    expect(outcome(await keyed(quietRequest, 'quiet', { silent: false }))).toEqual(reused);

    // No body, `{}` and `{"silent": false}` are one and the same call.
    expect(outcome(await keyed(loudRequest, 'loud'))).toEqual(DECLINED);
    expect(outcome(await keyed(loudRequest, 'loud', {}))).toEqual(DECLINED);
    expect(outcome(await keyed(loudRequest, 'loud', { silent: false }))).toEqual(DECLINED);
    expect(outcome(await keyed(loudRequest, 'loud', { silent: true }))).toEqual(reused);

    expect(await notificationTypes(quiet)).toEqual([]);
    expect(await notificationTypes(loud)).toEqual(['request_declined']);
  });

  it('should document silent in the OpenAPI document: an optional body with one boolean field', async () => {
    const doc = (await server.rest('GET', '/v1/openapi.json')).body;
    const operation = doc.paths['/v1/connections/{userId}/decline/{requestId}'].post;

    expect(operation.requestBody.required).toBe(false);
    expect(operation.requestBody.content['application/json'].schema).toEqual({
      type: 'object',
      properties: { silent: { type: ['boolean', 'null'], default: false, description: expect.any(String) } },
      required: [],
    });
    expect(operation.responses['400'].description).toContain('`INVALID_JSON`');
    expect(operation.responses['413']).toBeDefined();
  });
});
