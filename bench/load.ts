/**
 * One load run, in a process of its own so that load generation does not share an event loop
 * with the server under test. Reads its plan as JSON from argv[2], prints the result as JSON.
 */
import autocannon from 'autocannon';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';

export interface LoadPlan {
  baseUrl: string;
  /**
   * `rest`, `graphql`: one request per user in turn. `write-cycle`: each connection repeats
   * send → accept → list (for the new connection's id) → remove between random pairs of its own
   * share of `users`, so that connections never collide with each other.
   */
  kind: 'rest' | 'graphql' | 'write-cycle';
  /** REST path after /v1/connections/{user}/, e.g. `active?per_page=20`. */
  restPath?: string;
  /** GraphQL query taking `$userId` (and nothing else required). */
  query?: string;
  variables?: Record<string, unknown>;
  users: string[];
  token: string;
  /**
   * `write-cycle` only: each request carries its path user's own token (a player acting as
   * itself, as game clients do, drawing on its own and its tenant's rate budgets) instead of
   * `token`. `users[i]` is of tenant `tenants[i % tenants.length]`; the connections' shares then
   * stay within one tenant, so `connections` must be a multiple of the tenants.
   */
  asUsers?: { jwtSecret: string; tenants: string[] };
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; omitted: as fast as possible. */
  rate?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number };
  requests: number;
  errors: number;
  non2xx: number;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
let next = 0;

/** Each user's own token, signed before the load starts (`asUsers`). */
const userTokens = new Map<string, string>();
if (plan.asUsers) {
  const { jwtSecret, tenants } = plan.asUsers;
  if (plan.connections % tenants.length !== 0) throw new Error('connections must be a multiple of the tenants');
  const key = secretKey(jwtSecret);
  for (const [i, user] of plan.users.entries()) {
    const tenant = tenants[i % tenants.length] as string;
    userTokens.set(user, await signToken(key, { sub: user, tenant, role: 'user', expiresIn: '2h' }));
  }
}

// A fresh object per request: autocannon writes the request's content-length into it.
const headers = (asUser?: string) => ({
  authorization: `Bearer ${(asUser && userTokens.get(asUser)) ?? plan.token}`,
  'content-type': 'application/json',
});

function readRequests(): autocannon.Request[] {
  return [
    {
      setupRequest: (request: autocannon.Request) => {
        const user = plan.users[next++ % plan.users.length] as string;
        if (plan.kind === 'rest') {
          return {
            ...request,
            method: 'GET' as const,
            path: `/v1/connections/${encodeURIComponent(user)}/${plan.restPath}`,
            headers: headers(),
          };
        }
        return {
          ...request,
          method: 'POST' as const,
          path: '/graphql',
          headers: headers(),
          body: JSON.stringify({ query: plan.query, variables: { ...plan.variables, userId: user } }),
        };
      },
    },
  ];
}

interface CycleContext {
  share?: string[];
  sender?: string;
  receiver?: string;
  requestId?: string;
  connectionId?: string;
}

let shares = 0;
const path = (...parts: string[]) => `/v1/connections/${parts.map(encodeURIComponent).join('/')}`;

function writeCycleRequests(): autocannon.Request[] {
  return [
    {
      method: 'POST',
      setupRequest: (request: autocannon.Request, context: CycleContext) => {
        if (!context.share) {
          const share = shares++;
          context.share = plan.users.filter((_, i) => i % plan.connections === share % plan.connections);
        }
        const pick = () => context.share?.[Math.floor(Math.random() * context.share.length)] as string;
        context.sender = pick();
        do context.receiver = pick();
        while (context.receiver === context.sender);
        return {
          ...request,
          path: path(context.sender, 'request'),
          headers: headers(context.sender),
          body: JSON.stringify({ receiver_id: context.receiver }),
        };
      },
      onResponse: (_status: number, body: string, context: CycleContext) => {
        context.requestId = String(JSON.parse(body).id);
      },
    },
    {
      method: 'POST',
      setupRequest: (request: autocannon.Request, context: CycleContext) => ({
        ...request,
        path: path(context.receiver as string, 'accept', context.requestId as string),
        headers: headers(context.receiver),
      }),
    },
    {
      method: 'GET',
      setupRequest: (request: autocannon.Request, context: CycleContext) => ({
        ...request,
        path: `${path(context.sender as string, 'active')}?per_page=1`,
        headers: headers(context.sender),
      }),
      onResponse: (_status: number, body: string, context: CycleContext) => {
        context.connectionId = String(JSON.parse(body).connections?.[0]?.id);
      },
    },
    {
      method: 'DELETE',
      setupRequest: (request: autocannon.Request, context: CycleContext) => ({
        ...request,
        path: path(context.sender as string, context.connectionId as string),
        headers: headers(context.sender),
      }),
    },
  ];
}

const instance = autocannon(
  {
    url: plan.baseUrl,
    connections: plan.connections,
    duration: plan.durationSeconds,
    ...(plan.rate ? { overallRate: plan.rate } : {}),
    requests: plan.kind === 'write-cycle' ? writeCycleRequests() : readRequests(),
  },
  (error, result) => {
    if (error) {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    }
    const output: LoadResult = {
      requestsPerSecond: result.requests.average,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        mean: result.latency.average,
      },
      requests: result.requests.total,
      errors: result.errors,
      non2xx: result.non2xx,
    };
    process.stdout.write(`${JSON.stringify(output)}\n`);
  },
);
process.on('SIGINT', () => instance.stop());
