import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp } from '../../src/app/build-app.js';
import { secretKey, signToken } from '../../src/platform/auth/jwt.js';
import type { Role } from '../../src/platform/auth/viewer.js';
import { loadConfig } from '../../src/platform/config.js';
import type { DatabaseHandle } from '../../src/platform/db/connect.js';
import { createLogger, type Logger } from '../../src/platform/logger.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { sharedTestDatabase } from './database.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestServer {
  url: string;
  app: App;
  database: DatabaseHandle;
  token(sub: string, options?: { tenant?: string; role?: Role; expiresIn?: string }): Promise<string>;
  /** Calls a REST path; `body` is sent as JSON unless it is already a string. */
  rest<T = any>(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpResult<T>>;
  /** Runs a GraphQL operation over HTTP and returns the parsed response. */
  graphql<R, V>(
    document: TypedDocumentString<R, V>,
    variables: V,
    token: string | null,
  ): Promise<HttpResult<{ data?: R; errors?: { message: string; extensions?: Record<string, any> }[] }>>;
}

/**
 * Starts the real app on a free port for the tests of one file, on the worker's shared test
 * database unless `database` opens another, and stops it after them. Call at the top level of
 * a test file.
 */
export function useTestServer(
  options: {
    database?: () => Promise<DatabaseHandle>;
    /** Environment variables on top of the test defaults (which switch rate limits off). */
    env?: Record<string, string>;
    /** Where the app logs; nothing by default (see test/observability for capturing lines). */
    logger?: Logger;
  } = {},
): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    const database = await (options.database ?? sharedTestDatabase)();
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      SHUTDOWN_GRACE_MS: '500',
      // Tests of other behaviour write and read faster than a player would; the limits have
      // their own tests.
      RATE_LIMIT_USER_WRITES: '0',
      RATE_LIMIT_USER_SENDS: '0',
      RATE_LIMIT_TENANT_WRITES: '0',
      RATE_LIMIT_SERVICE_WRITES: '0',
      RATE_LIMIT_USER_SUBSCRIBES: '0',
      RATE_LIMIT_USER_READ_COST: '0',
      // Production compiles a query or mutation at its second use (graphql-jit); here every one
      // runs compiled from its first, so the whole suite holds the compiled path to what
      // graphql-js answers (the differential test compares the two directly).
      GRAPHQL_COMPILE_AFTER: '1',
      ...options.env,
    });
    const app = await buildApp({ config, logger: options.logger ?? createLogger('silent'), database });
    const url = await app.start();
    const key = secretKey(TEST_JWT_SECRET);
    Object.assign(server, {
      url,
      app,
      database,
      // Tokens the server accepts: with its JWT_AUDIENCE and JWT_ISSUER when it has them, and
      // by default valid as long as its JWT_*MAX_LIFETIME_SECONDS allow.
      token: (sub, options = {}) =>
        signToken(key, {
          sub,
          tenant: options.tenant,
          role: options.role,
          expiresIn:
            options.expiresIn ??
            `${options.role === 'service' ? config.tokens.serviceMaxLifetimeSeconds : config.tokens.maxLifetimeSeconds}s`,
          audience: config.tokens.audience,
          issuer: config.tokens.issuer,
        }),
      async rest(method, path, options = {}) {
        const headers: Record<string, string> = { ...options.headers };
        if (options.token) headers.authorization = `Bearer ${options.token}`;
        let body: string | undefined;
        if (options.body !== undefined) {
          body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
          headers['content-type'] ??= 'application/json';
        }
        const response = await fetchOverKeepAlive(`${url}${path}`, {
          method,
          headers,
          ...(body !== undefined && { body }),
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
      },
      async graphql(document, variables, token) {
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await fetchOverKeepAlive(`${url}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: document.toString(), variables }),
        });
        return { status: response.status, headers: response.headers, body: await response.json() };
      },
    } satisfies TestServer);
  });
  afterAll(async () => {
    await server.app?.stop();
  });
  return server;
}

/**
 * `fetch`, sent again once when a kept-alive socket turned out to be closed. Node's server closes
 * a socket idle past its keep-alive timeout; under load the client may pick that socket just as
 * it closes, and the request fails with ECONNRESET before the server read any of it (the server
 * closes only idle sockets), so sending it again cannot apply it twice.
 */
async function fetchOverKeepAlive(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw error;
    return fetch(input, init);
  }
}

export interface SeededUser {
  id: string;
  displayName: string;
  token: string;
}

export interface Tenant {
  name: string;
  /** A service token of the tenant (a game's backend). */
  serviceToken: string;
  /** Creates a user through `PUT /v1/users/{id}` and returns it with a user token of its own. */
  user(name?: string): Promise<SeededUser>;
  /** Creates a user that has sent `to` a pending request; returns the request id. */
  request(from: SeededUser, to: SeededUser, message?: string): Promise<number>;
  /** Connects two users through request and accept; returns the connection id. */
  connect(a: SeededUser, b: SeededUser): Promise<number>;
}

/**
 * A tenant of its own for one test, so that no test sees another's data, with factories for
 * the users and relations the test needs. Everything is created through the public REST API.
 */
export async function createTenant(server: TestServer): Promise<Tenant> {
  const name = `t-${randomUUID()}`;
  const serviceToken = await server.token('backend', { tenant: name, role: 'service' });
  let counter = 0;
  const expectOk = <T>(result: HttpResult<T>, what: string): T => {
    if (result.status >= 300) throw new Error(`${what} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const tenant: Tenant = {
    name,
    serviceToken,
    async user(base = 'user') {
      counter += 1;
      const id = `${base}${counter}`;
      const displayName = `${base[0]!.toUpperCase()}${base.slice(1)} ${counter}`;
      expectOk(
        await server.rest('PUT', `/v1/users/${id}`, { token: serviceToken, body: { display_name: displayName } }),
        `create user ${id}`,
      );
      return { id, displayName, token: await server.token(id, { tenant: name }) };
    },
    async request(from, to, message) {
      const body = expectOk(
        await server.rest('POST', `/v1/connections/${from.id}/request`, {
          token: from.token,
          body: { receiver_id: to.id, ...(message !== undefined && { message }) },
        }),
        'send request',
      ) as { id: number };
      return body.id;
    },
    async connect(a, b) {
      const requestId = await tenant.request(a, b);
      expectOk(await server.rest('POST', `/v1/connections/${b.id}/accept/${requestId}`, { token: b.token }), 'accept');
      const active = expectOk(
        await server.rest('GET', `/v1/connections/${a.id}/active?per_page=50`, { token: a.token }),
        'list',
      ) as {
        connections: { id: number; connected_user: { client_user_id: string } }[];
      };
      const connection = active.connections.find((c) => c.connected_user.client_user_id === b.id);
      if (!connection) throw new Error('connection not listed after accept');
      return connection.id;
    },
  };
  return tenant;
}
