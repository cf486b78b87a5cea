import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * A secret of this database's own that turns sequential row ids into the unguessable ids
 * clients see (`src/platform/public-ids.ts`). It must never change once clients hold ids, so it
 * is made once, here, and kept with the data it belongs to (backups included).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gateway_settings (
      name text primary key,
      value text not null
    )
  `.execute(db);
  await sql`
    insert into gateway_settings (name, value) values ('public_id_key', ${randomBytes(16).toString('hex')})
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table gateway_settings`.execute(db);
}
