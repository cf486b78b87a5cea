import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { platformErrors, ValidationError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, toPage } from '../../platform/pagination.js';
import { type RelationshipState, relationshipsWith } from '../discovery/relationships.service.js';
import { characterLength, isStorableText, requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import * as search from './player-search.repository.js';

export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 64;
export const DEFAULT_RESULTS_PER_PAGE = 20;
/** A search answers its best matches only, this many at most: enough to pick one player from. */
export const MAX_RESULTS = 100;
/** Below this many characters a query has too few trigrams for a typo to be told from noise. */
const FUZZY_FROM_LENGTH = 4;

/** A user found, with how the searching user stands with it (null for a backend searching as no one). */
export interface FoundUser {
  user: UserRow;
  relationship: RelationshipState | null;
  position: number;
}

function validQuery(query: string): string {
  const trimmed = query.trim();
  const length = characterLength(trimmed);
  // Accents do not count: names are compared without them, and a query of accents alone would
  // be no query at all (it would match every name).
  const unaccented = characterLength(trimmed.normalize('NFD').replace(/\p{M}/gu, ''));
  if (length > MAX_QUERY_LENGTH || unaccented < MIN_QUERY_LENGTH) {
    throw new ValidationError(
      'query',
      `{field} must be ${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters (accents not counted)`,
    );
  }
  if (!isStorableText(trimmed)) {
    throw new ValidationError('query', '{field} must not contain NUL characters or unpaired surrogates');
  }
  return trimmed;
}

/**
 * The best MAX_RESULTS users of the caller's tenant whose display name matches `query`, best
 * match first (see `searchUsers` in the repository), each with the searching user's
 * relationship to it, and their number as the list's total. A user
 * who blocks the searcher is found, and related, exactly like one who does not: a search never
 * reveals a block. A user token searches as its user; a service token as `userId`, or without
 * relationships when it names none. Pages by number or by cursor (a result's position).
 */
export async function searchPlayers(
  { db, ids }: Deps,
  viewer: Viewer,
  args: PageArgs & { userId?: string | null | undefined; query: string },
): Promise<Page<FoundUser>> {
  const asNoOne = viewer.role === 'service' && args.userId == null;
  const searcherId = asNoOne ? null : actingUserId(viewer, args.userId);
  const query = validQuery(args.query);
  const request = parsePageArgs(args, DEFAULT_RESULTS_PER_PAGE, ids);
  const fuzzy = characterLength(query) >= FUZZY_FROM_LENGTH;
  // A cursor holds a result's position where list cursors hold a creation time (see below): one
  // past the results a search answers is no cursor of one (another list's, say).
  const after = request.window.after?.createdAt.getTime();
  if (after !== undefined && after >= MAX_RESULTS) {
    throw new ValidationError('after', 'after is not a cursor returned by this API');
  }
  const offset = after === undefined ? request.window.offset : after + 1;
  const window = { ...request.window, offset };
  // The searcher and the matches at once: two connections, one round trip's time.
  const [searcher, { rows, total }] = await Promise.all([
    searcherId === null ? null : requireUser(db, viewer.tenant, searcherId),
    search.searchUsers(db, viewer.tenant, query, fuzzy, MAX_RESULTS, { offset, limit: window.limit + 1 }),
  ]);
  const related = searcher
    ? await relationshipsWith(
        db,
        searcher.id,
        rows.map((row) => row.id),
      )
    : null;
  const found = rows.map(({ position, ...user }) => ({
    user,
    relationship: related?.get(user.id) ?? null,
    position,
  }));
  return toPage(
    { ...request, window },
    found,
    async () => total,
    (item) => ({
      createdAt: new Date(item.position),
      id: item.user.id,
    }),
  );
}
searchPlayers.failures = [platformErrors.FORBIDDEN, ...requireUser.failures] as const;
