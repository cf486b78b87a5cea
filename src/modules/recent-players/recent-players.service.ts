import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { type RelationshipState, relationshipsWith } from '../discovery/relationships.service.js';
import { userErrors } from '../users/users.errors.js';
import { findUsersByClientIds, findUsersByIds } from '../users/users.repository.js';
import { isPossibleClientUserId, optionalText, requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { recentPlayerErrors } from './recent-players.errors.js';
import * as recent from './recent-players.repository.js';

export const MIN_MATCH_PLAYERS = 2;
export const MAX_MATCH_PLAYERS = 100;
export const MAX_CONTEXT_LENGTH = 128;
/** Each player keeps this many recent players at most, the most recent. */
export const MAX_RECENT_PLAYERS = 200;
export const DEFAULT_RECENT_PLAYERS_PER_PAGE = 20;

/** A player met recently, as the player who met them sees it. */
export interface RecentPlayer {
  user: UserRow;
  context: string | null;
  playedAt: Date;
  relationship: RelationshipState;
}

function validPlayers(players: readonly string[]): string[] {
  if (players.length < MIN_MATCH_PLAYERS || players.length > MAX_MATCH_PLAYERS) {
    throw new ValidationError('players', `{field} must list ${MIN_MATCH_PLAYERS} to ${MAX_MATCH_PLAYERS} users`);
  }
  const seen = new Set<string>();
  for (const player of players) {
    if (!isPossibleClientUserId(player)) throw new NotFoundError(userErrors.USER_NOT_FOUND, player);
    if (seen.has(player)) throw new ValidationError('players', `{field} lists '${player}' twice`);
    seen.add(player);
  }
  return players as string[];
}

/**
 * Records, for the game's backend, that `players` played together (a match, a lobby, a raid):
 * each then lists the others among its recent players, with `context` and this time, keeping
 * its last MAX_RECENT_PLAYERS. All or nothing: an unknown player records nothing. One
 * transaction of four statements whatever the roster (look the players up, add the pairs, trim
 * each player's list, and the budget's count).
 */
export async function recordRecentPlayers(
  deps: Deps,
  viewer: Viewer,
  input: {
    players: readonly string[];
    context?: string | null | undefined;
    idempotencyKey?: string | null | undefined;
  },
): Promise<{ players: number }> {
  if (viewer.role !== 'service') throw new ForbiddenError(recentPlayerErrors.MATCH_RECORDING_SERVICE_ONLY);
  const players = validPlayers(input.players);
  const context = optionalText('context', input.context, MAX_CONTEXT_LENGTH);
  const guard = {
    action: 'write',
    // The backend's own budget: it acts as no one user.
    actingUserId: viewer.subject,
    idempotencyKey: input.idempotencyKey,
    operation: 'recordRecentPlayers',
    input: { players, context },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const found = await findUsersByClientIds(trx, viewer.tenant, players);
    const unknown = players.find((player) => !found.has(player));
    if (unknown !== undefined) throw new NotFoundError(userErrors.USER_NOT_FOUND, unknown);
    const userIds = players.map((player) => (found.get(player) as UserRow).id);
    await recent.recordMatch(trx, { tenant: viewer.tenant, userIds, context, playedAt: new Date() });
    await recent.trimRecentPlayers(trx, userIds, MAX_RECENT_PLAYERS);
    return { players: players.length };
  });
}
recordRecentPlayers.failures = [recentPlayerErrors.MATCH_RECORDING_SERVICE_ONLY, userErrors.USER_NOT_FOUND] as const;

/**
 * One page of the players the acting user recently played with, most recent first, each once
 * (its latest match), with that match's context and the user's relationship to them. Players
 * with a block with the user either way are left out.
 */
export async function listRecentPlayers(
  { db, ids }: Deps,
  viewer: Viewer,
  args: PageArgs & { userId?: string | null | undefined },
): Promise<Page<RecentPlayer>> {
  const userId = actingUserId(viewer, args.userId);
  const request = parsePageArgs(args, DEFAULT_RECENT_PLAYERS_PER_PAGE, ids);
  const user = await requireUser(db, viewer.tenant, userId);
  return readPage(
    request,
    async (window) => {
      const rows = await recent.listRecentPlayers(db, user.id, window);
      const otherIds = rows.map((row) => row.other_user_id);
      const [users, related] = await Promise.all([
        findUsersByIds(db, viewer.tenant, otherIds),
        relationshipsWith(db, user.id, otherIds),
      ]);
      const byId = new Map(users.map((row) => [row.id, row]));
      return rows.flatMap((row) => {
        const other = byId.get(row.other_user_id);
        const relationship = related.get(row.other_user_id);
        return other && relationship
          ? [{ user: other, context: row.context, playedAt: row.played_at, relationship }]
          : [];
      });
    },
    () => recent.countRecentPlayers(db, user.id),
    (item) => ({ createdAt: item.playedAt, id: item.user.id }),
  );
}
listRecentPlayers.failures = requireUser.failures;
