import { type Kysely, sql } from 'kysely';

/**
 * Notifications a game's backend sends (src/modules/game-notifications): a type of the game's
 * own (`game.<name>`), no request and no other user, an optional payload, and an optional
 * expiry after which they are neither listed nor counted (and the maintenance sweep deletes them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_type_check`.execute(db);
  await sql`
    alter table notifications
      alter column connection_request_id drop not null,
      alter column other_user_id drop not null,
      add column payload jsonb,
      add column expires_at timestamptz,
      add constraint notifications_type_check check (
        type in ('new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired')
        or type ~ '^game[.][a-z0-9_.-]{1,64}$'
      ),
      add constraint notifications_subject_check check (
        type like 'game.%' or (connection_request_id is not null and other_user_id is not null)
      )
  `.execute(db);
  // Expiring notifications by expiry, for the maintenance sweep.
  await sql`create index notifications_expiry_idx on notifications (expires_at) where expires_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index notifications_expiry_idx`.execute(db);
  await sql`delete from notifications where type like 'game.%'`.execute(db);
  await sql`
    alter table notifications
      drop constraint notifications_subject_check,
      drop constraint notifications_type_check,
      drop column expires_at,
      drop column payload,
      alter column other_user_id set not null,
      alter column connection_request_id set not null,
      add constraint notifications_type_check check (
        type in ('new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired')
      )
  `.execute(db);
}
