import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import { platformErrors } from '../../platform/errors.js';
import { type Page, parsePageArgs, readPage } from '../../platform/pagination.js';
import { requireUser } from '../users/users.service.js';
import * as graph from './graph.repository.js';

export const DEFAULT_SUGGESTIONS_PER_PAGE = 10;

/** Why a user is suggested: the stronger of the two when both hold. */
export const SUGGESTION_REASONS = declareEnum({
  mutual_connections: 'The two share connections (`mutual_count` of them).',
  played_together: 'The two recently played together and share no connection.',
});
export type SuggestionReason = EnumValue<typeof SUGGESTION_REASONS>;

export function suggestionReason(row: Pick<graph.SuggestionRow, 'mutual_count'>): SuggestionReason {
  return row.mutual_count > 0 ? 'mutual_connections' : 'played_together';
}

/**
 * How far suggestions look, so that their cost does not depend on anyone's number of
 * connections: a player with 60,000 connections costs what one with 200 does.
 * - Of the user's connections, the 200 newest are friends whose connections are read;
 * - of each of those, the 200 newest connections are read (at most 40,000 edges in all);
 * - at most 500 suggestions are ranked and counted (`total_items` is at most 500).
 * A mutual count is therefore the number of shared connections found within these bounds:
 * exact when the user and its friends have at most 200 connections each, a lower bound beyond.
 */
export const SUGGESTION_BOUNDS: graph.SuggestionBounds = { friends: 200, friendsOfFriend: 200, max: 500 };

/**
 * One page of the people the acting user may know: friends of its friends and players it
 * recently played with, most mutual connections first (a recent match counting as one), then
 * the most recently met, then the longest-registered. Leaves out the user itself, its connections,
 * users it has a pending request with (either way), users with a block either way, and users who
 * would refuse its request (accepting requests from nobody, or from friends of friends while
 * sharing none). Paged by page number only: the ranking has no stable cursor.
 */
export async function listConnectionSuggestions(
  { db, ids, limits }: Deps,
  viewer: Viewer,
  args: { userId?: string | null | undefined; page?: number | null | undefined; perPage?: number | null | undefined },
): Promise<Page<graph.SuggestionRow>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs({ page: args.page, perPage: args.perPage }, DEFAULT_SUGGESTIONS_PER_PAGE, ids);
  const user = await requireUser(db, viewer.tenant, userId);
  // A ranking over up to 40,000 edges: a heavy read, waiting for its turn.
  const turn = <T>(read: () => Promise<T>) => limits.heavyReads.run(viewer.tenant, userId, read);
  return readPage(
    pageRequest,
    (window) => turn(() => graph.listSuggestions(db, user.id, SUGGESTION_BOUNDS, window)),
    () => turn(() => graph.countSuggestions(db, user.id, SUGGESTION_BOUNDS)),
    // Never used: the suggestions page exposes no cursors.
    (row) => ({ createdAt: row.created_at, id: row.id }),
  );
}
// RATE_LIMITED: too many heavy reads of the user already wait for a turn (platform/reads/heavy-reads.ts).
listConnectionSuggestions.failures = [...requireUser.failures, platformErrors.RATE_LIMITED] as const;
