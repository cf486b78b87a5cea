import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { UserRow } from '../users/users.table.js';

/** A query as the index spells names: lower case, without accents (see migration 0012). */
export async function searchTextOf(db: Db, query: string): Promise<string> {
  const { rows } = await sql<{ text: string }>`select player_search_text(${query}::text) as text`.execute(db);
  return rows[0]?.text ?? '';
}

/** `text` as a literal inside a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `text` as a literal inside a regular expression (PostgreSQL's escapes are JavaScript's). */
function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which names a search matches: inside any word or anywhere, and (`fuzzy`) within a typo or two. */
function matches(tenant: string, text: string, fuzzy: boolean) {
  const name = sql`player_search_text(u.display_name)`;
  const inside = sql`${name} like ${`%${likeLiteral(text)}%`}::text`;
  return sql`u.tenant = ${tenant} and (${inside}${fuzzy ? sql` or ${name} % ${text}::text` : sql``})`;
}

/**
 * One window of the users of `tenant` whose display name matches `text` (already as
 * `searchTextOf` spells it), best first: names that start with it, then names with a word that
 * does, then names that hold it elsewhere, then (`fuzzy`) names within a typo; among equals the
 * most similar, then by name. Answers each user with its position in the whole ordering.
 */
export async function searchUsers(
  db: Db,
  tenant: string,
  text: string,
  fuzzy: boolean,
  window: { offset: number; limit: number },
): Promise<(UserRow & { position: number })[]> {
  const name = sql`player_search_text(u.display_name)`;
  const literal = likeLiteral(text);
  const { rows } = await sql<UserRow>`
    select u.* from users u
    where ${matches(tenant, text, fuzzy)}
    order by
      case
        when ${name} like ${`${literal}%`}::text then 0
        when ${name} ~ ${`(^|[^[:alnum:]])${regexLiteral(text)}`}::text then 1
        when ${name} like ${`%${literal}%`}::text then 2
        else 3
      end,
      similarity(${name}, ${text}::text) desc,
      u.display_name, u.id
    limit ${window.limit} offset ${window.offset}`.execute(db);
  return rows.map((row, i) => ({ ...row, position: window.offset + i }));
}

export async function countUserMatches(db: Db, tenant: string, text: string, fuzzy: boolean): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from users u where ${matches(tenant, text, fuzzy)}`.execute(db);
  return rows[0]?.count ?? 0;
}
