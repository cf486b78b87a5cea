import { type Kysely, sql } from 'kysely';

/**
 * Presence (src/modules/presence): who shares it and when each user was last seen, on the user
 * row; and, for several instances sharing one PostgreSQL without Redis, the state of users who
 * are live: one row per live user (never a row per heartbeat), one per instance (its lease) and
 * one per instance and user holding a socket. Times of the presence tables are ms since the epoch,
 * as the instances reckon them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users
      add column share_presence text not null default 'connections'
        constraint users_share_presence_check check (share_presence in ('connections', 'nobody')),
      add column last_seen_at timestamptz
  `.execute(db);
  await sql`
    create table presences (
      user_id bigint primary key references users (id) on delete cascade,
      tenant text not null,
      version integer not null,
      record jsonb not null,
      check_at bigint
    )
  `.execute(db);
  await sql`create index presences_check_at_idx on presences (check_at) where check_at is not null`.execute(db);
  await sql`
    create table presence_instances (
      id text primary key,
      lease_until bigint not null
    )
  `.execute(db);
  await sql`
    create table presence_sessions (
      instance_id text not null references presence_instances (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      tenant text not null,
      sockets integer not null check (sockets > 0),
      primary key (instance_id, user_id)
    )
  `.execute(db);
  await sql`create index presence_sessions_user_idx on presence_sessions (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table presence_sessions`.execute(db);
  await sql`drop table presence_instances`.execute(db);
  await sql`drop table presences`.execute(db);
  await sql`alter table users drop column share_presence, drop column last_seen_at`.execute(db);
}
