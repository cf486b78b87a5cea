import { describe, expect, it } from 'vitest';
import { createTenant, useTestServer } from '../helpers/app.js';
import { eventually, statusSeenBy } from '../modules/presence/presence-helpers.js';

/*
 * A subscription sent over HTTP without asking for a stream (a JSON POST, as a curl or a
 * misconfigured client sends it, or a GET with `Accept: application/json`) is refused with 406.
 * Nothing may keep running behind that answer: no listener, no place among the subscribers, no
 * online presence for the user who sent it.
 */
const server = useTestServer({ env: { PRESENCE_GRACE_SECONDS: '0' } });

const SUBSCRIPTION = 'subscription Inbox { notificationAdded { id } }';

describe('subscriptions nobody reads', () => {
  it('should refuse a subscription sent without asking for a stream with 406, and leave nothing running', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    const headers = { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' };
    const requests = [
      () =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { ...headers, accept: 'application/json' },
          body: JSON.stringify({ query: SUBSCRIPTION }),
        }),
      () =>
        fetch(`${server.url}/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`, {
          headers: { authorization: headers.authorization, accept: 'application/graphql-response+json' },
        }),
    ];
    for (let round = 0; round < 5; round++) {
      for (const send of requests) {
        const response = await send();
        expect(response.status).toBe(406);
        await response.arrayBuffer();
      }
    }
    await eventually(async () => (server.app.hub.userCount === 0 ? true : undefined), 5_000, 'no subscriber left');
    await eventually(
      async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'offline' ? true : undefined),
      5_000,
      'alice offline',
    );

    // Without an Accept (any type will do), the same POST is a stream, as GraphQL over SSE says.
    const streamed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await eventually(async () => (server.app.hub.userCount === 1 ? true : undefined), 5_000, 'the stream listening');
    await streamed.body?.cancel();
    await eventually(async () => (server.app.hub.userCount === 0 ? true : undefined), 5_000, 'the stream released');
    await eventually(
      async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'offline' ? true : undefined),
      5_000,
      'alice offline',
    );
  });
});
