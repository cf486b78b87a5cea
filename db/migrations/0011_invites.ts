import { type Kysely, sql } from 'kysely';

/**
 * Invites (src/modules/invites): a player asks one of its connections to join something the
 * game defines. One row per receiver, pending until answered, withdrawn or past `expires_at`
 * (an expired invite stays `pending` in the table and reads as `expired`). The receiver's
 * `game_invite` notification and the sender's `invite_accepted`/`invite_declined` point at it;
 * `users.accept_invites_from` says who may invite the user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table invites (
      id bigint generated always as identity primary key,
      tenant text not null,
      sender_id bigint not null,
      receiver_id bigint not null,
      status text not null default 'pending'
        constraint invites_status_check check (status in ('pending', 'accepted', 'declined', 'cancelled')),
      message text check (char_length(message) <= 500),
      join_info jsonb not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      expires_at timestamptz not null,
      responded_at timestamptz,
      constraint invites_not_to_self check (sender_id <> receiver_id),
      constraint invites_responded_when_answered check ((status = 'pending') = (responded_at is null)),
      constraint invites_sender_fkey foreign key (tenant, sender_id) references users (tenant, id) on delete cascade,
      constraint invites_receiver_fkey foreign key (tenant, receiver_id) references users (tenant, id) on delete cascade
    )
  `.execute(db);
  // Sent and received lists, newest first; and a pair's pending invite, which a new one replaces.
  await sql`create index invites_sent_idx on invites (sender_id, created_at desc, id desc)`.execute(db);
  await sql`create index invites_received_idx on invites (receiver_id, created_at desc, id desc)`.execute(db);
  await sql`create index invites_pending_pair_idx on invites (sender_id, receiver_id) where status = 'pending'`.execute(
    db,
  );
  // The maintenance sweep deletes invites some time after they ended.
  await sql`create index invites_expiry_idx on invites (expires_at)`.execute(db);

  await sql`
    alter table users
      add column accept_invites_from text not null default 'connections'
        constraint users_accept_invites_from_check check (accept_invites_from in ('connections', 'nobody'))
  `.execute(db);

  await sql`
    alter table notifications
      drop constraint notifications_type_check,
      drop constraint notifications_subject_check,
      add column invite_id bigint references invites (id) on delete cascade,
      add constraint notifications_type_check check (
        type in (
          'new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired',
          'game_invite', 'invite_accepted', 'invite_declined'
        )
        or type ~ '^game[.][a-z0-9_.-]{1,64}$'
      ),
      add constraint notifications_subject_check check (
        case
          when type like 'game.%' then true
          when type in ('game_invite', 'invite_accepted', 'invite_declined')
            then invite_id is not null and other_user_id is not null
          else connection_request_id is not null and other_user_id is not null
        end
      )
  `.execute(db);
  await sql`create index notifications_invite_idx on notifications (invite_id) where invite_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from notifications where invite_id is not null`.execute(db);
  await sql`
    alter table notifications
      drop constraint notifications_subject_check,
      drop constraint notifications_type_check,
      drop column invite_id,
      add constraint notifications_type_check check (
        type in ('new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired')
        or type ~ '^game[.][a-z0-9_.-]{1,64}$'
      ),
      add constraint notifications_subject_check check (
        type like 'game.%' or (connection_request_id is not null and other_user_id is not null)
      )
  `.execute(db);
  await sql`alter table users drop column accept_invites_from`.execute(db);
  await sql`drop table invites`.execute(db);
}
