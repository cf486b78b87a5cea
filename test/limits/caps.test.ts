import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from '../helpers/app.js';

/* Caps on what one user may accumulate: pending outgoing requests and connections. */
const server = useTestServer({ env: { MAX_PENDING_OUTGOING_REQUESTS: '2', MAX_CONNECTIONS_PER_USER: '2' } });

function send(from: SeededUser, to: SeededUser) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { receiver_id: to.id } });
}

describe('pending outgoing requests cap', () => {
  it('should refuse a send over the cap with 409 TOO_MANY_PENDING_REQUESTS, until one is answered', async () => {
    const tenant = await createTenant(server);
    const [sender, a, b, c] = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
    const first = await send(sender, a);
    await send(sender, b);

    const refused = await send(sender, c);

    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: 'Conflict',
      message: 'Too many pending connection requests: at most 2 may wait for an answer at once',
      code: 'TOO_MANY_PENDING_REQUESTS',
    });
    const received = await server.rest('GET', `/v1/connections/${c.id}/received`, { token: c.token });
    expect(received.body.requests).toEqual([]);

    await server.rest('POST', `/v1/connections/${a.id}/decline/${first.body.id}`, { token: a.token });
    expect((await send(sender, c)).status).toBe(201);
  });
});

describe('connections cap', () => {
  it('should refuse a send by a user at the cap with 409 CONNECTION_LIMIT_REACHED', async () => {
    const tenant = await createTenant(server);
    const [user, a, b, c] = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
    await tenant.connect(user, a);
    await tenant.connect(user, b);

    const refused = await send(user, c);

    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: 'Conflict',
      message: 'Connection limit reached: a user may have at most 2 connections',
      code: 'CONNECTION_LIMIT_REACHED',
    });
  });

  it('should refuse accepting a request when either user is at the cap, leaving it pending', async () => {
    const tenant = await createTenant(server);
    const [popular, a, b, fan] = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
    const requestId = await tenant.request(fan, popular);
    const firstConnection = await tenant.connect(popular, a);
    await tenant.connect(popular, b);

    const refused = await server.rest('POST', `/v1/connections/${popular.id}/accept/${requestId}`, {
      token: popular.token,
    });

    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONNECTION_LIMIT_REACHED');
    const received = await server.rest('GET', `/v1/connections/${popular.id}/received`, { token: popular.token });
    expect(received.body.requests.find((r: { id: number }) => r.id === requestId).status).toBe('pending');

    // Removing a connection makes room again.
    await server.rest('DELETE', `/v1/connections/${popular.id}/${firstConnection}`, { token: popular.token });
    const accepted = await server.rest('POST', `/v1/connections/${popular.id}/accept/${requestId}`, {
      token: popular.token,
    });
    expect(accepted.status).toBe(200);
  });

  it('should still let a user at the cap decline', async () => {
    const tenant = await createTenant(server);
    const [popular, a, b, fan] = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
    const requestId = await tenant.request(fan, popular);
    await tenant.connect(popular, a);
    await tenant.connect(popular, b);

    const declined = await server.rest('POST', `/v1/connections/${popular.id}/decline/${requestId}`, {
      token: popular.token,
    });

    expect(declined.status).toBe(200);
  });
});
