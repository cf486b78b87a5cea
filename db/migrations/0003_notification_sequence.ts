import { type Kysely, sql } from 'kysely';

/**
 * A gap-free, commit-ordered sequence of each user's notifications, for live delivery and for
 * resuming it. Row ids come from a sequence and are taken before commit, so a smaller id can
 * commit after a larger one; `seq` is taken from the recipient's own counter under the
 * recipient's row lock, so for one user seq N+1 cannot commit before seq N. A client that has
 * seen seq N has seen everything before it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column notification_seq bigint not null default 0`.execute(db);
  await sql`alter table notifications add column seq bigint`.execute(db);
  await sql`
    update notifications n set seq = numbered.seq
    from (select id, row_number() over (partition by user_id order by id) as seq from notifications) numbered
    where numbered.id = n.id
  `.execute(db);
  await sql`
    update users u set notification_seq = counts.max_seq
    from (select user_id, max(seq) as max_seq from notifications group by user_id) counts
    where counts.user_id = u.id
  `.execute(db);
  await sql`alter table notifications alter column seq set not null`.execute(db);
  await sql`alter table notifications add constraint notifications_user_seq_key unique (user_id, seq)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop column seq`.execute(db);
  await sql`alter table users drop column notification_seq`.execute(db);
}
