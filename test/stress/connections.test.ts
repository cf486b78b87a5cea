import { afterAll, describe, expect, it } from 'vitest';
import { loadPublicIds } from '../../src/platform/public-ids.js';
import { createTenant, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { runLoad, type StressUser } from './driver.js';
import { CHECKS, findViolations } from './invariants.js';
import type { DbState, LoggedOp } from './model.js';
import { readApiViews, readDbState } from './observe.js';
import { stressSeed } from './random.js';

/*
 * The concurrency stress test: 64 clients send, accept, decline, cancel, remove, mark read,
 * block, unblock and change their privacy settings at random among a few users of one tenant,
 * over REST and GraphQL at once, for a fixed time, on real PostgreSQL. Then the database, the
 * log of every call and answer, and what the API lists must agree on every invariant (see
 * invariants.ts): no 5xx, no duplicate pending request or connection, symmetric connections,
 * one notification per event, nothing pending and no connection across a block, refusals
 * explained by a block or a setting, every acknowledged write stored, every refused one
 * without effect, counters equal to the rows.
 *
 * A quarter of the writes carry an Idempotency-Key, and many of those are retried: after the
 * answer, while the first call is still in flight, or long after, through either face. A
 * retry of a success must get that success (never a 409, never a second row), and 422
 * IDEMPOTENCY_KEY_REUSED must answer exactly the keys the load reuses on purpose for another
 * input, without effect.
 *
 * `npm run test:stress` runs it for STRESS_SECONDS (default 60); under `npm test` it runs for
 * a few seconds. STRESS_SEED repeats a run's choices (interleavings still vary).
 */

const SHORT_SECONDS = 5;
const CLIENTS = 64;
const USERS = 10;
/**
 * Answers the load must have produced to have tested anything ('kind status' or 'kind code', or
 * for keyed writes 'keyUse status', 2xx for any success); it runs on until it has.
 */
const REQUIRED = [
  'send 201',
  'send 409',
  'send USER_BLOCKED',
  'send REQUESTS_NOT_ACCEPTED',
  'accept 200',
  'accept 409',
  'decline 200',
  'cancel 200',
  'cancel 403',
  'cancel 409',
  'remove 200',
  'remove 404',
  'markRead 200',
  'block 201',
  'block 200',
  'unblock 200',
  'unblock 404',
  'settings 200',
  'retry 2xx',
  'concurrent 2xx',
  'late 2xx',
  'reuse 422',
] as const;

function stressSeconds(): number {
  const raw = process.env.STRESS_SECONDS;
  if (raw === undefined || raw === '') return SHORT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`STRESS_SECONDS must be a positive number, got '${raw}'`);
  return seconds;
}

/** What the keyed writes did: retries of each kind, replayed successes, cross-face retries, 422s. */
function keySummary(ops: readonly LoggedOp[]): string {
  const keyed = ops.filter((op) => op.idempotencyKey !== undefined);
  const uses = (use: string) => keyed.filter((op) => op.keyUse === use).length;
  const ok = (op: LoggedOp) => op.status >= 200 && op.status < 300 && op.code === undefined;
  // Per key and input, the calls after its first success are replays of it.
  const groups = new Map<string, LoggedOp[]>();
  for (const op of keyed) {
    const group = `${op.actorId}|${op.idempotencyKey}|${op.input}`;
    groups.set(group, [...(groups.get(group) ?? []), op]);
  }
  let replays = 0;
  let crossFace = 0;
  let overlapping = 0;
  for (const calls of groups.values()) {
    const oks = calls.filter(ok).sort((a, b) => a.endedMs - b.endedMs);
    replays += Math.max(0, oks.length - 1);
    if (new Set(oks.map((op) => op.face)).size > 1) crossFace += 1;
    if (oks.some((a) => oks.some((b) => a !== b && a.startedMs < b.endedMs && b.startedMs < a.endedMs)))
      overlapping += 1;
  }
  const refused = keyed.filter((op) => op.code === 'IDEMPOTENCY_KEY_REUSED').length;
  const usersOfKey = new Map<string, Set<number>>();
  for (const op of keyed)
    usersOfKey.set(op.idempotencyKey!, (usersOfKey.get(op.idempotencyKey!) ?? new Set()).add(op.actorId));
  const shared = [...usersOfKey.values()].filter((users) => users.size > 1).length;
  return (
    `keyed=${keyed.length} (keys ${uses('first')}; retries: after ${uses('retry')}, in flight ${uses('concurrent')}, ` +
    `late ${uses('late')}; reuses ${uses('reuse')}; keys used by two users ${shared}) replays=${replays} ` +
    `(keys answered through both faces ${crossFace}, by overlapping successes ${overlapping}) 422=${refused}`
  );
}

/** Calls by kind and status, and the codes of each kind's refusals (other than 422). */
function summary(ops: readonly LoggedOp[]): string {
  const byKind = new Map<string, Map<number, number>>();
  const codes = new Map<string, Map<string, number>>();
  for (const op of ops) {
    const statuses = byKind.get(op.kind) ?? new Map<number, number>();
    statuses.set(op.status, (statuses.get(op.status) ?? 0) + 1);
    byKind.set(op.kind, statuses);
    if (op.code !== undefined && op.status >= 400 && op.status < 500 && op.code !== 'IDEMPOTENCY_KEY_REUSED') {
      const ofKind = codes.get(op.kind) ?? new Map<string, number>();
      ofKind.set(op.code, (ofKind.get(op.code) ?? 0) + 1);
      codes.set(op.kind, ofKind);
    }
  }
  const counts = <K>(map: Map<K, number>) => [...map].map(([key, n]) => `${key}×${n}`).join(' ');
  const kinds = [...byKind]
    .map(([kind, statuses]) => `${kind} ${counts(new Map([...statuses].sort(([a], [b]) => a - b)))}`)
    .join(', ');
  const refusals = [...codes].map(([kind, ofKind]) => `${kind} ${counts(ofKind)}`).join(', ');
  return `${kinds} | refusals: ${refusals}`;
}

/** Requests closed without an acknowledged cancel or decline of theirs: by a block. */
function closedByBlocks(state: DbState, ops: readonly LoggedOp[]): string {
  const closed = new Set(
    ops
      .filter((op) => op.status === 200 && op.code === undefined && op.requestId !== undefined)
      .map((op) => `${op.kind} ${op.requestId}`),
  );
  const cancelled = state.requests.filter((r) => r.status === 'cancelled' && !closed.has(`cancel ${r.id}`)).length;
  const declined = state.requests.filter((r) => r.status === 'declined' && !closed.has(`decline ${r.id}`)).length;
  return `cancelled ${cancelled}, declined silently ${declined}`;
}

const seconds = stressSeconds();
const seed = stressSeed();
const database = await realPostgresDatabase('stress');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('stress on real PostgreSQL', () => {
  const server = useTestServer({ database: async () => database! });

  it(`should keep every invariant with ${CLIENTS} clients on ${USERS} users for ${seconds}s (seed ${seed})`, {
    timeout: seconds * 1000 + 90_000,
  }, async () => {
    const db = database!.db;
    const tenant = await createTenant(server);
    const seeded = [];
    for (let i = 0; i < USERS; i++) seeded.push(await tenant.user('p'));
    const rows = await db
      .selectFrom('users')
      .select(['id', 'client_user_id'])
      .where('tenant', '=', tenant.name)
      .execute();
    const rowIdOf = new Map(rows.map((r) => [r.client_user_id, r.id]));
    const users: StressUser[] = seeded.map((u) => ({ clientId: u.id, token: u.token, rowId: rowIdOf.get(u.id)! }));
    const ids = await loadPublicIds(db);
    // An id the API gives is of exactly one kind; the model compares the row ids behind them.
    const decode = (publicId: number) => {
      const rowId =
        ids.decode('request', publicId) ?? ids.decode('connection', publicId) ?? ids.decode('notification', publicId);
      if (rowId === null) throw new Error(`${publicId} is not an id the API gives`);
      return rowId;
    };

    const started = Date.now();
    const ops = await runLoad({
      url: server.url,
      users,
      serviceToken: tenant.serviceToken,
      clients: CLIENTS,
      durationMs: seconds * 1000,
      seed,
      required: [...REQUIRED],
      graceMs: 30_000,
      decode,
    });
    const elapsed = (Date.now() - started) / 1000;

    const state = await readDbState(db, tenant.name);
    const views = await readApiViews(server.url, users, decode);
    const violations = findViolations(state, ops, views);

    const total = Object.values(violations).reduce((n, list) => n + list.length, 0);
    const serverErrors = ops.filter((op) => op.status === 0 || op.status >= 500).length;
    const faces = ops.filter((op) => op.face === 'rest').length;
    const found = Object.entries(violations)
      .filter(([, list]) => list.length)
      .map(([check, list]) => `${check}=${list.length}`)
      .join(' ');
    console.log(
      `[stress] seed=${seed} ${elapsed.toFixed(1)}s clients=${CLIENTS} users=${USERS} ` +
        `ops=${ops.length} (${Math.round(ops.length / elapsed)}/s; rest ${faces}, graphql ${ops.length - faces}) ` +
        `${summary(ops)} | rows: requests=${state.requests.length} ` +
        `(accepted ${state.requests.filter((r) => r.status === 'accepted').length}, ` +
        `declined ${state.requests.filter((r) => r.status === 'declined').length}, ` +
        `cancelled ${state.requests.filter((r) => r.status === 'cancelled').length}, ` +
        `pending ${state.requests.filter((r) => r.status === 'pending').length}; ` +
        `closed by blocks: ${closedByBlocks(state, ops)}) ` +
        `connections=${state.connections.length} notifications=${state.notifications.length} ` +
        `(read ${state.notifications.filter((n) => n.readAt).length}, ` +
        `request_cancelled ${state.notifications.filter((n) => n.type === 'request_cancelled').length}) ` +
        `blocks=${state.blocks.length} settings: ` +
        `${state.users.filter((u) => u.acceptRequestsFrom === 'friends_of_friends').length} friends_of_friends, ` +
        `${state.users.filter((u) => u.acceptRequestsFrom === 'nobody').length} nobody | ${keySummary(ops)} | ` +
        `5xx=${serverErrors} violations=${total}${found ? ` (${found})` : ''}`,
    );

    for (const check of CHECKS) {
      const list = violations[check] ?? [];
      const shown = list.length > 25 ? [...list.slice(0, 25), `… and ${list.length - 25} more`] : list;
      // Soft: a failing run reports every check that found something, not only the first.
      expect.soft(shown, `${check}: ${list.length} violation(s) (seed ${seed})`).toEqual([]);
    }

    // The load must have exercised every kind of call, including the contended outcomes and the
    // refusals of blocks and settings, and replayed successes to retries made after, during and
    // long after the first call.
    for (const required of REQUIRED) {
      const [what, status] = required.split(' ') as [string, string];
      const matches = (op: LoggedOp) =>
        (op.kind === what || op.keyUse === what) &&
        (status === '2xx'
          ? op.status >= 200 && op.status < 300
          : /^\d+$/.test(status)
            ? op.status === Number(status)
            : op.code === status);
      expect.soft(ops.some(matches), `the load never got ${status} for ${what}`).toBe(true);
    }
  });
});
