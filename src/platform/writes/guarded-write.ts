import type { Viewer } from '../auth/viewer.js';
import type { Trx } from '../db/database.js';
import { inTransaction } from '../db/transactions.js';
import type { Deps } from '../deps.js';
import { ConflictError, platformErrors, ValidationError } from '../errors.js';
import { claimKey, findStoredResult, type KeyScope, saveResult } from './idempotency.repository.js';
import type { RateLimitedAction } from './rate-limits.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface WriteGuard {
  /** The budget the write draws on. */
  action: Exclude<RateLimitedAction, 'subscribe'>;
  /** The user the write acts as (rate budgets and idempotency keys are theirs). */
  actingUserId: string;
  /** Given by the client to make retries safe; absent for a plain write. */
  idempotencyKey?: string | null | undefined;
  /** Names the operation and its input: a key reused for anything else is refused. */
  operation: string;
  input: Record<string, unknown>;
  /**
   * Runs after the replay check and the budgets, before the transaction: a step that counts on
   * budgets of its own (a friend code's guess), which must not run inside the transaction (the
   * counters use the pool, all of which an embedded database's transaction holds) nor for a
   * replay (whose first call already ran it).
   */
  prepare?: () => Promise<void>;
}

/** A concurrent call with the same key committed first; this one's transaction is rolled back. */
class KeyTakenMeanwhile extends Error {}

/**
 * Runs a write in one transaction after its guards: a retry with an Idempotency-Key already
 * seen returns the first result (without counting against rate budgets again); otherwise the
 * write draws on its rate budgets, runs, and stores its result under the key in the same
 * transaction, so the key exists exactly when the change committed. Of two concurrent calls
 * with the same key, the second waits on the first's key row and then returns its result; if
 * the first failed (rolled back), the second runs as if it were first.
 */
export async function guardedWrite<T>(
  deps: Deps,
  viewer: Viewer,
  guard: WriteGuard,
  write: (trx: Trx) => Promise<T>,
): Promise<T> {
  const { db, limits } = deps;
  const key = guard.idempotencyKey ?? undefined;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationError('idempotencyKey', '{field} must be 1 to 255 printable ASCII characters');
  }
  const scope: KeyScope | undefined =
    key === undefined ? undefined : { tenant: viewer.tenant, clientUserId: guard.actingUserId, key };
  const fingerprint = JSON.stringify(guard.input);
  const ttl = limits.idempotencyKeyTtlSeconds;

  const replay = async (): Promise<{ result: T } | undefined> => {
    if (!scope) return undefined;
    const stored = await findStoredResult(db, scope, ttl);
    if (!stored) return undefined;
    if (stored.operation !== guard.operation || stored.fingerprint !== fingerprint) {
      throw new ConflictError(platformErrors.IDEMPOTENCY_KEY_REUSED);
    }
    return { result: reviveDates(stored.result) as T };
  };

  const first = await replay();
  if (first) return first.result;
  await limits.rateLimiter.consume(viewer, guard.actingUserId, guard.action);
  await guard.prepare?.();
  try {
    return await retryingConflicts(() =>
      inTransaction(db, async (trx) => {
        // The key is claimed before the write: a concurrent call with it waits on this row and
        // then replays the result, instead of running into this call's change (a 409).
        if (scope && !(await claimKey(trx, scope, { operation: guard.operation, fingerprint }, ttl))) {
          throw new KeyTakenMeanwhile();
        }
        const result = await write(trx);
        if (scope) await saveResult(trx, scope, result);
        return result;
      }),
    );
  } catch (error) {
    if (!(error instanceof KeyTakenMeanwhile)) throw error;
    const winner = await replay();
    if (!winner) throw new ConflictError(platformErrors.IDEMPOTENCY_KEY_REUSED);
    return winner.result;
  }
}

// deadlock_detected, serialization_failure: PostgreSQL rolled the transaction back because of
// another one, and running it again is the documented remedy.
const RETRYABLE_SQLSTATE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs a transaction again when PostgreSQL aborted it for a conflict with another one. Every
 * write locks its pair of users in id order, so this is a safety net for locks taken in other
 * orders (rows of notifications, keys), not the normal path.
 */
async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE_SQLSTATE.has(code)) throw error;
    }
  }
}

/** Stored results are JSON: their timestamps (`…_at` fields) come back as Dates. */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      name.endsWith('_at') && typeof field === 'string' ? new Date(field) : reviveDates(field),
    ]),
  );
}
