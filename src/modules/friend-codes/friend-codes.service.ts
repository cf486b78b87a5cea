import { randomInt } from 'node:crypto';
import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { friendCodeErrors } from './friend-codes.errors.js';
import * as codes from './friend-codes.repository.js';

/**
 * The characters of a code: digits and capitals without the look-alikes 0/O, 1/I/L, so that a
 * code read out on voice chat or copied from a screen is typed right. 31^8 ≈ 8.5 × 10^11 codes.
 */
export const FRIEND_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
/** A drawn code that is already someone's is drawn again (it takes about a million users per tenant to see one). */
const DRAWS = 5;

/** A user's code as users see and share it, `7KQ4-M2XD`. */
export interface FriendCode {
  userId: number;
  code: string;
  createdAt: Date;
}

function drawCode(): string {
  let code = '';
  // randomInt is uniform (no modulo bias) and from the CSPRNG: a code says nothing of its user.
  for (let i = 0; i < CODE_LENGTH; i++) code += FRIEND_CODE_ALPHABET[randomInt(FRIEND_CODE_ALPHABET.length)];
  return code;
}

/** `7KQ4M2XD` → `7KQ4-M2XD`. */
export function formatFriendCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A code as a player may type it: any case, with or without the dash, spaces around or
 * within. Throws a 400 when it cannot be a code at all (that costs no guess).
 */
export function parseFriendCode(field: string, typed: string): string {
  const written = typed.replace(/[\s-]/g, '');
  // Checked before upper-casing, which maps some other letters onto the alphabet ("ſ" → "S",
  // "ﬀ" → "FF"): only the alphabet's own characters, in either case, make a code.
  const code = /^[A-Za-z0-9]*$/.test(written) ? written.toUpperCase() : '';
  if (code.length !== CODE_LENGTH || [...code].some((c) => !FRIEND_CODE_ALPHABET.includes(c))) {
    throw new ValidationError(
      field,
      `{field} must be ${CODE_LENGTH} characters of ${FRIEND_CODE_ALPHABET}, as in 7KQ4-M2XD`,
    );
  }
  return code;
}

const view = (row: { user_id: number; code: string; created_at: Date }): FriendCode => ({
  userId: row.user_id,
  code: formatFriendCode(row.code),
  createdAt: row.created_at,
});

/**
 * The acting user's friend code (a service token: any user's). Made on first request: a code no
 * one asked for was never shared, so no user is given one before it is needed.
 */
export async function getFriendCode(
  { db }: Deps,
  viewer: Viewer,
  args: { userId?: string | null | undefined },
): Promise<FriendCode> {
  const user = await requireUser(db, viewer.tenant, actingUserId(viewer, args.userId));
  for (let draw = 0; draw < DRAWS; draw++) {
    const existing = await codes.findFriendCodeOf(db, user.id);
    if (existing) return view(existing);
    const made = await codes.insertFriendCode(db, { tenant: user.tenant, userId: user.id, code: drawCode() });
    if (made) return view(made);
  }
  throw new Error('no free friend code found in five draws');
}
getFriendCode.failures = requireUser.failures;

/** Gives the acting user a new code; the old one names no one from this moment. */
export async function rotateFriendCode(
  deps: Deps,
  viewer: Viewer,
  args: { userId?: string | null | undefined; idempotencyKey?: string | null | undefined },
): Promise<FriendCode> {
  const userId = actingUserId(viewer, args.userId);
  const guard = {
    action: 'write',
    actingUserId: userId,
    idempotencyKey: args.idempotencyKey,
    operation: 'rotateFriendCode',
    input: {},
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    for (let draw = 0; draw < DRAWS; draw++) {
      const made = await codes.replaceFriendCode(trx, { tenant: user.tenant, userId: user.id, code: drawCode() });
      if (made) return view(made);
    }
    throw new Error('no free friend code found in five draws');
  });
}
rotateFriendCode.failures = requireUser.failures;

/** The user holding the code now, or FRIEND_CODE_NOT_FOUND; no budget (see below). */
export async function requireFriendCodeHolder(db: Db, tenant: string, typed: string): Promise<UserRow> {
  const code = parseFriendCode('friendCode', typed);
  const user = await codes.findUserByCode(db, tenant, code);
  if (!user) throw new NotFoundError(friendCodeErrors.FRIEND_CODE_NOT_FOUND, formatFriendCode(code));
  return user;
}
requireFriendCodeHolder.failures = [friendCodeErrors.FRIEND_CODE_NOT_FOUND] as const;

/**
 * The user a request names by friend code. Each lookup by a user token first reserves a guess
 * from the sender's budget of misses (429 when used up) and gives it back when the code names
 * someone: codes cannot be enumerated, and players adding friends by code are never slowed.
 */
export async function requireUserByFriendCode(
  { db, limits }: Deps,
  viewer: Viewer,
  senderId: string,
  typed: string,
): Promise<UserRow> {
  parseFriendCode('friendCode', typed);
  const giveBack = await limits.rateLimiter.reserveFriendCodeGuess(viewer, senderId);
  const user = await requireFriendCodeHolder(db, viewer.tenant, typed);
  await giveBack();
  return user;
}
requireUserByFriendCode.failures = requireFriendCodeHolder.failures;
