import { type Kysely, sql } from 'kysely';

/**
 * Rate-limit counters and remembered idempotent results, both shared by every instance of the
 * gateway through the database, so a limit or a retry holds whichever instance a request reaches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per budget and fixed window; rows of past windows are swept. Unlogged: a counter
  // lost in a crash only forgives one window, and counting costs no WAL.
  await sql`
    create unlogged table rate_limit_windows (
      tenant text not null,
      bucket text not null,
      window_index bigint not null,
      hits integer not null,
      primary key (tenant, bucket, window_index)
    )
  `.execute(db);
  await sql`create index rate_limit_windows_window_idx on rate_limit_windows (window_index)`.execute(db);

  // The first result of a POST made with an Idempotency-Key, written in the same transaction
  // as the change itself: a key exists exactly when its change committed.
  await sql`
    create table idempotency_keys (
      tenant text not null,
      client_user_id text not null,
      key text not null,
      operation text not null,
      fingerprint text not null,
      result jsonb not null,
      created_at timestamptz not null default now(),
      primary key (tenant, client_user_id, key)
    )
  `.execute(db);
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table idempotency_keys`.execute(db);
  await sql`drop table rate_limit_windows`.execute(db);
}
