import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { UserRow } from '../users/users.table.js';

/** `text` as a literal inside a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `text` as a literal inside a regular expression (PostgreSQL's escapes are JavaScript's). */
function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The best `cap` users of `tenant` whose display name matches `query`, compared as the indexes
 * spell names (`player_search_text`: lower case, no accents; patterns are built from the query
 * as given and spelled so in the statement itself, which saves a round trip), in order, and the
 * window `offset`/`limit` of them:
 * 1. names that start with it, alphabetically (read in the order of the prefix index, so a
 *    fragment thousands of names start with costs no more than a rare one);
 * 2. then, while fewer than `cap` start with it, other names: with a word starting with it,
 *    holding it, or (`fuzzy`) within a typo of it (trigram similarity), the closest first. When
 *    more than `cap` such names exist, which of them are looked at is the trigram index's
 *    choice: a fragment that common is no search for one player.
 * Answers each user with its position, and how many of the `cap` exist.
 */
export async function searchUsers(
  db: Db,
  tenant: string,
  query: string,
  fuzzy: boolean,
  cap: number,
  window: { offset: number; limit: number },
): Promise<{ rows: (UserRow & { position: number })[]; total: number }> {
  const name = sql`player_search_text(u.display_name)`;
  const sortable = sql`(player_search_text(u.display_name) collate "C")`;
  const spelled = (pattern: string) => sql`player_search_text(${pattern}::text)`;
  const text = spelled(query);
  const prefix = spelled(`${likeLiteral(query)}%`);
  const inside = sql`${name} like ${spelled(`%${likeLiteral(query)}%`)}`;
  const { rows } = await sql<UserRow & { tier: number; closeness: number; total: number; sort_name: string }>`
    with prefix as (
      select u.*, 0 as tier, 0::real as closeness, ${sortable} as sort_name from users u
      where u.tenant = ${tenant} and ${sortable} like ${prefix}
      order by ${sortable}, u.id
      limit ${cap}
    ), elsewhere as (
      select u.*,
        case
          when ${name} ~ ${spelled(`(^|[^[:alnum:]])${regexLiteral(query)}`)} then 1
          when ${inside} then 2
          else 3
        end as tier,
        similarity(${name}, ${text}) as closeness,
        ${sortable} as sort_name
      from users u
      where u.tenant = ${tenant}
        and (${inside}${fuzzy ? sql` or ${name} % ${text}` : sql``})
        and not ${sortable} like ${prefix}
      limit (select ${cap} - count(*) from prefix)
    ), found as (select * from prefix union all select * from elsewhere)
    select *, count(*) over ()::int as total from found
    order by tier, closeness desc, sort_name, id
    limit ${window.limit} offset ${window.offset}`.execute(db);
  if (rows.length === 0 && window.offset > 0) {
    // Past the end: how many there are, from the first one.
    const first = await searchUsers(db, tenant, query, fuzzy, cap, { offset: 0, limit: 1 });
    return { rows: [], total: first.total };
  }
  return {
    rows: rows.map(({ tier: _tier, closeness: _closeness, total: _total, sort_name: _sort, ...user }, i) => ({
      ...(user as UserRow),
      position: window.offset + i,
    })),
    total: rows[0]?.total ?? 0,
  };
}
