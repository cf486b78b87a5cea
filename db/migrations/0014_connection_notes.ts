import { type Kysely, sql } from 'kysely';

/**
 * Nicknames, notes and favourites (src/modules/connection-notes): what one side of a connection
 * keeps about the other, on that side's edge, so that it goes with the connection and only
 * that side's lists read it. Favourites first is a list of its own order, served by an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table connection_edges
      add column nickname text constraint connection_edges_nickname_check check (char_length(nickname) between 1 and 32),
      add column note text constraint connection_edges_note_check check (char_length(note) between 1 and 256),
      add column favorite boolean not null default false
  `.execute(db);
  await sql`
    create index connection_edges_favorites_idx
      on connection_edges (user_id, favorite desc, created_at desc, connection_id desc)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index connection_edges_favorites_idx`.execute(db);
  await sql`alter table connection_edges drop column nickname, drop column note, drop column favorite`.execute(db);
}
