import { execute, type GraphQLSchema, getOperationAST, parse, specifiedRules, subscribe, validate } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { secretKey, TokenVerifier } from '../../../src/platform/auth/jwt.js';
import { TEST_JWT_SECRET, type TestServer } from '../../helpers/app.js';
import { sseSubscribe } from '../../helpers/sse.js';
import type { GraphQLRequest } from './rewrites.js';

/** What a client receives for one request: each result ({data, errors}) in order. */
export type Outcome = unknown[];

/**
 * How long the reference's stream must stay quiet before its results so far are taken as all
 * it sends (it runs in this process, with nothing in between).
 */
const QUIET_MS = 400;
/** Most results taken from one stream. */
const MAX_RESULTS = 30;

export type Transport = 'POST' | 'GET' | 'WebSocket' | 'SSE';

const tokens = new TokenVerifier(secretKey(TEST_JWT_SECRET));

/**
 * Runs `request` as plain graphql-js would, on the gateway's own schema and with the context
 * the gateway builds for the token's viewer: `validate` with the specified rules, then
 * `execute` or `subscribe`. The reference the gateway is compared with.
 */
export async function runReference(
  server: TestServer,
  schema: GraphQLSchema,
  request: GraphQLRequest,
  token: string,
): Promise<Outcome> {
  const document = parse(request.query);
  const errors = validate(schema, document, specifiedRules);
  if (errors.length > 0) return [{ errors: errors.map((e) => e.toJSON()) }];
  const viewer = await tokens.verify(token);
  const contextValue = await server.app.gateway
    .getEnveloped({ verifiedViewer: viewer, params: request } as never)
    .contextFactory();
  const args = {
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName ?? null,
    contextValue,
  };
  if (getOperationAST(document, request.operationName)?.operation !== 'subscription') {
    return [await execute(args)];
  }
  const result = await subscribe(args);
  if (!(Symbol.asyncIterator in result)) return [result];
  const results: unknown[] = [];
  const iterator = result[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<'quiet'>((resolve) => {
      timer = setTimeout(resolve, QUIET_MS, 'quiet');
    });
    const next = await Promise.race([iterator.next(), quiet]);
    clearTimeout(timer);
    if (next === 'quiet' || next.done) break;
    results.push(JSON.parse(JSON.stringify(next.value)));
    if (results.length >= MAX_RESULTS) break;
  }
  await iterator.return?.();
  return results;
}

async function overHttp(server: TestServer, method: 'GET' | 'POST', request: GraphQLRequest, token: string) {
  const headers = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (method === 'POST') {
    const response = await fetch(`${server.url}/graphql`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return [await response.json()];
  }
  const search = new URLSearchParams({ query: request.query, variables: JSON.stringify(request.variables) });
  if (request.operationName) search.set('operationName', request.operationName);
  const response = await fetch(`${server.url}/graphql?${search}`, { headers });
  return [await response.json()];
}

/**
 * How a stream is read: to its end (`complete`), or, for a subscription that stays open, until
 * `count` results arrived and then `SURPLUS_MS` longer, to see any result too many.
 */
export interface Expectation {
  count?: number;
}

/** How long a stream that delivered what was expected is watched for more. */
const SURPLUS_MS = 150;
/** How long a stream may take to deliver what is expected, or to end. */
const DEADLINE_MS = 10_000;

/**
 * Collects results pushed by `start` (which returns a function that stops it) until the
 * stream ends or, with `expected.count`, until that many arrived and a short while after.
 */
function collect(
  expected: Expectation,
  start: (push: (result: unknown) => void, end: () => void) => () => void,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const results: unknown[] = [];
    let surplus: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(surplus);
      stop();
      resolve(results);
    };
    const deadline = setTimeout(finish, DEADLINE_MS);
    const push = (result: unknown) => {
      results.push(result);
      if (expected.count !== undefined && results.length >= expected.count && !surplus) {
        surplus = setTimeout(finish, SURPLUS_MS);
      }
      if (results.length >= MAX_RESULTS) finish();
    };
    const stop = start(push, finish);
    if (expected.count === 0) surplus = setTimeout(finish, SURPLUS_MS);
  });
}

async function overSse(server: TestServer, request: GraphQLRequest, token: string, expected: Expectation) {
  const stream = await sseSubscribe(server.url, token, request);
  if (stream.status !== 200) throw new Error(`SSE answered ${stream.status}`);
  return collect(expected, (push, end) => {
    let taken = 0;
    const take = () => {
      while (taken < stream.results.length) push(stream.results[taken++]);
    };
    const poll = setInterval(take, 10);
    void stream.ended.then(() => {
      take();
      end();
    });
    return () => {
      clearInterval(poll);
      stream.close();
    };
  });
}

/** graphql-ws clients, one socket per token, shared by every request made with that token. */
export class Sockets {
  readonly #clients = new Map<string, Client>();
  /** Sockets that closed on their own, by close code: a failing operation must never close one. */
  readonly closes: number[] = [];

  constructor(private readonly server: TestServer) {}

  #client(token: string): Client {
    let client = this.#clients.get(token);
    if (!client) {
      client = createClient({
        url: `${this.server.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        on: { closed: (event) => this.closes.push((event as { code: number }).code) },
      });
      this.#clients.set(token, client);
    }
    return client;
  }

  run(request: GraphQLRequest, token: string, expected: Expectation): Promise<Outcome> {
    return collect(expected, (push, end) =>
      this.#client(token).subscribe(
        { query: request.query, variables: request.variables, operationName: request.operationName ?? null },
        {
          next: push,
          error: (error) => {
            push(Array.isArray(error) ? { errors: error } : { socketError: String((error as Error).message ?? error) });
            end();
          },
          complete: end,
        },
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.#clients.values()].map((client) => client.dispose()));
    this.#clients.clear();
  }
}

/** Runs `request` through the gateway over `transport`, as a client of that transport would. */
export function runGateway(
  server: TestServer,
  sockets: Sockets,
  transport: Transport,
  request: GraphQLRequest,
  token: string,
  expected: Expectation = {},
): Promise<Outcome> {
  switch (transport) {
    case 'POST':
    case 'GET':
      return overHttp(server, transport, request, token);
    case 'WebSocket':
      return sockets.run(request, token, expected);
    case 'SSE':
      return overSse(server, request, token, expected);
  }
}
