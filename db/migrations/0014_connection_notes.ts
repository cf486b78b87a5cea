import { type Kysely, sql } from 'kysely';

/**
 * Nicknames, notes and favourites (src/modules/connection-notes): what one side of a connection
 * keeps about the other, on that side's edge, so that it goes with the connection and only
 * that side's lists read it. Favourites first is a list of its own order, served by an index.
 *
 * The columns are added empty (no rewrite of the table) and their checks `not valid`: every row
 * there is already holds nulls, so there is nothing to check, and the table is not scanned under
 * the lock; new and changed rows are checked as usual. The index may be built beforehand with
 * `create index concurrently` on a large table (docs/OPERATIONS.md); this finds it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table connection_edges
      add column nickname text,
      add column note text,
      add column favorite boolean not null default false
  `.execute(db);
  await sql`
    alter table connection_edges
      add constraint connection_edges_nickname_check check (char_length(nickname) between 1 and 32) not valid,
      add constraint connection_edges_note_check check (char_length(note) between 1 and 256) not valid
  `.execute(db);
  await sql`
    create index if not exists connection_edges_favorites_idx
      on connection_edges (user_id, favorite desc, created_at desc, connection_id desc)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index connection_edges_favorites_idx`.execute(db);
  await sql`alter table connection_edges drop column nickname, drop column note, drop column favorite`.execute(db);
}
