/**
 * Counts the SQL statements the gateway executes for one read operation, at two page sizes:
 * with DataLoader batching the count does not depend on how many rows a page holds.
 */
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';

export interface StatementCount {
  operation: string;
  small: number;
  large: number;
}

export async function countStatements(options: {
  databaseUrl: string;
  jwtSecret: string;
  token: string;
  /** A user whose lists hold at least `large` rows. */
  user: string;
  small: number;
  large: number;
  graphqlQuery: string;
}): Promise<StatementCount[]> {
  let statements: string[] | null = null;
  const app = await buildApp({
    config: loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: options.jwtSecret,
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_MAX: '2',
      PORT: '0',
      HOST: '127.0.0.1',
    }),
    logger: createLogger('warn'),
    onQuery: (sql) => statements?.push(sql),
  });
  const base = await app.start();
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const count = async (request: () => Promise<Response>) => {
    statements = [];
    const response = await request();
    if (!response.ok) throw new Error(`statement count: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    const counted = statements.length;
    statements = null;
    return counted;
  };
  try {
    const operations: [string, (perPage: number) => Promise<Response>][] = [
      [
        'GraphQL activeConnections',
        (perPage) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: options.graphqlQuery, variables: { userId: options.user, perPage } }),
          }),
      ],
      ...['active', 'active?sort=favorites&page=2', 'active?favorite=false', 'sent', 'received'].map(
        (list) =>
          [
            `REST /${list}`,
            (perPage: number) =>
              fetch(
                `${base}/v1/connections/${encodeURIComponent(options.user)}/${list}${list.includes('?') ? '&' : '?'}per_page=${perPage}`,
                {
                  headers,
                },
              ),
          ] as [string, (perPage: number) => Promise<Response>],
      ),
    ];
    const counts: StatementCount[] = [];
    for (const [operation, request] of operations) {
      counts.push({
        operation,
        small: await count(() => request(options.small)),
        large: await count(() => request(options.large)),
      });
    }
    return counts;
  } finally {
    await app.stop();
  }
}
