/**
 * The reference web client's server: ONE process, ONE port, ONE origin. It starts the gateway
 * in-process (`buildApp`, embedded PGlite in memory unless DATABASE_URL is set), seeds a few demo
 * players through the gateway's own GraphQL API, and answers four extra paths in front of the
 * gateway's request handler on the same HTTP server:
 *
 *   GET /            the page (index.html)
 *   GET /app.js      the client bundle (esbuild, built at start)
 *   GET /demo/users  the demo players, for the sign-in dropdown
 *   GET /demo/token  ?user=<id>: a short-lived user token for a demo player
 *
 * Everything else (/graphql over HTTP, SSE and WebSocket, /v1, /healthz) is the gateway itself, so
 * the page talks to it same-origin: no CORS. /demo/token is a DEVELOPMENT-ONLY stand-in for a
 * game's login: it hands anyone a token for the demo players, it lives in this example only (never
 * in the gateway), and the server refuses to start with NODE_ENV=production.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpClient } from '../../packages/client/src/http.js';
import { AcceptRequest, Profile, SendRequest, UpsertUser } from '../../packages/client/src/operations.js';
import { type App, buildApp } from '../../src/app/build-app.js';
import { secretKey, signToken } from '../../src/platform/auth/jwt.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { buildBundle } from './build.js';

export const DEMO_PLAYERS = [
  { id: 'user123', displayName: 'PlayerOne' },
  { id: 'user456', displayName: 'PlayerTwo' },
  { id: 'user789', displayName: 'PlayerThree' },
  { id: 'user101', displayName: 'PlayerFour' },
  { id: 'user202', displayName: 'PlayerFive' },
] as const;

/** How long a demo token lasts; the page fetches a fresh one on every (re)connect. */
const DEMO_TOKEN_TTL = '1h';

export interface WebExample {
  /** The page's URL (also the gateway's base URL). */
  url: string;
  app: App;
  stop(): Promise<void>;
}

export interface WebExampleOptions {
  /** Environment to read the gateway's configuration from (process.env by default). */
  env?: NodeJS.ProcessEnv;
  /** Log level of the gateway ('silent' in tests). */
  logLevel?: Config['logLevel'];
}

/** Embedded PGlite in memory unless DATABASE_URL (or PGLITE_DIR) says otherwise; port 4100 by default. */
export function exampleConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig({
    ...env,
    PORT: env.PORT ?? '4100',
    ...(!env.DATABASE_URL && { PGLITE_DIR: env.PGLITE_DIR ?? 'memory://' }),
  });
  if (config.env === 'production') {
    throw new Error('examples/web mints tokens for anyone (/demo/token): it refuses to run with NODE_ENV=production');
  }
  return config;
}

export async function startWebExample(options: WebExampleOptions = {}): Promise<WebExample> {
  const config = exampleConfig(options.env);
  const logger = createLogger(options.logLevel ?? config.logLevel);
  const [html, bundle] = await Promise.all([readFile(new URL('./index.html', import.meta.url), 'utf8'), buildBundle()]);
  const app = await buildApp({ config, logger });
  const key = secretKey(config.jwtSecret);
  try {
    await seed(app, await signToken(key, { sub: 'web-example', role: 'service' }));
  } catch (error) {
    await app.stop();
    throw error;
  }

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://example.invalid');
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    switch (url.pathname) {
      case '/':
      case '/index.html':
        send(200, 'text/html; charset=utf-8', html);
        return true;
      case '/app.js':
        send(200, 'text/javascript; charset=utf-8', bundle);
        return true;
      case '/demo/users':
        send(200, 'application/json', JSON.stringify({ users: DEMO_PLAYERS }));
        return true;
      case '/demo/token': {
        const user = DEMO_PLAYERS.find((player) => player.id === url.searchParams.get('user'));
        if (!user) {
          send(404, 'application/json', JSON.stringify({ error: 'not a demo player' }));
          return true;
        }
        const token = await signToken(key, { sub: user.id, expiresIn: DEMO_TOKEN_TTL });
        send(200, 'application/json', JSON.stringify({ token, user }));
        return true;
      }
      default:
        return false;
    }
  };

  // Our paths first, then the gateway's own handler, on the gateway's server (its WebSocket
  // upgrade handler stays as it is).
  const gateway = app.server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  app.server.removeAllListeners('request');
  app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    serve(request, response).then(
      (served) => {
        if (!served) for (const listener of gateway) listener.call(app.server, request, response);
      },
      (error: unknown) => {
        logger.error('web example request failed', { error: String(error) });
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    );
  });

  const url = await app.start();
  return { url, app, stop: () => app.stop() };
}

/** The demo players, with a connection and a pending request; skipped when they exist already. */
async function seed(app: App, serviceToken: string): Promise<void> {
  const graphql = createHttpClient({
    url: 'http://web-example.invalid/graphql',
    token: serviceToken,
    fetch: ((input: string, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch,
  });
  const existing = await graphql.request(Profile, { userId: DEMO_PLAYERS[0].id });
  if (existing.user.__typename === 'User') return;
  const expect = <T extends { __typename: string }>(what: string, result: T): T => {
    if (result.__typename.endsWith('Error')) throw new Error(`seeding: ${what} failed: ${JSON.stringify(result)}`);
    return result;
  };
  for (const player of DEMO_PLAYERS) {
    const { upsertUser } = await graphql.request(UpsertUser, { userId: player.id, displayName: player.displayName });
    expect(`create ${player.id}`, upsertUser);
  }
  const sent = await graphql.request(SendRequest, {
    userId: 'user123',
    receiverId: 'user456',
    message: 'GG! Team up again?',
  });
  const request = expect('send', sent.sendConnectionRequest);
  if (request.__typename !== 'SendConnectionRequestPayload') throw new Error('unreachable');
  expect(
    'accept',
    (await graphql.request(AcceptRequest, { userId: 'user456', requestId: request.request.id }))
      .acceptConnectionRequest,
  );
  const pending = await graphql.request(SendRequest, {
    userId: 'user101',
    receiverId: 'user123',
    message: "Hi! I'd like to connect with you.",
  });
  expect('send', pending.sendConnectionRequest);
}
