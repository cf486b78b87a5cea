import { type Kysely, sql } from 'kysely';

/**
 * Player search (src/modules/player-search): display names matched case- and accent-insensitively,
 * by prefix, inside a word and with a typo (trigram similarity). `player_search_text` is the one
 * spelling both the index and the queries use; unaccent is not immutable on its own (its
 * dictionary could change), so the function names the dictionary and is declared immutable, as
 * PostgreSQL's documentation suggests for indexing it. The trigram index holds names only (a
 * search's tenant is checked on the rows it finds, or through the tenant's own index): btree_gin,
 * which would put the tenant in the same GIN index, breaks pg_trgm's operators in PGlite 0.5.
 * Names that start with the query, the best matches, come from a per-tenant btree instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`
    create function player_search_text(name text) returns text
      language sql immutable parallel safe strict
      return lower(public.unaccent('public.unaccent'::regdictionary, name))
  `.execute(db);
  await sql`
    create index if not exists users_search_idx on users using gin (player_search_text(display_name) gin_trgm_ops)
  `.execute(db);
  // Names starting with a query, per tenant, in the order a search lists them: byte order ("C"),
  // which both answers `like 'abc%'` as a range and reads its first matches without a sort.
  await sql`
    create index if not exists users_search_prefix_idx on users (tenant, (player_search_text(display_name) collate "C"), id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index users_search_prefix_idx`.execute(db);
  await sql`drop index users_search_idx`.execute(db);
  await sql`drop function player_search_text(text)`.execute(db);
}
