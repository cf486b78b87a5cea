import { type Kysely, sql } from 'kysely';

/**
 * Friend codes (src/modules/friend-codes): a short random code per user that others may send a
 * request to instead of the user's id. A row is made the first time the user's code is asked
 * for (so no backfill over every user) and replaced on rotation; a code names at most one user
 * of its tenant at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table friend_codes (
      user_id bigint primary key,
      tenant text not null,
      code text not null constraint friend_codes_code_check check (code ~ '^[2-9A-HJKMNP-Z]{8}$'),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      constraint friend_codes_one_per_tenant unique (tenant, code),
      constraint friend_codes_user_fkey foreign key (tenant, user_id) references users (tenant, id) on delete cascade
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table friend_codes`.execute(db);
}
