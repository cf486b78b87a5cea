/**
 * One load run, in a process of its own so that load generation does not share an event loop
 * with the server under test. Reads its plan as JSON from argv[2], prints the result as JSON.
 */
import autocannon from 'autocannon';

export interface LoadPlan {
  baseUrl: string;
  kind: 'rest' | 'graphql';
  /** REST path after /v1/connections/{user}/, e.g. `active?per_page=20`. */
  restPath?: string;
  /** GraphQL query taking `$userId` (and nothing else required). */
  query?: string;
  variables?: Record<string, unknown>;
  users: string[];
  token: string;
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

const instance = autocannon(
  {
    url: plan.baseUrl,
    connections: plan.connections,
    duration: plan.durationSeconds,
    ...(plan.rate ? { overallRate: plan.rate } : {}),
    requests: [
      {
        setupRequest: (request: autocannon.Request) => {
          const user = plan.users[next++ % plan.users.length] as string;
          const headers = { authorization: `Bearer ${plan.token}`, 'content-type': 'application/json' };
          if (plan.kind === 'rest') {
            return {
              ...request,
              method: 'GET' as const,
              path: `/v1/connections/${encodeURIComponent(user)}/${plan.restPath}`,
              headers,
            };
          }
          return {
            ...request,
            method: 'POST' as const,
            path: '/graphql',
            headers,
            body: JSON.stringify({ query: plan.query, variables: { ...plan.variables, userId: user } }),
          };
        },
      },
    ],
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
