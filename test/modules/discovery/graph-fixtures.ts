import { sql } from 'kysely';
import type { RequestPolicy } from '../../../src/modules/settings/settings.table.js';
import type { SeededUser, Tenant, TestServer } from '../../helpers/app.js';

/*
 * Direct writes for the mutual-connection and suggestion tests: states the API does not make
 * on its own (a block row next to a connection that predates it) or that would take thousands
 * of calls to build through it (hundreds of connections). Everything else goes through the API.
 */

/** A user as the REST lists show it. */
export const party = (u: SeededUser) => ({ client_user_id: u.id, display_name: u.displayName });

async function internalIds(server: TestServer, tenant: Tenant, clientIds: string[]): Promise<Map<string, number>> {
  const rows = await server.database.db
    .selectFrom('users')
    .select(['id', 'client_user_id'])
    .where('tenant', '=', tenant.name)
    .where('client_user_id', 'in', clientIds)
    .execute();
  return new Map(rows.map((row) => [row.client_user_id, row.id]));
}

/** Records that `blocker` blocks `blocked`, leaving whatever is between them in place. */
export async function insertBlock(server: TestServer, tenant: Tenant, blocker: SeededUser, blocked: SeededUser) {
  const ids = await internalIds(server, tenant, [blocker.id, blocked.id]);
  await server.database.db
    .insertInto('blocks')
    .values({ tenant: tenant.name, blocker_id: ids.get(blocker.id)!, blocked_id: ids.get(blocked.id)! })
    .execute();
}

export async function setRequestPolicy(server: TestServer, tenant: Tenant, target: SeededUser, policy: RequestPolicy) {
  await server.database.db
    .updateTable('users')
    .set({ accept_requests_from: policy })
    .where('tenant', '=', tenant.name)
    .where('client_user_id', '=', target.id)
    .execute();
}

/** Creates users `${prefix}1`…`${prefix}${count}` (display names `${Prefix} n`), in that order. */
export async function insertUsers(
  server: TestServer,
  tenant: Tenant,
  prefix: string,
  count: number,
): Promise<SeededUser[]> {
  const created = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    displayName: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${i + 1}`,
    token: '',
  }));
  await server.database.db
    .insertInto('users')
    .values(created.map((u) => ({ tenant: tenant.name, client_user_id: u.id, display_name: u.displayName })))
    .execute();
  return Promise.all(created.map(async (u) => ({ ...u, token: await server.token(u.id, { tenant: tenant.name }) })));
}

/**
 * Connects each pair as an accepted request would, the first pair the oldest connection (one
 * second apart, ending a minute ago, so that connections made through the API afterwards are
 * newer), and keeps the users' connection counts.
 */
export async function insertConnections(
  server: TestServer,
  tenant: Tenant,
  pairs: [SeededUser, SeededUser][],
): Promise<void> {
  const ids = await internalIds(server, tenant, [...new Set(pairs.flat().map((u) => u.id))]);
  const end = Date.now() - 60_000;
  await server.database.db.transaction().execute(async (trx) => {
    for (let start = 0; start < pairs.length; start += 500) {
      const chunk = pairs.slice(start, start + 500).map(([a, b], i) => ({
        a: ids.get(a.id)!,
        b: ids.get(b.id)!,
        at: new Date(end - (pairs.length - start - i) * 1000),
      }));
      const requests = await trx
        .insertInto('connection_requests')
        .values(
          chunk.map((c) => ({
            tenant: tenant.name,
            sender_id: c.a,
            receiver_id: c.b,
            status: 'accepted' as const,
            created_at: c.at,
            responded_at: c.at,
          })),
        )
        .returning('id')
        .execute();
      const connections = await trx
        .insertInto('connections')
        .values(
          chunk.map((c, i) => ({
            tenant: tenant.name,
            user_low_id: Math.min(c.a, c.b),
            user_high_id: Math.max(c.a, c.b),
            request_id: requests[i]!.id,
            created_at: c.at,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('connection_edges')
        .values(
          chunk.flatMap((c, i) => {
            const edge = { tenant: tenant.name, connection_id: connections[i]!.id, created_at: c.at };
            return [
              { ...edge, user_id: c.a, other_user_id: c.b },
              { ...edge, user_id: c.b, other_user_id: c.a },
            ];
          }),
        )
        .execute();
    }
    await sql`
      update users u set connection_count = (select count(*) from connection_edges e where e.user_id = u.id)
      where u.tenant = ${tenant.name}
    `.execute(trx);
  });
}
