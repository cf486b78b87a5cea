/**
 * Hostile input, property-based (fast-check): every REST route and every GraphQL query and
 * mutation field is called with generated path ids, page parameters, status filters, texts
 * (unicode, emoji, control characters and NUL, SQL and JSON injection, over-long and 10 MB
 * strings), malformed JSON, wrong content types and wrong JSON types. Each answer must be a
 * documented error with its documented status (or a success when the generated input happens
 * to be valid), never a 5xx, and a refused request must leave the database exactly as it was.
 *
 * The tests of this folder are split by what is hostile: paths (ids, methods, mangled paths),
 * query parameters, JSON bodies, oversized input and GraphQL. This file is what they share: a
 * server per test file, calls and the checks of their answers, and snapshots of the database.
 *
 * Runs reproduce: every property uses the fixed seed below (override with FC_SEED, and the
 * number of runs with FC_RUNS); a failure prints the seed, the path and the counterexample
 * (replay one run with FC_SEED=<seed> FC_PATH=<path>). HOSTILE_INPUT_STATS=1 prints what the
 * properties of each file were answered, to see that they reach successes as well as refusals.
 */
import type fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll } from 'vitest';
import { type TestServer, useTestServer } from '../../helpers/app.js';
import {
  fail,
  isPlainObject,
  LABEL_OF_STATUS,
  type Outcome,
  parseJson,
  SHORTEST_URI_TOO_LONG,
  STATUS_OF_CODE,
  union,
  violation,
} from './contract.js';
import type { GraphQLReply } from './graphql-fields.js';
import { type Call, describeCall, type Reply, routeOf } from './rest.js';
import { createWorld, type World } from './world.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_128);
export const RUNS = Number(process.env.FC_RUNS ?? 40);

/** fast-check parameters of one property: the fixed seed, and a modest number of runs. */
export function params<T>(numRuns = RUNS, examples: T[] = []): fc.Parameters<T> {
  return {
    seed: SEED,
    numRuns,
    examples,
    endOnFailure: true,
    ...(process.env.FC_PATH && { path: process.env.FC_PATH }),
  };
}

/** What a test file of hostile input works with, bound to its own server. */
export interface HostileInput {
  server: TestServer;
  /** A tenant of its own with users, requests, connections, notifications and blocks. */
  createWorld(): Promise<World>;
  /** Sends a REST request as given: the body as bytes, the content type only if one is given. */
  call(request: Call): Promise<Reply>;
  /** Checks a REST answer against the expected outcome; returns whether it was a success. */
  checkRest(request: Call, reply: Reply, outcome: Outcome): boolean;
  /** POSTs a GraphQL request body as given, with the content type given. */
  postGraphQL(token: string, body: string, type?: string | null): Promise<GraphQLReply>;
  /** Everything the tenant holds, and the row counts of the whole database. */
  snapshot(tenant: string): Promise<string>;
  /** Throws when the tenant (or the database) is not as `before`. */
  expectUnchanged(tenant: string, before: string, context: Record<string, unknown>): Promise<void>;
  /** Counts an answer for the statistics printed with HOSTILE_INPUT_STATS=1. */
  tally(what: string): void;
}

/**
 * Starts the app for the tests of one file (call at the top level of a test file) and returns
 * what they call it with.
 */
export function useHostileInput(): HostileInput {
  // A friend code that names no one counts against its sender's few misses a window: the
  // properties send many (test/modules/friend-codes has the budget's own tests).
  const server = useTestServer({ env: { RATE_LIMIT_USER_FRIEND_CODE_MISSES: '0' } });

  /** What the properties were answered, printed after the file with HOSTILE_INPUT_STATS=1. */
  const seen = new Map<string, number>();
  function tally(what: string): void {
    seen.set(what, (seen.get(what) ?? 0) + 1);
  }
  afterAll(() => {
    if (process.env.HOSTILE_INPUT_STATS)
      console.log(
        [...seen]
          .sort()
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
  });

  async function call(request: Call): Promise<Reply> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let body: Blob | undefined;
    if (request.body !== undefined) {
      // A Blob without a type gets no content type from fetch; a string would get text/plain.
      body = new Blob([request.body]);
      const type = request.contentType === undefined ? 'application/json' : request.contentType;
      if (type !== null) headers['content-type'] = type;
    }
    const response = await fetch(`${server.url}${request.path}`, {
      method: request.method,
      headers,
      ...(body !== undefined && { body }),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    return { status: response.status, headers: response.headers, text, json: parsed.ok ? parsed.value : undefined };
  }

  /**
   * Everything the tenant holds (row counts and a checksum of every row of users (with their
   * settings), connection_requests, connections, connection_edges (with their nicknames, notes
   * and stars), notifications, blocks, idempotency_keys, invites, friend_codes and
   * recent_players), and the row counts of the whole database, so that a write into another
   * tenant shows too.
   * A user's `last_seen_at` is left out: presence writes it on a clock of its own (when a user's
   * time to live or grace ends), not when a request is answered; what a refused presence write
   * must leave as it was is the presence itself (see `expectPresenceUnchanged`).
   */
  async function snapshot(tenant: string): Promise<string> {
    const row = (name: string) => (name === 'users' ? sql`(to_jsonb(t) - 'last_seen_at')::text` : sql`t::text`);
    const table = (name: string, order: string) =>
      sql`(select count(*) || ':' || md5(coalesce(string_agg(${row(name)}, ',' order by ${sql.raw(order)}), ''))
           from ${sql.table(name)} t where t.tenant = ${tenant})`;
    const total = (name: string) => sql`(select count(*)::text from ${sql.table(name)})`;
    const result = await sql<{ snapshot: string }>`
      select concat_ws(' | ',
        ${table('users', 't.id')},
        ${table('connection_requests', 't.id')},
        ${table('connections', 't.id')},
        ${table('connection_edges', 't.user_id, t.connection_id')},
        ${table('notifications', 't.id')},
        ${table('idempotency_keys', 't.client_user_id, t.key')},
        ${table('blocks', 't.blocker_id, t.blocked_id')},
        ${table('invites', 't.id')},
        ${table('friend_codes', 't.user_id')},
        ${table('recent_players', 't.user_id, t.other_user_id')},
        ${total('users')}, ${total('connection_requests')}, ${total('connections')},
        ${total('connection_edges')}, ${total('notifications')}, ${total('idempotency_keys')},
        ${total('blocks')}, ${total('invites')}, ${total('friend_codes')}, ${total('recent_players')}
      ) as snapshot`.execute(server.database.db);
    return result.rows[0]!.snapshot;
  }

  function checkRest(request: Call, reply: Reply, outcome: Outcome): boolean {
    const url = new URL(`${server.url}${request.path}`);
    const long = Buffer.byteLength(`${url.pathname}${url.search}`) >= SHORTEST_URI_TOO_LONG;
    const expected = long ? union(outcome, fail('URI_TOO_LONG')) : outcome;
    tally(
      `${request.method} ${routeOf(request.method, url.pathname)} ${reply.status < 300 ? reply.status : (reply.json as any)?.code}`,
    );
    const context = { request: describeCall(request), status: reply.status, response: reply.text, expected };
    if (reply.status >= 500) throw violation('5xx answer', context);
    if (reply.status < 300) {
      if (!expected.success.includes(reply.status)) throw violation('unexpected success', context);
      return true;
    }
    if (request.method === 'HEAD') {
      if (!expected.codes.some((code) => STATUS_OF_CODE[code] === reply.status)) {
        throw violation('unexpected status', context);
      }
      return false;
    }
    const body = reply.json;
    if (!isPlainObject(body)) throw violation('error body is not a JSON object', context);
    const keys = Object.keys(body).sort();
    if (keys.join(',') !== 'code,error,message') throw violation('error body keys are not error/message/code', context);
    if (typeof body.error !== 'string' || typeof body.message !== 'string' || typeof body.code !== 'string') {
      throw violation('error body fields are not strings', context);
    }
    if (STATUS_OF_CODE[body.code] !== reply.status) throw violation('undocumented code or wrong status', context);
    if (LABEL_OF_STATUS[reply.status] !== body.error) throw violation('wrong error label', context);
    if (!expected.codes.includes(body.code)) throw violation('unexpected error code', context);
    if (body.message.length === 0) throw violation('empty error message', context);
    return false;
  }

  async function expectUnchanged(tenant: string, before: string, context: Record<string, unknown>): Promise<void> {
    const after = await snapshot(tenant);
    if (after !== before) throw violation('a refused request changed the database', { ...context, before, after });
  }

  async function postGraphQL(
    token: string,
    body: string,
    type: string | null = 'application/json',
  ): Promise<GraphQLReply> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (type !== null) headers['content-type'] = type;
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: new Blob([body]) });
    const text = await response.text();
    const parsed = parseJson(text);
    return { status: response.status, text, json: parsed.ok ? parsed.value : undefined };
  }

  return {
    server,
    createWorld: () => createWorld(server),
    call,
    checkRest,
    postGraphQL,
    snapshot,
    expectUnchanged,
    tally,
  };
}
