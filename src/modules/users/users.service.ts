import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { userErrors } from './users.errors.js';
import * as users from './users.repository.js';
import type { UserRow } from './users.table.js';

export const MAX_DISPLAY_NAME_LENGTH = 64;
export const MAX_CLIENT_USER_ID_LENGTH = 128;

/** Length in characters as PostgreSQL counts them (code points, not UTF-16 units). */
export function characterLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

// A UTF-16 surrogate without its partner: not a character, and PostgreSQL would store it as
// U+FFFD, so that two different strings ("x\uD800", "x\uFFFD") would name the same user.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether PostgreSQL stores the text exactly as given: no NUL characters (text cannot hold
 * them) and no unpaired surrogates. Other input is refused before it reaches the database.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);
}

/**
 * Whether PostgreSQL's `jsonb` stores the value exactly: every string in it (keys too) storable
 * text. `jsonb` refuses `\u0000` and lone surrogates, which JSON itself allows.
 */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorableJson(item));
  }
  return true;
}

/**
 * Optional free text as given (a message, a note, a match's context): trimmed; nothing or only
 * white space is null; longer than `max` characters, or not storable as given, is refused naming
 * `field`.
 */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (characterLength(trimmed) > max) throw new ValidationError(field, `{field} must be at most ${max} characters`);
  if (!isStorableText(trimmed)) {
    throw new ValidationError(field, '{field} must not contain NUL characters or unpaired surrogates');
  }
  return trimmed;
}

export function isPossibleClientUserId(value: string): boolean {
  return value.length > 0 && characterLength(value) <= MAX_CLIENT_USER_ID_LENGTH && isStorableText(value);
}

function validateClientUserId(field: string, value: string): string {
  if (!isPossibleClientUserId(value)) {
    throw new ValidationError(
      field,
      `User ID must be 1 to ${MAX_CLIENT_USER_ID_LENGTH} characters, without NUL or unpaired surrogates`,
    );
  }
  return value;
}

/** The user with this `client_user_id` in the tenant, or `USER_NOT_FOUND`. */
export async function requireUser(db: Db, tenant: string, clientUserId: string): Promise<UserRow> {
  const user = isPossibleClientUserId(clientUserId)
    ? await users.findUserByClientId(db, tenant, clientUserId)
    : undefined;
  if (!user) throw new NotFoundError(userErrors.USER_NOT_FOUND, clientUserId);
  return user;
}
// Each operation the faces call declares beside it, as `failures`, the declared errors its own
// rules (and those of what it calls) can raise; the REST routes document exactly these. The
// failures every operation of its kind can have (bad input, acting for another user, a write's
// budgets and keys) are not repeated: the faces add them.
requireUser.failures = [userErrors.USER_NOT_FOUND] as const;

/**
 * A user looked up by a caller of its tenant: `userId`, or the caller's own user (the token's
 * subject) when it is not given. Unlike acting as a user (`actingUserId`: writes, settings,
 * blocks), looking one up is open to every caller of the tenant, user tokens included: a game UI
 * shows a player's profile before sending a request. Only the public profile may be answered
 * from the row (`client_user_id`, `display_name`, `created_at`), and the answer must not depend
 * on blocks either way, or the lookup would tell a blocked player who blocks them. Unknown users
 * and users of other tenants are `USER_NOT_FOUND` alike.
 */
export async function lookUpUser(db: Db, viewer: Viewer, userId: string | null | undefined): Promise<UserRow> {
  return requireUser(db, viewer.tenant, userId ?? viewer.subject);
}
lookUpUser.failures = requireUser.failures;

/**
 * Creates the user, or renames it if it exists. Only a service token or the user itself may
 * do this. The display name is trimmed and must keep 1 to 64 characters.
 */
export async function upsertUser(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; displayName: string },
): Promise<{ user: UserRow; created: boolean }> {
  const clientUserId = validateClientUserId('userId', actingUserId(viewer, input.userId));
  const displayName = input.displayName.trim();
  if (
    displayName.length === 0 ||
    characterLength(displayName) > MAX_DISPLAY_NAME_LENGTH ||
    !isStorableText(displayName)
  ) {
    throw new ValidationError(
      'displayName',
      `Display name must be between 1 and ${MAX_DISPLAY_NAME_LENGTH} characters after trimming`,
    );
  }
  const guard = {
    action: 'write',
    actingUserId: clientUserId,
    operation: 'upsertUser',
    input: { displayName },
  } as const;
  return guardedWrite(deps, viewer, guard, (trx) => users.upsertUser(trx, viewer.tenant, clientUserId, displayName));
}
// Only the failures every write has: a bad id or name, acting for another user, budgets, keys.
upsertUser.failures = [] as const;
