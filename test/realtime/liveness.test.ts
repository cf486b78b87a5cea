import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { findUserByClientId } from '../../src/db/users.repository.js';
import { createLogger } from '../../src/logger.js';
import { createTenant, TEST_JWT_SECRET, useTestServer } from '../helpers/app.js';

const server = useTestServer();

/** A raw graphql-transport-ws socket, acknowledged, for tests that need to misbehave. */
async function openSocket(baseUrl: string, token: string) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: { type: string; payload?: unknown }[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', function acked() {
      if (messages.some((m) => m.type === 'connection_ack')) {
        socket.off('message', acked);
        resolve();
      }
    });
  });
  return { socket, messages, closed };
}

describe('socket liveness', () => {
  it('should close a socket with 4401 when its token expires', async () => {
    const token = await server.token('anyone', { expiresIn: '2s' });
    const { closed } = await openSocket(server.url, token);

    expect(await closed).toBe(4401);
  });

  it('should drop a client that stops reading instead of holding its backlog', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      SUBSCRIPTION_STALL_MS: '300',
      SHUTDOWN_GRACE_MS: '500',
    });
    const app = await buildApp({ config, logger: createLogger('silent'), database: server.database });
    const url = await app.start();
    try {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      await tenant.request(bob, alice);
      const first = (await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token })).body
        .notifications[0];
      // A backlog far larger than the socket buffers between server and client (about 10 MB).
      const { db } = server.database;
      const aliceRow = (await findUserByClientId(db, tenant.name, alice.id))!;
      const BACKLOG = 20_000;
      await sql`
        insert into notifications (tenant, user_id, type, connection_request_id, other_user_id, message, seq)
        select ${tenant.name}, ${aliceRow.id}, 'new_request', r.id, r.sender_id,
               repeat('x', 500), ${aliceRow.notification_seq} + g
        from generate_series(1, ${BACKLOG}) g,
             (select id, sender_id from connection_requests where tenant = ${tenant.name} limit 1) r`.execute(db);
      await sql`update users set notification_seq = notification_seq + ${BACKLOG} where id = ${aliceRow.id}`.execute(
        db,
      );

      const { socket, messages, closed } = await openSocket(url, alice.token);
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: {
            query: 'subscription ($after: ID) { notificationAdded(after: $after) { id message } }',
            variables: { after: String(first.id) },
          },
        }),
      );
      // Paused long enough for the server to fill the socket buffers (a few MB) even when the
      // embedded database shares its event loop with the server and feeds it slowly.
      socket.pause();
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      socket.resume();

      expect([4008, 1006]).toContain(await closed);
      expect(messages.filter((m) => m.type === 'next').length).toBeLessThan(BACKLOG);
    } finally {
      await app.stop();
    }
  });
});
