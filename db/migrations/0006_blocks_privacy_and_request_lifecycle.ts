import { type Kysely, sql } from 'kysely';

/**
 * Beyond the documented API: who may send a user requests, blocks between users, requests the
 * sender withdrew or that expired, and the notifications that tell of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column accept_requests_from text not null default 'everyone'
      constraint users_accept_requests_from_check
      check (accept_requests_from in ('everyone', 'friends_of_friends', 'nobody'))
  `.execute(db);

  // One row per blocker and blocked user; a block in each direction is two rows.
  await sql`
    create table blocks (
      tenant text not null,
      blocker_id bigint not null,
      blocked_id bigint not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (blocker_id, blocked_id),
      constraint blocks_not_self check (blocker_id <> blocked_id),
      constraint blocks_blocker_fkey foreign key (tenant, blocker_id) references users (tenant, id),
      constraint blocks_blocked_fkey foreign key (tenant, blocked_id) references users (tenant, id)
    )
  `.execute(db);
  // A user's blocks, newest first; and "who blocked this user" for the checks of the other side.
  await sql`create index blocks_list_idx on blocks (blocker_id, created_at desc, blocked_id desc)`.execute(db);
  await sql`create index blocks_blocked_idx on blocks (blocked_id)`.execute(db);

  // "Is X among this user's connections, since when", for mutual connections (ordered by date without
  // reading the table), suggestions and statuses.
  await sql`create index connection_edges_other_idx on connection_edges (user_id, other_user_id) include (created_at)`.execute(
    db,
  );

  await sql`alter table connection_requests drop constraint connection_requests_status_check`.execute(db);
  await sql`
    alter table connection_requests add constraint connection_requests_status_check
      check (status in ('pending', 'accepted', 'declined', 'cancelled', 'expired'))
  `.execute(db);
  // The last answer between a sender and a receiver, for the decline cooldown.
  await sql`
    create index connection_requests_pair_idx on connection_requests (sender_id, receiver_id, created_at desc)
  `.execute(db);
  // Pending requests by age, for the expiry sweep.
  await sql`
    create index connection_requests_pending_age_idx on connection_requests (created_at) where status = 'pending'
  `.execute(db);

  await sql`alter table notifications drop constraint notifications_type_check`.execute(db);
  await sql`
    alter table notifications add constraint notifications_type_check
      check (type in ('new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired'))
  `.execute(db);
  // Read notifications by age, for the retention sweep.
  await sql`create index notifications_read_age_idx on notifications (read_at) where read_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index notifications_read_age_idx`.execute(db);
  await sql`alter table notifications drop constraint notifications_type_check`.execute(db);
  await sql`
    alter table notifications add constraint notifications_type_check
      check (type in ('new_request', 'request_accepted', 'request_declined'))
  `.execute(db);
  await sql`drop index connection_requests_pending_age_idx`.execute(db);
  await sql`drop index connection_requests_pair_idx`.execute(db);
  await sql`alter table connection_requests drop constraint connection_requests_status_check`.execute(db);
  await sql`
    alter table connection_requests add constraint connection_requests_status_check
      check (status in ('pending', 'accepted', 'declined'))
  `.execute(db);
  await sql`drop index connection_edges_other_idx`.execute(db);
  await sql`drop table blocks`.execute(db);
  await sql`alter table users drop column accept_requests_from`.execute(db);
}
