/**
 * The `search` scenario: how long finding a player by the first three letters of a name takes
 * among 1,000,000 players of one tenant, on PostgreSQL. Its own database (BENCH_SEARCH_DATABASE_URL,
 * default `bench_search`), filled once with names made of syllables (a seeded generator, so every
 * run searches the same names) and kept for the next run. The gateway runs in this process with a
 * pool of its own; queries go one at a time over HTTP, as a player types them, so each latency is
 * that of one search: REST (which always reports totals) and GraphQL (`first: 20`, by cursor).
 */
import pg from 'pg';
import { buildApp } from '../src/app/build-app.js';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';
import { loadConfig } from '../src/platform/config.js';
import { connectDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logger.js';
import { atMost, type ScenarioReport } from './report.js';

const TENANT = 'search-0';
const JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';
const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'mo',
  'shi',
  'na',
  'ze',
  'lo',
  'vi',
  'dra',
  'gon',
  'xi',
  'fa',
  're',
  'el',
  'an',
  'dor',
  'mir',
  'ash',
  'kai',
  'ne',
  'ro',
  'sa',
  'ti',
  'zu',
  'bel',
  'cor',
  'dan',
  'ev',
  'fin',
  'gar',
  'hal',
  'is',
  'jo',
  'kor',
  'lun',
  'mar',
  'nor',
  'ol',
  'pyr',
  'qu',
  'ras',
  'sol',
  'tor',
  'ur',
  'vex',
  'wyn',
  'yl',
];

export interface SearchOptions {
  users: number;
  /** Searches measured per face, after as many again to warm up. */
  queries: number;
  log: (line: string) => void;
  databaseUrl?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The scenario's database with exactly `users` generated players in its tenant (built when it is not). */
async function prepare(url: string, users: number, log: (line: string) => void): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).href });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const database = await connectDatabase({ databaseUrl: url, poolMax: 2 });
  try {
    await migrateToLatest(database.db);
    const client = database.pool as pg.Pool;
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from users where tenant = $1', [
      TENANT,
    ]);
    if (rows[0]?.n === users) return;
    const started = Date.now();
    log(`search: generating ${users} players in ${name} (once; kept for the next runs)`);
    await client.query('delete from users where tenant = $1', [TENANT]);
    // A name is two or three syllables, sometimes a second word, sometimes digits: gamer tags.
    const pick = '($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int]';
    await client.query('select setseed(0.42)');
    await client.query(
      `insert into users (tenant, client_user_id, display_name)
       select $1, 'p' || g,
         initcap(${pick} || ${pick} || case when random() < 0.5 then ${pick} else '' end)
         || case when random() < 0.3 then '_' || initcap(${pick} || ${pick}) else '' end
         || case when random() < 0.4 then floor(random() * 1000)::int::text else '' end
       from generate_series(1, $3) g`,
      [TENANT, SYLLABLES, users],
    );
    await client.query('analyze users');
    log(`search: generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.db.destroy();
  }
}

export async function runSearch(options: SearchOptions): Promise<ScenarioReport> {
  const url =
    options.databaseUrl ?? process.env.BENCH_SEARCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_search';
  await prepare(url, options.users, options.log);
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET,
      DATABASE_URL: url,
      DATABASE_POOL_MAX: '10',
      PORT: '0',
      HOST: '127.0.0.1',
      // One search after another as fast as they answer: the read budget would measure the limiter.
      RATE_LIMIT_USER_READ_COST: '0',
    }),
    logger: createLogger('warn'),
  });
  const base = await app.start();
  try {
    const token = await signToken(secretKey(JWT_SECRET), {
      sub: 'bench',
      tenant: TENANT,
      role: 'service',
      expiresIn: '2h',
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // What players type: the first three letters of names picked at random (so common prefixes
    // come up as often as they are common), searched as a player picked at random.
    const database = await connectDatabase({ databaseUrl: url, poolMax: 1 });
    await (database.pool as pg.Pool).query('select setseed(0.7)');
    const { rows } = await (database.pool as pg.Pool).query<{ prefix: string; searcher: string }>(
      `select lower(left(display_name, 3)) as prefix, 'p' || (1 + floor(random() * $3))::int as searcher
       from users where tenant = $1 order by random() limit $2`,
      [TENANT, options.queries * 2, options.users],
    );
    await database.db.destroy();

    const time = async (request: () => Promise<Response>) => {
      const started = performance.now();
      const response = await request();
      const body = await response.text();
      if (!response.ok) throw new Error(`search: ${response.status} ${body}`);
      return performance.now() - started;
    };
    const rest = (prefix: string, searcher: string) =>
      time(() => fetch(`${base}/v1/users?query=${prefix}&user_id=${searcher}`, { headers }));
    const query =
      'query($q: String!, $as: ID) { searchUsers(query: $q, userId: $as, first: 20) { __typename ... on FoundUserPage { nodes { user { clientUserId displayName } relationship { status } } pageInfo { hasNextPage endCursor } } } }';
    const graphql = (prefix: string, searcher: string) =>
      time(() =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables: { q: prefix, as: searcher } }),
        }),
      );
    const warmup = rows.slice(options.queries);
    for (const { prefix, searcher } of warmup) {
      await rest(prefix, searcher);
      await graphql(prefix, searcher);
    }
    const measured = rows.slice(0, options.queries);
    const restTimes: number[] = [];
    const graphqlTimes: number[] = [];
    for (const { prefix, searcher } of measured) {
      restTimes.push(await rest(prefix, searcher));
      graphqlTimes.push(await graphql(prefix, searcher));
    }
    const summary = (name: string, times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const total = times.reduce((sum, t) => sum + t, 0);
      return {
        name,
        requestsPerSecond: round((times.length * 1000) / total),
        p50Ms: round(percentile(sorted, 50)),
        p99Ms: round(percentile(sorted, 99)),
        errors: 0,
        rounds: 1,
      };
    };
    const targets = [
      summary('REST GET /v1/users?query=', restTimes),
      summary('GraphQL searchUsers(first: 20)', graphqlTimes),
    ];
    options.log(
      `search: ${options.users} players, ${measured.length} three-letter prefixes: ${targets
        .map((t) => `${t.name} p50 ${t.p50Ms} ms p99 ${t.p99Ms} ms`)
        .join('; ')}`,
    );
    return {
      scenario: 'search',
      description: `Finding a player by the first three letters of a name among ${options.users.toLocaleString('en')} players of one tenant on PostgreSQL: ${measured.length} prefixes of names picked at random, one search at a time over HTTP, each as a random player (its relationships read with the results). REST always counts the matches (at most 100); GraphQL pages by cursor.`,
      targets,
      checks: targets.flatMap((t) => [
        atMost(`${t.name} p50 (ms)`, t.p50Ms, 10),
        atMost(`${t.name} p99 (ms)`, t.p99Ms, 50),
      ]),
    };
  } finally {
    await app.stop();
  }
}
