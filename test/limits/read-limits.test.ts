import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';

/*
 * Reads cost what they do: a field's price reflects its work (a ranking of suggestions, a mutual
 * list, a count, a page of N), a page size counts however it is given, a batch costs the sum of
 * its operations, each user has a read budget, and heavy reads wait for turns so that they can
 * never hold every database connection.
 */

const defaults = loadConfig({ NODE_ENV: 'test' });

async function post(server: TestServer, token: string, body: unknown) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const SUGGESTIONS = (alias: string) =>
  `${alias}: connectionSuggestions { __typename ... on ConnectionSuggestionPage { totalCount nodes { user { clientUserId } mutualCount } } }`;

describe('cost of an operation', () => {
  // A limit of 100: a page of 50 connected users (1 + 50 × 2 = 101) is over it, a page of 10 is not.
  const server = useTestServer({ env: { GRAPHQL_MAX_COST: '100' } });
  const PAGE = 'activeConnections(first: $size) { ... on ConnectionPage { nodes { connectedUser { displayName } } } }';

  it('should count a page size however it is given: a literal, a variable of any name, perPage, the default', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const asked = {
      literal: { query: '{ activeConnections(first: 50) { ... on ConnectionPage { nodes { id } } } }' },
      variable: { query: `query Friends($size: Int) { ${PAGE} }`, variables: { size: 50 } },
      perPage: {
        query:
          'query Page($n: Int) { activeConnections(perPage: $n) { ... on ConnectionPage { nodes { connectedUser { displayName } } } } }',
        variables: { n: 50 },
      },
      default: { query: `query Friends($size: Int) { ${PAGE} }`, variables: {} },
      small: { query: `query Friends($size: Int) { ${PAGE} }`, variables: { size: 10 } },
    };
    const codes: Record<string, unknown> = {};
    for (const [name, body] of Object.entries(asked)) {
      const { status, body: result } = await post(server, alice.token, body);
      codes[name] = [status, result.errors?.[0]?.extensions?.code ?? 'ok'];
    }

    expect(codes).toEqual({
      // 1 + 50 × 1: a page of ids alone fits.
      literal: [200, 'ok'],
      variable: [400, 'MAX_COST_EXCEEDED'],
      perPage: [400, 'MAX_COST_EXCEEDED'],
      default: [200, 'ok'],
      small: [200, 'ok'],
    });
  });

  it('should hold a batch to the limit together, not each of its operations alone', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    // 41 each (1 + 20 × 2): three fit in 100, a fourth does not.
    const one = { query: `query Friends($size: Int) { ${PAGE} }`, variables: { size: 20 } };

    const { body } = await post(server, alice.token, [one, one, one]);

    const refused = (body as { errors?: { extensions: { code: string } }[] }[]).filter((r) => r.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.errors?.[0]?.extensions.code).toBe('MAX_COST_EXCEEDED');
  });
});

describe('the attack: batches of aliased suggestions', () => {
  const server = useTestServer({ env: { RATE_LIMIT_USER_READ_COST: String(defaults.rateLimits.userReadCost) } });

  it('should refuse 10 operations × 15 aliased rankings with the default limits, running at most one operation', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    await tenant.connect(alice, await tenant.user('bob'));
    const fifteen = { query: `{ ${Array.from({ length: 15 }, (_, i) => SUGGESTIONS(`s${i}`)).join(' ')} }` };
    const seven = { query: `{ ${Array.from({ length: 7 }, (_, i) => SUGGESTIONS(`s${i}`)).join(' ')} }` };

    const whole = await post(
      server,
      alice.token,
      Array.from({ length: 10 }, () => fifteen),
    );
    const smaller = await post(
      server,
      alice.token,
      Array.from({ length: 10 }, () => seven),
    );

    // Fifteen rankings (about 1,600 units) are over the limit (1,000) on their own.
    for (const result of whole.body) expect(result.errors?.[0]?.extensions?.code).toBe('MAX_COST_EXCEEDED');
    // Seven fit in one operation, but the batch together is held to the same limit.
    const ran = (smaller.body as { data?: unknown }[]).filter((result) => result.data);
    expect(ran).toHaveLength(1);
  });
});

describe('read budget', () => {
  // The smallest budget the configuration allows (GRAPHQL_MAX_COST), in a long window.
  const server = useTestServer({
    env: { RATE_LIMIT_WINDOW_SECONDS: '600', GRAPHQL_MAX_COST: '400', RATE_LIMIT_USER_READ_COST: '400' },
  });

  async function readUntilRefused(user: SeededUser) {
    for (let i = 0; i < 20; i++) {
      const { status, headers, body } = await post(server, user.token, { query: `{ ${SUGGESTIONS('s')} }` });
      if (status !== 200) return { status, headers, body, reads: i };
    }
    throw new Error('never refused');
  }

  it('should refuse a user past its read budget with 429 RATE_LIMITED, over GraphQL and REST, and no one else', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const refused = await readUntilRefused(alice);
    const overRest = await server.rest('GET', `/v1/connections/${alice.id}/suggestions`, { token: alice.token });
    const bobReads = await post(server, bob.token, { query: `{ ${SUGGESTIONS('s')} }` });
    const backendReads = await server.rest('GET', `/v1/connections/${alice.id}/suggestions`, {
      token: tenant.serviceToken,
    });

    expect(refused.reads).toBeGreaterThan(0);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(overRest.status).toBe(429);
    expect(overRest.body).toEqual({ error: 'Too Many Requests', message: expect.any(String), code: 'RATE_LIMITED' });
    expect(overRest.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(bobReads.status).toBe(200);
    // A game backend has no read budget (it reads for every player).
    expect(backendReads.status).toBe(200);
  });
});

// A PostgreSQL server, where reads hold pooled connections: a pool of 6, of which heavy reads
// may hold 3 (the default: half), at most 2 of them one user's, with 4 more waiting.
const database = await realPostgresDatabase('heavyreads');
const POOL = 6;
const small = database?.url ? await connectDatabase({ databaseUrl: database.url, poolMax: POOL }) : null;

describe('heavy reads', () => {
  const server = useTestServer({
    ...(small && { database: async () => small }),
    env: { DATABASE_POOL_MAX: String(POOL) },
  });
  afterAll(async () => {
    await small?.db.destroy();
    await database?.db.destroy();
  });

  it('should let a player read while others ask for many rankings at once, and refuse what would wait too long', async () => {
    const tenant = await createTenant(server);
    const [alice, mallory, trudy] = [
      await tenant.user('alice'),
      await tenant.user('mallory'),
      await tenant.user('trudy'),
    ];
    // Every ranking reads connection_edges: held locked, each one blocks on it, holding its
    // connection for as long as the lock is held, as a slow ranking on a big graph would.
    const locker = new pg.Client({ connectionString: database?.url });
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table connection_edges in access exclusive mode');
    let lightRead: Awaited<ReturnType<TestServer['rest']>> | undefined;
    let heavy: Promise<{ status: number; body: any }>[] = [];
    try {
      heavy = [mallory, trudy].flatMap((user) =>
        Array.from({ length: 10 }, () => post(server, user.token, { query: `{ ${SUGGESTIONS('s')} }` })),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Reads that touch no locked table still find a connection: heavy reads hold at most 3 of 6.
      lightRead = await server.rest('GET', `/v1/users/${alice.id}`, { token: alice.token });
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    const answers = await Promise.all(heavy);

    expect(lightRead?.status).toBe(200);
    // Each user: at most 2 run and 4 wait; the rest are refused at once, typed, with a delay.
    for (const [index, user] of ['mallory', 'trudy'].entries()) {
      const outcomes = answers.slice(index * 10, index * 10 + 10).map((a) => a.body.data?.s?.__typename);
      const served = outcomes.filter((o) => o === 'ConnectionSuggestionPage').length;
      const refused = outcomes.filter((o) => o === 'RateLimitedError').length;
      expect({ user, served: served <= 6, all: served + refused }).toEqual({ user, served: true, all: 10 });
    }
  });
});
