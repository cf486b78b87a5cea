import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { writeLastSeen } from '../../../src/modules/presence/presence.repository.js';
import { createTenant, useTestServer } from '../../helpers/app.js';

/*
 * While users are online, each instance brings their `users.last_seen_at` up to date now and
 * then, its users of a tenant a slice at a time (presence.engine.ts). The write takes its users
 * as one parameter, so no number of them reaches the 65,535 parameters a statement may have (an
 * `in` list took one each): it lands however many it names, and never moves a time backwards.
 */

const server = useTestServer();

describe('last seen while online', () => {
  it('should record the last sighting of more users at once than a statement takes parameters', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    const { rows } = await sql<{ id: number }>`
      select id from users where tenant = ${tenant.name} and client_user_id = ${alice.id}`.execute(server.database.db);
    const aliceId = rows[0]?.id as number;
    // 70,000 ids no user has, and alice's.
    const others = Array.from({ length: 70_000 }, (_, i) => -1 - i);
    const seenAt = new Date(Date.now() - 60_000);

    await writeLastSeen(server.database.db, [...others, aliceId], seenAt);
    const seen = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
    expect(seen.status).toBe(200);
    expect(seen.body.presence).toMatchObject({ status: 'offline', last_seen_at: seenAt.toISOString() });

    // An older sighting does not move it back.
    await writeLastSeen(server.database.db, [aliceId, ...others], new Date(seenAt.getTime() - 60_000));
    const again = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
    expect(again.body.presence.last_seen_at).toBe(seenAt.toISOString());
  });
});
