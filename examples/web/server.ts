/**
 * The reference web client's server: ONE process, ONE port, ONE origin. It starts the gateway
 * in-process (`buildApp`, embedded PGlite in memory unless DATABASE_URL is set), seeds a few demo
 * players through the gateway's own GraphQL API, and answers five extra paths in front of the
 * gateway's request handler on the same HTTP server:
 *
 *   GET  /            the page (index.html)
 *   GET  /app.js      the client bundle (esbuild, built at start)
 *   GET  /demo/users  the demo players, for the sign-in dropdown
 *   GET  /demo/token  ?user=<id>: a short-lived user token for a demo player
 *   POST /demo/match  {"players": [ids], "context"?}: records that demo players played together,
 *                     as a game's backend does after a match (`recordRecentPlayers`, service token)
 *
 * Everything else (/graphql over HTTP, SSE and WebSocket, /v1, /healthz) is the gateway itself, so
 * the page talks to it same-origin: no CORS. /demo/token and /demo/match are DEVELOPMENT-ONLY
 * stand-ins for a game's login and its game server: they do it for anyone, they live in this
 * example only (never in the gateway), and the server refuses to start with NODE_ENV=production.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpClient, type HttpClient } from '../../packages/client/src/http.js';
import {
  AcceptRequest,
  Profile,
  RecordRecentPlayers,
  SendRequest,
  UpsertUser,
} from '../../packages/client/src/operations.js';
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

/** The largest body /demo/match reads: a roster of demo players is a few hundred bytes. */
const MAX_DEMO_BODY_BYTES = 4096;

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
  // Tokens the gateway accepts: with its JWT_AUDIENCE and JWT_ISSUER when it has them.
  const { audience, issuer } = config.tokens;
  // The example's stand-in for the game's backend: it seeds, and records the demo matches (for as
  // long as the example runs: a token of its own for each call, none to expire meanwhile).
  const backend = gatewayClient(app, () => signToken(key, { sub: 'web-example', role: 'service', audience, issuer }));
  try {
    await seed(backend);
  } catch (error) {
    await app.stop();
    throw error;
  }

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://example.invalid');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method === 'POST' && url.pathname === '/demo/match') {
      const { status, body } = await recordDemoMatch(backend, request);
      send(status, 'application/json', JSON.stringify(body));
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
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
        const token = await signToken(key, { sub: user.id, expiresIn: DEMO_TOKEN_TTL, audience, issuer });
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

/** The gateway's GraphQL API in-process (no socket), with the example's service token. */
function gatewayClient(app: App, serviceToken: () => Promise<string>): HttpClient {
  return createHttpClient({
    url: 'http://web-example.invalid/graphql',
    token: serviceToken,
    fetch: ((input: string, init?: RequestInit) => app.fetch(new Request(input, init))) as typeof fetch,
  });
}

/**
 * POST /demo/match: what a game server does when a match ends, for demo players only. Answers 201
 * with the gateway's payload; 415 unless the body is declared JSON (a cross-site form cannot send
 * that without a preflight); 413 past MAX_DEMO_BODY_BYTES; 400 for a body that is no roster of demo
 * players; and the gateway's typed error (`... on Error`: fewer than two players, one listed
 * twice) with the status its REST face would give it.
 */
async function recordDemoMatch(
  backend: HttpClient,
  request: IncomingMessage,
): Promise<{ status: number; body: { [key: string]: unknown } }> {
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return { status: 415, body: { error: 'send application/json' } };
  }
  const text = await readBody(request, MAX_DEMO_BODY_BYTES);
  if (text === null) return { status: 413, body: { error: `body over ${MAX_DEMO_BODY_BYTES} bytes` } };
  let input: { players?: unknown; context?: unknown } | null;
  try {
    input = JSON.parse(text) as typeof input;
  } catch {
    return { status: 400, body: { error: 'body is not JSON' } };
  }
  const { players, context } = input ?? {};
  const isDemoPlayer = (id: unknown) => DEMO_PLAYERS.some((player) => player.id === id);
  if (!Array.isArray(players) || !players.every(isDemoPlayer) || (context != null && typeof context !== 'string')) {
    return { status: 400, body: { error: 'players must be demo player ids; context, if given, a string' } };
  }
  const { recordRecentPlayers: result } = await backend.request(RecordRecentPlayers, {
    players: players as string[],
    context: (context as string | undefined) ?? null,
  });
  if (result.__typename !== 'RecordRecentPlayersPayload') {
    return { status: ERROR_STATUS[result.__typename], body: { error: result.message, code: result.code } };
  }
  return { status: 201, body: { message: result.message, players: result.players } };
}

/** The HTTP status of each of the gateway's error types (as its REST face answers them). */
const ERROR_STATUS = {
  ValidationError: 400,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  RateLimitedError: 429,
} as const;

/** A request's body as text; null past `limit` bytes (the rest is read and dropped). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks).toString('utf8');
}

/**
 * The demo players, with a connection, a pending request and a match three of them played;
 * skipped when they exist already.
 */
async function seed(graphql: HttpClient): Promise<void> {
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
  const match = await graphql.request(RecordRecentPlayers, {
    players: ['user456', 'user101', 'user202'],
    context: 'demo-match-1',
  });
  expect('record a match', match.recordRecentPlayers);
}
