import { type Kysely, sql } from 'kysely';

/**
 * The outbox of live events when they travel through Redis (LIVE_TRANSPORT=redis): each event is
 * written here in the transaction of its change, published after the commit and then deleted. A
 * row still here at `publish_after` was not published (a crash, a lost connection): any instance
 * publishes it then. With NOTIFY (the default) the table stays empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table live_outbox (
      id bigint generated always as identity primary key,
      event text not null,
      publish_after timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table live_outbox`.execute(db);
}
