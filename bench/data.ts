import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connectDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';

/**
 * `npm run bench:data -- --users 100000 --edges 2000000 [--tenants 4] [--seed 42] [--reset] [--out dataset.json]`
 *
 * Builds a benchmark dataset in the PostgreSQL database BENCH_DATABASE_URL (created when
 * missing, dropped and recreated with --reset), migrated with the project's own migrations:
 *
 * - users `u1`…`uN` spread over tenants `bench-0`…, bench-0 the largest (tenant k has a share
 *   proportional to 1/(k+1)²);
 * - hub users u1, u2, u3 in bench-0 with 60,000 / 60,000 / 50,000 connections (scaled down when
 *   --edges or the tenant's size does not allow that many), connected to each other and to
 *   randomly chosen users of their tenant, with pending and declined requests received too;
 * - everyone else gets power-law connection counts (Chung–Lu sampling with Pareto(2) weights:
 *   most users have tens, a few have thousands), all within their tenant, each pair once;
 * - `--edges` connection_edges rows (two per connection); every connection has its accepted
 *   request, and there are pending and declined requests (10% of the connections' count each,
 *   pending only between pairs that are neither connected nor already pending);
 * - notifications as the domain would have written them: request_accepted / request_declined to
 *   the sender when the request was answered, new_request to the receiver of each pending
 *   request, numbered per user by (created_at, id) with users.notification_seq = the last seq.
 *
 * Everything is generated inside PostgreSQL with set-based statements (`generate_series`,
 * `random()` after `setseed`, `insert … select`), so a given --seed gives the same data, apart
 * from timestamps being relative to the time of the run. The load runs in one transaction with
 * the foreign keys and the non-unique indexes dropped and put back (validated, rebuilt) at the
 * end; unique indexes and checks stay in place throughout. Then VACUUM ANALYZE, a check of the
 * invariants above, and a summary written to bench/results/dataset.json (or `--out`).
 */

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/bench';
/** Connections of the hub users u1, u2, u3 (all in bench-0), before scaling to the dataset. */
const HUB_TARGETS = [60_000, 60_000, 50_000];
/** Hubs take at most this share of all connections. */
const HUB_BUDGET = 0.25;
/** Pending and declined requests, each as a share of the connections' count. */
const PENDING_SHARE = 0.1;
const DECLINED_SHARE = 0.1;
/** Hubs also received pending and declined requests, each this share of their connections. */
const HUB_REQUEST_SHARE = 0.05;
const TABLES = ['users', 'connection_requests', 'connections', 'connection_edges', 'notifications'] as const;

const REQUEST_MESSAGES = [
  'Hi! Want to connect?',
  'GG last match, add me!',
  'Saw you on the leaderboard, nice run.',
  'Looking for a squad for the weekend event.',
  'We played together yesterday, connect?',
  'Hey, friend of Sam here.',
  'Need one more for raids, interested?',
  'Let us team up next season!',
];
const NAME_PREFIXES = ['Swift', 'Silent', 'Brave', 'Lucky', 'Crimson', 'Frost', 'Shadow', 'Iron', 'Neon', 'Wild'];
const NAME_SUFFIXES = ['Fox', 'Wolf', 'Falcon', 'Tiger', 'Raven', 'Golem', 'Viper', 'Knight', 'Pixel', 'Comet'];

interface Options {
  users: number;
  edges: number;
  tenants: number;
  seed: number;
  reset: boolean;
  /** File name of the summary under bench/results/. */
  out: string;
}

interface Hub {
  n: number;
  /** Connections in total, the other hubs included. */
  connections: number;
  /** Connections to non-hub users. */
  others: number;
  pending: number;
  declined: number;
}

interface Plan {
  tenantSizes: number[];
  connections: number;
  hubs: Hub[];
  /** Pairs between non-hub users: connections, pending and declined requests. */
  regular: { connections: number; pending: number; declined: number };
}

function parseOptions(): Options {
  let values: { users: string; edges: string; tenants: string; seed: string; reset: boolean; out: string };
  try {
    ({ values } = parseArgs({
      options: {
        users: { type: 'string', default: '100000' },
        edges: { type: 'string', default: '2000000' },
        tenants: { type: 'string', default: '4' },
        seed: { type: 'string', default: '42' },
        reset: { type: 'boolean', default: false },
        out: { type: 'string', default: 'dataset.json' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)}\n` +
        'usage: npm run bench:data -- --users N --edges N [--tenants N] [--seed N] [--reset] [--out dataset.json]',
    );
  }
  const int = (name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      throw new UsageError(`--${name} must be an integer between ${min} and ${max}, got '${value}'`);
    }
    return parsed;
  };
  return {
    users: int('users', values.users, 2),
    edges: int('edges', values.edges, 0),
    tenants: int('tenants', values.tenants, 1, 1000),
    seed: int('seed', values.seed, 0, 2 ** 31 - 1),
    reset: values.reset,
    out: values.out,
  };
}

class UsageError extends Error {}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** bench-k gets a share proportional to 1/(k+1)², so bench-0 is large enough for the hubs. */
function tenantSizes(users: number, tenants: number): number[] {
  const weights = Array.from({ length: tenants }, (_, k) => 1 / (k + 1) ** 2);
  const total = sum(weights);
  const sizes = weights.map((w) => Math.max(2, Math.floor((users * w) / total)));
  sizes[0] = users - sum(sizes.slice(1));
  if (sizes[0] < 2) throw new UsageError(`--users ${users} is too few for --tenants ${tenants}`);
  return sizes;
}

function makePlan(options: Options): Plan {
  const sizes = tenantSizes(options.users, options.tenants);
  const size0 = sizes[0]!;
  const connections = Math.floor(options.edges / 2);

  let hubCount = Math.min(HUB_TARGETS.length, Math.floor(size0 / 20));
  const budget = Math.floor(connections * HUB_BUDGET);
  if (budget < 10 * hubCount) hubCount = 0;
  const targets = HUB_TARGETS.slice(0, hubCount);
  const scale = Math.min(1, budget / Math.max(1, sum(targets)));
  // Each hub keeps some users of its tenant unconnected, to have requests from them.
  const maxOthers = Math.floor(0.9 * (size0 - hubCount));
  const hubs = targets.map((target, i): Hub => {
    const others = Math.max(0, Math.min(Math.round(target * scale) - (hubCount - 1), maxOthers));
    const free = size0 - hubCount - others;
    const pending = Math.min(Math.round((others + hubCount - 1) * HUB_REQUEST_SHARE), free);
    const declined = Math.min(Math.round((others + hubCount - 1) * HUB_REQUEST_SHARE), free - pending);
    return { n: i + 1, connections: others + hubCount - 1, others, pending, declined };
  });
  const hubConnections = sum(hubs.map((h) => h.others)) + (hubCount * (hubCount - 1)) / 2;
  const regular = {
    connections: connections - hubConnections,
    pending: Math.max(0, Math.round(connections * PENDING_SHARE) - sum(hubs.map((h) => h.pending))),
    declined: Math.max(0, Math.round(connections * DECLINED_SHARE) - sum(hubs.map((h) => h.declined))),
  };
  const possible = sum(sizes.map((s, k) => (k === 0 ? s - hubCount : s)).map((m) => (m * (m - 1)) / 2));
  const needed = regular.connections + regular.pending + regular.declined;
  if (needed > possible / 2) {
    throw new UsageError(
      `--edges ${options.edges} is too dense for --users ${options.users}: ${needed} pairs wanted of ${possible} possible`,
    );
  }
  return { tenantSizes: sizes, connections, hubs, regular };
}

const started = performance.now();
const timings: Record<string, number> = {};
const fmt = (n: number) => n.toLocaleString('en-US');

async function stage<T>(name: string, run: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  timings[name] = Math.round(seconds * 100) / 100;
  const total = (performance.now() - started) / 1000;
  process.stdout.write(
    `[${total.toFixed(1).padStart(6)}s] ${name.padEnd(26)} ${describe(result).padEnd(60)} ${seconds.toFixed(1)}s\n`,
  );
  return result;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates the database when missing (or drops and recreates it with --reset), then migrates it. */
async function prepareDatabase(url: string, reset: boolean): Promise<string> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new UsageError('BENCH_DATABASE_URL must name a database');
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  let action: string;
  try {
    if (reset) {
      if (['postgres', 'template0', 'template1'].includes(name)) {
        throw new UsageError(`refusing to drop the '${name}' database`);
      }
      await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    }
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) {
      action = 'exists';
    } else {
      await admin.query(`create database ${admin.escapeIdentifier(name)}`);
      action = reset ? 'dropped and recreated' : 'created';
    }
  } finally {
    await admin.end();
  }
  const database = await connectDatabase({ databaseUrl: url, poolMax: 1 });
  try {
    const applied = await migrateToLatest(database.db);
    return `${name} ${action}, ${applied.length ? `migrations ${applied.join(', ')}` : 'schema up to date'}`;
  } finally {
    await database.db.destroy();
  }
}

/** `text[]` literal of fixed strings (no quotes or backslashes in them). */
const textArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]`;

async function main(): Promise<void> {
  const options = parseOptions();
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_URL;
  const plan = makePlan(options);
  const location = (() => {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  })();
  process.stdout.write(
    `bench:data ${location}: ${fmt(options.users)} users, ${fmt(plan.connections * 2)} edges, ` +
      `${options.tenants} tenants, seed ${options.seed}\n`,
  );

  await stage(
    'database',
    () => prepareDatabase(url, options.reset),
    (d) => d,
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const query = async (text: string, params: unknown[] = []) => client.query(text, params);
  const count = async (text: string, params: unknown[] = []) => Number((await query(text, params)).rows[0]?.n ?? 0);

  try {
    if (await count(`select count(*) as n from (select 1 from users where tenant like 'bench-%' limit 1) x`)) {
      throw new UsageError(`${location} already holds bench tenants; rerun with --reset`);
    }
    // temp_buffers must be set before the session first touches a temporary table.
    for (const setting of [
      "set temp_buffers = '1GB'",
      "set work_mem = '512MB'",
      "set maintenance_work_mem = '1GB'",
      'set max_parallel_workers_per_gather = 0',
      'set synchronize_seqscans = off',
      'set synchronous_commit = off',
      'set jit = off',
    ]) {
      await query(setting);
    }
    const now = (await query(`select date_trunc('milliseconds', now())::text as now`)).rows[0].now as string;
    // Ids are given explicitly (in order of creation), after any rows already there.
    const base: Record<string, number> = {};
    for (const table of ['users', 'connection_requests', 'connections', 'notifications']) {
      base[table] = await count(`select coalesce(max(id), 0) as n from ${table}`);
    }

    await query('begin');
    // random() from here on is repeatable: every draw happens in a scan whose order is fixed.
    await query('select setseed($1)', [options.seed / 2 ** 31]);

    // Users, with Pareto(2) weights for their share of the regular pairs (hubs weigh nothing).
    await stage(
      'users (staging)',
      async () => {
        await query('create temp table tenants (t int primary key, first_n int not null, size int not null)');
        let first = 1;
        for (const [t, size] of plan.tenantSizes.entries()) {
          await query('insert into tenants values ($1, $2, $3)', [t, first, size]);
          first += size;
        }
        await query(
          `create temp table bu (n int primary key, t int not null, id bigint not null, hub boolean not null,
             dn text not null, created_at timestamptz not null, w float8 not null)`,
        );
        const hubs = plan.hubs.map((h) => h.n);
        return (
          await query(
            `insert into bu
             select n, t, $1::bigint + n, hub,
               (${textArray(NAME_PREFIXES)})[1 + floor(random() * ${NAME_PREFIXES.length})::int]
                 || (${textArray(NAME_SUFFIXES)})[1 + floor(random() * ${NAME_SUFFIXES.length})::int] || (n % 1000),
               case when hub then $2::timestamptz - interval '365 days'
                 else date_trunc('milliseconds', $2::timestamptz - interval '365 days' * sqrt(random())) end,
               case when hub then 0 else least(1000, power(1 - random(), -0.5)) end
             from (select g.n, te.t, g.n = any($3::int[]) as hub
                   from tenants te, generate_series(te.first_n, te.first_n + te.size - 1) as g(n)
                   order by g.n) u`,
            [base.users, now, hubs],
          )
        ).rowCount;
      },
      (n) => `${fmt(n ?? 0)} users in ${plan.tenantSizes.map(fmt).join(' / ')} per tenant`,
    );

    // Regular pairs: both ends drawn in proportion to the weights (a "stub" per unit of weight),
    // within one tenant; duplicates dropped; ranked by draw order, which decides their role.
    const wanted = plan.regular.connections + plan.regular.pending + plan.regular.declined;
    await stage(
      'pairs (sampling)',
      async () => {
        const totalWeight = await count(`select coalesce(sum(w), 0) as n from bu`);
        const stubScale = (2 * wanted) / Math.max(totalWeight, 1);
        await query('create temp table stubs (sid int primary key, t int not null, n int not null)');
        await query(
          `insert into stubs
           select row_number() over (order by b.n, g), b.t, b.n
           from bu b, generate_series(1, floor(b.w * $1::float8 + random())::int) g
           where not b.hub`,
          [stubScale],
        );
        await query(
          'create temp table stub_range as select t, min(sid) as lo, max(sid) as hi from stubs group by t order by t',
        );
        const stubs = await count('select count(*) as n from stubs');
        await query(
          `create temp table cand (lo int not null, hi int not null, t int not null, p bigint not null,
             primary key (lo, hi))`,
        );
        let have = 0;
        let drawn = 0;
        let rounds = 0;
        while (have < wanted) {
          if (++rounds > 40 || stubs === 0) throw new Error(`could not draw ${wanted} distinct pairs (got ${have})`);
          const draws = rounds === 1 ? Math.ceil(wanted * 1.06) + 100 : Math.ceil((wanted - have) * 1.5) + 1000;
          const inserted = await query(
            `insert into cand (lo, hi, t, p)
             select least(s1.n, s2.n), greatest(s1.n, s2.n), s1.t, $1::bigint + x.g
             from (select g, random() as ri, random() as rj from generate_series(1, $2::int) g) x
             join stubs s1 on s1.sid = 1 + floor(x.ri * $3::int)::int
             join stub_range r on r.t = s1.t
             join stubs s2 on s2.sid = r.lo + floor(x.rj * (r.hi - r.lo + 1))::int
             where s1.n <> s2.n
             order by x.g
             on conflict (lo, hi) do nothing`,
            [drawn, draws, stubs],
          );
          drawn += draws;
          have += inserted.rowCount ?? 0;
        }
        return { have, drawn, rounds, stubs };
      },
      (r) => `${fmt(r.have)} distinct of ${fmt(r.drawn)} draws (${r.rounds} rounds, ${fmt(r.stubs)} stubs)`,
    );

    await stage(
      'hub pairs',
      async () => {
        await query(
          'create temp table hubs (h int primary key, others int not null, pending int not null, declined int not null)',
        );
        await query('create temp table hubpick (h int not null, n int not null, r float8 not null)');
        for (const hub of plan.hubs) {
          await query('insert into hubs values ($1, $2, $3, $4)', [hub.n, hub.others, hub.pending, hub.declined]);
          await query(`insert into hubpick select $1::int, n, random() from bu where t = 0 and not hub order by n`, [
            hub.n,
          ]);
        }
        await query(
          `create temp table hubrank as
           select h, n, row_number() over (partition by h order by r, n) as rk from hubpick order by h, rk`,
        );
        return (
          plan.hubs.reduce((a, h) => a + h.others + h.pending + h.declined, 0) +
          (plan.hubs.length * (plan.hubs.length - 1)) / 2
        );
      },
      (n) =>
        `${fmt(n)} requests of hubs ${plan.hubs.map((h) => `u${h.n}:${fmt(h.connections)}`).join(' ') || '(none)'}`,
    );

    // Every request with its status, then ids in order of creation and timestamps over the year.
    await stage(
      'requests (staging)',
      async () => {
        await query(
          `create temp table req0 (k bigint generated always as identity primary key, t int not null,
             s int not null, r int not null, status text not null,
             r1 float8 not null, r2 float8 not null, r3 float8 not null, r4 float8 not null, r5 float8 not null)`,
        );
        const { connections: c, pending: p } = plan.regular;
        await query(
          `insert into req0 (t, s, r, status, r1, r2, r3, r4, r5)
           select t, case when coin then lo else hi end, case when coin then hi else lo end, status,
             random(), random(), random(), random(), random()
           from (
             select t, lo, hi, random() < 0.5 as coin,
               case when rk <= $1 then 'accepted' when rk <= $2 then 'pending' else 'declined' end as status
             from (select t, lo, hi, row_number() over (order by p) as rk from cand) ranked
             where rk <= $3
           ) x`,
          [c, c + p, wanted],
        );
        // Hub to hub: the later hub asked the earlier one.
        await query(
          `insert into req0 (t, s, r, status, r1, r2, r3, r4, r5)
           select 0, b.h, a.h, 'accepted', random(), random(), random(), random(), random()
           from hubs a join hubs b on a.h < b.h order by a.h, b.h`,
        );
        // Hubs mostly receive requests: 30% of their connections they asked for themselves; the
        // pending and declined requests were all sent to them.
        await query(
          `insert into req0 (t, s, r, status, r1, r2, r3, r4, r5)
           select 0, case when hub_sent then h else n end, case when hub_sent then n else h end, status,
             random(), random(), random(), random(), random()
           from (
             select hr.h, hr.n, hr.rk, random() < 0.3 and hr.rk <= hb.others as hub_sent,
               case when hr.rk <= hb.others then 'accepted'
                 when hr.rk <= hb.others + hb.pending then 'pending' else 'declined' end as status
             from hubrank hr join hubs hb on hb.h = hr.h
             where hr.rk <= hb.others + hb.pending + hb.declined
             order by hr.h, hr.rk
           ) x`,
        );
        // Not before both users existed; answered within two weeks (mostly within days).
        return (
          await query(
            `create temp table req as
             select $1::bigint + row_number() over (order by created_at, k) as id, k, t, sender_id, receiver_id,
               status, message, created_at, r4, r5,
               case when status <> 'pending'
                 then least($2::timestamptz, date_trunc('milliseconds', created_at + interval '14 days' * power(r2, 3)))
               end as responded_at
             from (
               select q.k, q.t, a.id as sender_id, b.id as receiver_id, q.status, q.r2, q.r4, q.r5,
                 case when q.r3 < 0.25
                   then (${textArray(REQUEST_MESSAGES)})[1 + floor(q.r3 * 4 * ${REQUEST_MESSAGES.length})::int]
                 end as message,
                 date_trunc('milliseconds',
                   greatest(a.created_at, b.created_at)
                   + ($2::timestamptz - greatest(a.created_at, b.created_at)) * q.r1) as created_at
               from req0 q join bu a on a.n = q.s join bu b on b.n = q.r
             ) x`,
            [base.connection_requests, now],
          )
        ).rowCount;
      },
      (n) => `${fmt(n ?? 0)} requests`,
    );

    await stage(
      'connections+notifications',
      async () => {
        const connections = (
          await query(
            `create temp table conn as
             select $1::bigint + row_number() over (order by responded_at, id) as id, t,
               least(sender_id, receiver_id) as lo, greatest(sender_id, receiver_id) as hi,
               id as request_id, responded_at as created_at
             from req where status = 'accepted'`,
            [base.connections],
          )
        ).rowCount;
        // What the domain writes: the receiver hears of a pending request, the sender of the
        // answer. Most notifications older than two days have been read.
        const notifications = (
          await query(
            `create temp table ntf as
             select $1::bigint + row_number() over (order by created_at, request_id) as id,
               row_number() over (partition by user_id order by created_at, request_id) as seq,
               t, user_id, type, request_id, other_user_id, message, created_at,
               case when created_at < $2::timestamptz - interval '2 days' and r4 < 0.85
                 then least($2::timestamptz, date_trunc('milliseconds', created_at + interval '2 days' * power(r5, 2)))
               end as read_at
             from (
               select r.t, r.id as request_id, r.r4, r.r5,
                 case when r.status = 'pending' then r.receiver_id else r.sender_id end as user_id,
                 case when r.status = 'pending' then r.sender_id else r.receiver_id end as other_user_id,
                 case r.status when 'pending' then 'new_request' when 'accepted' then 'request_accepted'
                   else 'request_declined' end as type,
                 case r.status when 'pending' then coalesce(r.message, s.dn || ' wants to connect with you.')
                   when 'accepted' then 'Your connection request was accepted!'
                   else 'Your connection request was declined.' end as message,
                 coalesce(r.responded_at, r.created_at) as created_at
               from req r join bu s on s.id = r.sender_id
             ) x`,
            [base.notifications, now],
          )
        ).rowCount;
        return { connections, notifications };
      },
      (r) => `${fmt(r.connections ?? 0)} connections, ${fmt(r.notifications ?? 0)} notifications`,
    );

    // Bulk-load shape: foreign keys and non-unique indexes go, to be validated and rebuilt in one
    // pass each at the end. Unique indexes stay, so every insert is checked against them.
    const deferred = await stage(
      'drop fks + secondary idx',
      async () => {
        const foreignKeys = (
          await query(
            `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
             from pg_constraint where contype = 'f' and conrelid = any($1::regclass[]) order by conrelid, conname`,
            [TABLES],
          )
        ).rows as { tbl: string; conname: string; def: string }[];
        const indexes = (
          await query(
            `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
             from pg_index where indrelid = any($1::regclass[]) and not indisunique and not indisprimary
             order by indexrelid`,
            [TABLES],
          )
        ).rows as { name: string; def: string }[];
        for (const fk of foreignKeys) {
          await query(`alter table ${fk.tbl} drop constraint ${client.escapeIdentifier(fk.conname)}`);
        }
        for (const index of indexes) await query(`drop index ${index.name}`);
        return { foreignKeys, indexes };
      },
      (r) => `${r.foreignKeys.length} foreign keys, ${r.indexes.length} indexes`,
    );

    const load = (table: string, text: string, params: unknown[] = []) =>
      stage(
        `load ${table}`,
        async () => (await query(text, params)).rowCount ?? 0,
        (n) => `${fmt(n)} rows`,
      );
    await load(
      'users',
      `insert into users (id, tenant, client_user_id, display_name, created_at, updated_at, notification_seq)
       overriding system value
       select b.id, 'bench-' || b.t, 'u' || b.n, b.dn, b.created_at, b.created_at, coalesce(c.last_seq, 0)
       from bu b left join (select user_id, max(seq) as last_seq from ntf group by user_id) c on c.user_id = b.id
       order by b.id`,
    );
    await load(
      'connection_requests',
      `insert into connection_requests (id, tenant, sender_id, receiver_id, status, message, created_at, responded_at)
       overriding system value
       select id, 'bench-' || t, sender_id, receiver_id, status, message, created_at, responded_at
       from req order by id`,
    );
    await load(
      'connections',
      `insert into connections (id, tenant, user_low_id, user_high_id, request_id, created_at)
       overriding system value
       select id, 'bench-' || t, lo, hi, request_id, created_at from conn order by id`,
    );
    await load(
      'connection_edges',
      `insert into connection_edges (tenant, user_id, connection_id, other_user_id, created_at)
       select 'bench-' || t, user_id, id, other_user_id, created_at
       from (select t, lo as user_id, id, hi as other_user_id, created_at from conn
             union all
             select t, hi, id, lo, created_at from conn) e
       order by user_id, id`,
    );
    await stage(
      'connection counts',
      async () =>
        (
          await query(
            `update users u set connection_count = e.n
             from (select user_id, count(*) as n from connection_edges group by user_id) e where e.user_id = u.id`,
          )
        ).rowCount ?? 0,
      (n) => `${fmt(n)} users`,
    );
    await load(
      'notifications',
      `insert into notifications
         (id, tenant, user_id, type, connection_request_id, other_user_id, message, created_at, read_at, seq)
       overriding system value
       select id, 'bench-' || t, user_id, type, request_id, other_user_id, message, created_at, read_at, seq
       from ntf order by id`,
    );

    await stage(
      'rebuild indexes',
      async () => {
        await query('set max_parallel_maintenance_workers = 2');
        for (const index of deferred.indexes) await query(index.def);
        return deferred.indexes.length;
      },
      (n) => `${n} indexes`,
    );
    await stage(
      'validate foreign keys',
      async () => {
        for (const fk of deferred.foreignKeys) {
          await query(`alter table ${fk.tbl} add constraint ${client.escapeIdentifier(fk.conname)} ${fk.def}`);
        }
        return deferred.foreignKeys.length;
      },
      (n) => `${n} foreign keys`,
    );
    await stage(
      'commit',
      async () => {
        for (const table of ['users', 'connection_requests', 'connections', 'notifications']) {
          await query(`select setval(pg_get_serial_sequence($1, 'id'), max(id)) from ${table} having count(*) > 0`, [
            table,
          ]);
        }
        for (const temp of ['tenants', 'bu', 'stubs', 'stub_range', 'cand', 'hubs', 'hubpick', 'hubrank']) {
          await query(`drop table ${temp}`);
        }
        for (const temp of ['req0', 'req', 'conn', 'ntf']) await query(`drop table ${temp}`);
        await query('commit');
      },
      () => 'sequences set, staging dropped',
    );

    await stage(
      'vacuum analyze',
      async () => {
        await query(`vacuum (analyze) ${[...TABLES, 'gateway_settings'].join(', ')}`);
      },
      () => `${TABLES.length + 1} tables`,
    );

    const problems = await stage(
      'verify',
      async () => {
        const checks: [string, string][] = [
          [
            'connection_edges rows = 2 × connections',
            `select ((select count(*) from connection_edges) <> 2 * (select count(*) from connections))::int as n`,
          ],
          [
            'connections without a matching accepted request',
            `select count(*) as n from connections c join connection_requests r on r.id = c.request_id
             where r.status <> 'accepted' or r.tenant <> c.tenant or r.responded_at <> c.created_at
               or least(r.sender_id, r.receiver_id) <> c.user_low_id
               or greatest(r.sender_id, r.receiver_id) <> c.user_high_id`,
          ],
          [
            'edges not matching their connection',
            `select count(*) as n from connection_edges e join connections c on c.id = e.connection_id
             where e.created_at <> c.created_at or e.tenant <> c.tenant
               or not ((e.user_id = c.user_low_id and e.other_user_id = c.user_high_id)
                    or (e.user_id = c.user_high_id and e.other_user_id = c.user_low_id))`,
          ],
          [
            'pending requests between connected users',
            `select count(*) as n from connection_requests r join connections c
               on c.user_low_id = least(r.sender_id, r.receiver_id) and c.user_high_id = greatest(r.sender_id, r.receiver_id)
             where r.status = 'pending'`,
          ],
          [
            'users whose notification_seq is not their notification count and last seq',
            `select count(*) as n from users u
             left join (select user_id, count(*) as c, max(seq) as m from notifications group by user_id) x
               on x.user_id = u.id
             where u.notification_seq <> coalesce(x.c, 0) or u.notification_seq <> coalesce(x.m, 0)`,
          ],
          [
            'notifications whose seq is not their rank by (created_at, id)',
            `select count(*) as n from (
               select seq, row_number() over (partition by user_id order by created_at, id) as rk from notifications
             ) x where seq <> rk`,
          ],
          [
            'timestamps outside the last year',
            `select (select count(*) from connection_requests
                     where created_at < $1::timestamptz - interval '366 days' or coalesce(responded_at, created_at) > $1
                        or responded_at < created_at)
                  + (select count(*) from notifications where created_at > $1 or read_at < created_at or read_at > $1)
                    as n`,
          ],
        ];
        const failed: string[] = [];
        for (const [label, text] of checks) {
          const n = await count(text, text.includes('$1') ? [now] : []);
          if (n) failed.push(`${label}: ${n}`);
        }
        return { failed, checks: checks.length };
      },
      (r) => (r.failed.length ? `FAILED ${r.failed.length} of ${r.checks} checks` : `${r.checks} checks passed`),
    );

    const summary = await collectSummary(query, options, plan, location, now);
    summary.timings = { ...timings, total: Math.round((performance.now() - started) / 10) / 100 };
    const dir = new URL('./results/', import.meta.url);
    await mkdir(dir, { recursive: true });
    const file = new URL(options.out, dir);
    await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
    printSummary(summary);
    process.stdout.write(`wrote ${file.pathname}\n`);
    if (problems.failed.length) {
      throw new Error(`dataset checks failed:\n  ${problems.failed.join('\n  ')}`);
    }
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

interface Summary {
  database: string;
  options: Options;
  generatedAt: string;
  rows: Record<string, number>;
  requestsByStatus: Record<string, number>;
  notificationsByType: Record<string, number>;
  tenants: {
    tenant: string;
    users: number;
    connections: number;
    degreeP50: number;
    degreeP90: number;
    degreeP99: number;
    degreeMax: number;
    usersWithoutConnections: number;
  }[];
  hubs: {
    id: number;
    tenant: string;
    clientUserId: string;
    displayName: string;
    connections: number;
    pendingReceived: number;
    notifications: number;
  }[];
  timings?: Record<string, number>;
}

async function collectSummary(
  query: (text: string, params?: unknown[]) => Promise<pg.QueryResult>,
  options: Options,
  plan: Plan,
  location: string,
  now: string,
): Promise<Summary> {
  const rows: Record<string, number> = {};
  for (const table of [...TABLES, 'gateway_settings']) {
    rows[table] = Number((await query(`select count(*) as n from ${table}`)).rows[0].n);
  }
  const grouped = async (text: string) =>
    Object.fromEntries((await query(text)).rows.map((r) => [r.k as string, Number(r.n)]));
  const tenants = (
    await query(
      `select u.tenant, count(*) as users, sum(coalesce(d.c, 0)) / 2 as connections,
         percentile_disc(0.5) within group (order by coalesce(d.c, 0)) as p50,
         percentile_disc(0.9) within group (order by coalesce(d.c, 0)) as p90,
         percentile_disc(0.99) within group (order by coalesce(d.c, 0)) as p99,
         max(coalesce(d.c, 0)) as max, count(*) filter (where d.c is null) as isolated
       from users u left join (select user_id, count(*) as c from connection_edges group by user_id) d
         on d.user_id = u.id
       where u.tenant like 'bench-%'
       group by u.tenant order by length(u.tenant), u.tenant`,
    )
  ).rows.map((r) => ({
    tenant: r.tenant as string,
    users: Number(r.users),
    connections: Number(r.connections),
    degreeP50: Number(r.p50),
    degreeP90: Number(r.p90),
    degreeP99: Number(r.p99),
    degreeMax: Number(r.max),
    usersWithoutConnections: Number(r.isolated),
  }));
  const hubs = (
    await query(
      `select u.id, u.tenant, u.client_user_id, u.display_name, u.notification_seq,
         (select count(*) from connection_edges e where e.user_id = u.id) as connections,
         (select count(*) from connection_requests r where r.receiver_id = u.id and r.status = 'pending') as pending
       from users u where u.tenant = 'bench-0' and u.client_user_id = any($1::text[]) order by u.id`,
      [plan.hubs.map((h) => `u${h.n}`)],
    )
  ).rows.map((r) => ({
    id: Number(r.id),
    tenant: r.tenant as string,
    clientUserId: r.client_user_id as string,
    displayName: r.display_name as string,
    connections: Number(r.connections),
    pendingReceived: Number(r.pending),
    notifications: Number(r.notification_seq),
  }));
  return {
    database: location,
    options,
    generatedAt: now,
    rows,
    requestsByStatus: await grouped(
      'select status as k, count(*) as n from connection_requests group by status order by status',
    ),
    notificationsByType: await grouped(
      'select type as k, count(*) as n from notifications group by type order by type',
    ),
    tenants,
    hubs,
  };
}

function printSummary(summary: Summary): void {
  const out: string[] = ['', 'rows:'];
  for (const [table, n] of Object.entries(summary.rows)) out.push(`  ${table.padEnd(22)} ${fmt(n).padStart(12)}`);
  out.push(
    `  requests by status: ${Object.entries(summary.requestsByStatus)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(', ')}`,
    `  notifications by type: ${Object.entries(summary.notificationsByType)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(', ')}`,
    'tenants (connections per user: p50 / p90 / p99 / max):',
  );
  for (const t of summary.tenants) {
    out.push(
      `  ${t.tenant.padEnd(10)} ${fmt(t.users).padStart(9)} users ${fmt(t.connections).padStart(11)} connections   ` +
        `${t.degreeP50} / ${t.degreeP90} / ${t.degreeP99} / ${fmt(t.degreeMax)}   ${fmt(t.usersWithoutConnections)} without`,
    );
  }
  out.push('hubs:');
  for (const h of summary.hubs) {
    out.push(
      `  ${h.clientUserId.padEnd(4)} id ${String(h.id).padEnd(8)} ${h.tenant}  ${fmt(h.connections)} connections, ` +
        `${fmt(h.pendingReceived)} pending received, ${fmt(h.notifications)} notifications (${h.displayName})`,
    );
  }
  if (!summary.hubs.length) out.push('  (none: too few users or edges)');
  out.push(`total ${summary.timings?.total ?? 0}s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `${error instanceof UsageError ? error.message : error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
}
