import { type Kysely, sql } from 'kysely';

/**
 * The social graph of one tenant (a game or app).
 *
 * Every row carries its tenant, and every foreign key includes it, so a row can never point
 * into another tenant even if application code had a bug. Integrity rules that races could
 * break (one pending request per pair, one connection per pair) are unique indexes: the
 * database is the final judge and the loser of a race gets a clean unique violation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table users (
      id bigint generated always as identity primary key,
      tenant text not null check (char_length(tenant) between 1 and 128),
      client_user_id text not null check (char_length(client_user_id) between 1 and 128),
      display_name text not null check (char_length(display_name) between 1 and 64),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now()),
      constraint users_client_user_id_key unique (tenant, client_user_id),
      constraint users_tenant_id_key unique (tenant, id)
    )
  `.execute(db);

  await sql`
    create table connection_requests (
      id bigint generated always as identity primary key,
      tenant text not null,
      sender_id bigint not null,
      receiver_id bigint not null,
      status text not null default 'pending'
        constraint connection_requests_status_check check (status in ('pending', 'accepted', 'declined')),
      message text check (char_length(message) <= 500),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      responded_at timestamptz,
      constraint connection_requests_not_to_self check (sender_id <> receiver_id),
      constraint connection_requests_responded_when_answered
        check ((status = 'pending') = (responded_at is null)),
      constraint connection_requests_tenant_id_key unique (tenant, id),
      constraint connection_requests_sender_fkey foreign key (tenant, sender_id) references users (tenant, id),
      constraint connection_requests_receiver_fkey foreign key (tenant, receiver_id) references users (tenant, id)
    )
  `.execute(db);
  // At most one pending request per unordered pair, whoever sent it.
  await sql`
    create unique index connection_requests_one_pending_per_pair
      on connection_requests (least(sender_id, receiver_id), greatest(sender_id, receiver_id))
      where status = 'pending'
  `.execute(db);
  // Sent and received lists, newest first, optionally filtered by status.
  await sql`create index connection_requests_sent_idx on connection_requests (sender_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index connection_requests_sent_status_idx on connection_requests (sender_id, status, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index connection_requests_received_idx on connection_requests (receiver_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index connection_requests_received_status_idx on connection_requests (receiver_id, status, created_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table connections (
      id bigint generated always as identity primary key,
      tenant text not null,
      user_low_id bigint not null,
      user_high_id bigint not null,
      request_id bigint not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      constraint connections_ordered_pair check (user_low_id < user_high_id),
      constraint connections_one_per_pair unique (user_low_id, user_high_id),
      constraint connections_request_id_key unique (request_id),
      constraint connections_tenant_id_key unique (tenant, id),
      constraint connections_user_low_fkey foreign key (tenant, user_low_id) references users (tenant, id),
      constraint connections_user_high_fkey foreign key (tenant, user_high_id) references users (tenant, id),
      constraint connections_request_fkey foreign key (tenant, request_id) references connection_requests (tenant, id)
    )
  `.execute(db);

  // One row per side of each connection, so that "my connections, newest first" is a single
  // index range scan for either user. Written and deleted together with the connection.
  await sql`
    create table connection_edges (
      tenant text not null,
      user_id bigint not null,
      connection_id bigint not null,
      other_user_id bigint not null,
      created_at timestamptz not null,
      primary key (user_id, connection_id),
      constraint connection_edges_connection_fkey foreign key (tenant, connection_id)
        references connections (tenant, id) on delete cascade,
      constraint connection_edges_user_fkey foreign key (tenant, user_id) references users (tenant, id),
      constraint connection_edges_other_user_fkey foreign key (tenant, other_user_id) references users (tenant, id)
    )
  `.execute(db);
  await sql`create index connection_edges_list_idx on connection_edges (user_id, created_at desc, connection_id desc)`.execute(
    db,
  );
  await sql`create index connection_edges_connection_idx on connection_edges (connection_id)`.execute(db);

  await sql`
    create table notifications (
      id bigint generated always as identity primary key,
      tenant text not null,
      user_id bigint not null,
      type text not null
        constraint notifications_type_check check (type in ('new_request', 'request_accepted', 'request_declined')),
      connection_request_id bigint not null,
      other_user_id bigint not null,
      message text not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      read_at timestamptz,
      constraint notifications_user_fkey foreign key (tenant, user_id) references users (tenant, id),
      constraint notifications_other_user_fkey foreign key (tenant, other_user_id) references users (tenant, id),
      constraint notifications_request_fkey foreign key (tenant, connection_request_id)
        references connection_requests (tenant, id)
    )
  `.execute(db);
  await sql`create index notifications_list_idx on notifications (user_id, created_at desc, id desc)`.execute(db);
  await sql`create index notifications_unread_idx on notifications (user_id, created_at desc, id desc) where read_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notifications', 'connection_edges', 'connections', 'connection_requests', 'users']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
