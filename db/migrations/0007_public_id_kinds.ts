import { type Kysely, sql } from 'kysely';

/**
 * Ids of requests, connections and notifications get an id space per kind (see
 * `src/platform/public-ids.ts`); before, request #1 and notification #1 had the same public id.
 * Ids of the earlier form stay valid for the objects they named, and only for those: this
 * records, per kind, the highest row id that exists now, up to which such an id is accepted.
 * The names are those `loadPublicIds` reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into gateway_settings (name, value)
    select 'legacy_public_id_max_request', coalesce(max(id), 0)::text from connection_requests
    union all
    select 'legacy_public_id_max_connection', coalesce(max(id), 0)::text from connections
    union all
    select 'legacy_public_id_max_notification', coalesce(max(id), 0)::text from notifications
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from gateway_settings
    where name in ('legacy_public_id_max_request', 'legacy_public_id_max_connection', 'legacy_public_id_max_notification')
  `.execute(db);
}
