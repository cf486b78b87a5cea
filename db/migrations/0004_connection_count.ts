import { type Kysely, sql } from 'kysely';

/**
 * Each user's number of connections, kept in the same transaction as the connection rows, so
 * that `total_items` / `totalCount` of the connections list is one row read instead of a count
 * over the user's whole list (60,000 rows for a popular player).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users add column connection_count integer not null default 0
      constraint users_connection_count_not_negative check (connection_count >= 0)
  `.execute(db);
  await sql`
    update users u set connection_count = edges.n
    from (select user_id, count(*) as n from connection_edges group by user_id) edges
    where edges.user_id = u.id
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column connection_count`.execute(db);
}
