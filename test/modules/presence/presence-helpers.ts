import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { TestServer } from '../../helpers/app.js';
import { type LiveClient, liveClient } from '../../helpers/live.js';

export {
  FriendPresence,
  FriendPresenceMaybeActivity,
  FriendPresenceProfile,
  FriendPresenceWithMutuals,
  SetPresence,
  UserPresence,
  UserProfile,
} from './presence.documents.js';

/** Presence settings fast enough for tests: a user goes offline a second after its last socket. */
export const FAST_PRESENCE = { PRESENCE_GRACE_SECONDS: '1', PRESENCE_HEARTBEAT_SECONDS: '1' };

/** The environment of a server keeping presence in `store`; Redis keys under a prefix of the test's own. */
export function presenceEnv(store: 'memory' | 'postgres' | 'redis'): Record<string, string> {
  return {
    ...FAST_PRESENCE,
    PRESENCE_STORE: store,
    ...(store === 'redis' && { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:` }),
  };
}

/** Live clients opened by a test, closed after it. */
export function liveClients(server: TestServer | (() => string)) {
  const clients: LiveClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  return (token: string) => {
    const client = liveClient(typeof server === 'function' ? server() : server.url, token);
    clients.push(client);
    return client;
  };
}

/** Polls `check` until it returns something other than undefined; throws with the last value after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'a condition') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A user's presence status as `token`'s holder sees it through REST (null: may not see it). */
export async function statusSeenBy(server: TestServer, token: string, userId: string): Promise<string | null> {
  const answer = await server.rest('GET', `/v1/users/${userId}/presence`, { token });
  if (answer.status !== 200) throw new Error(`GET presence: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.presence?.status ?? null;
}
