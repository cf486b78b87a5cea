import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Gateway } from '../graphql/yoga.js';
import { bearerTokenOf, MISSING_TOKEN_MESSAGE, viewerFromAuthorization } from '../platform/auth/authenticate.js';
import type { TokenVerifier } from '../platform/auth/jwt.js';
import type { Viewer } from '../platform/auth/viewer.js';
import { deliversDirectly, type Sink } from '../platform/direct-delivery.js';
import { errorResponse } from '../platform/http/errors.js';
import { keepSocketsAlive } from './heartbeat.js';
import { closeUninitialised } from './init-deadline.js';
import type { UpgradeRefusal, WebSocketPolicy } from './policy.js';

type VerifyCallback = (result: boolean, code?: number, message?: string, headers?: Record<string, string>) => void;

/** Refuses an upgrade with the documented `{error, message, code}` body instead of ws's HTML. */
async function refuseUpgrade(done: VerifyCallback, refusal: UpgradeRefusal): Promise<void> {
  const response = errorResponse(refusal.code, refusal.message);
  // ws writes these as given: the key must match its own 'Content-Type' to replace it.
  done(false, response.status, await response.text(), { 'Content-Type': 'application/json', ...refusal.headers });
}

/**
 * The token a client sends in `connection_init`: `authorization`, in any letter case, as HTTP
 * header names are (client docs mostly show `Authorization`). Several spellings at once prove
 * no one, as several Authorization headers do not: their values are joined into one that is no
 * bearer token.
 */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const values = Object.entries(params ?? {})
    .filter(([key]) => key.toLowerCase() === 'authorization')
    .map(([, value]) => (typeof value === 'string' ? value : ''));
  return values.length === 0 ? null : values.join(', ');
}

/** The first answer of the policies that give one. */
function firstOf<T>(policies: readonly WebSocketPolicy[], ask: (policy: WebSocketPolicy) => T | undefined) {
  for (const policy of policies) {
    const answer = ask(policy);
    if (answer !== undefined) return answer;
  }
  return undefined;
}

interface RootValue {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
  /** The socket and the operation's id, for the results a subscription writes out itself. */
  socket: WebSocket;
  id: string;
}

/**
 * Unsent bytes of a socket above which a result written out waits for its write: the stream
 * waits with it, and drops a client that reads nothing for its stall time (streams.ts), as it
 * did when graphql-ws waited for every write.
 */
const BACKLOG_BYTES = 64 * 1024;

/**
 * The last result written out and its payload as JSON: a change reaching fifty watchers here is
 * one result (subscription-events.ts shares it) written fifty times in a row, hence serialised
 * once. Results are never modified once made. As graphql-ws writes them: errors, if any, last.
 */
let lastResult: ExecutionResult | undefined;
let lastPayload = '';
function payloadOf(result: ExecutionResult): string {
  if (result !== lastResult) {
    const { errors, ...rest } = result;
    lastPayload = JSON.stringify(errors ? { ...rest, errors } : result);
    lastResult = result;
  }
  return lastPayload;
}

/**
 * A subscription's results written to its socket as they come, each a `next` message of
 * graphql-transport-ws, instead of through graphql-ws's loop per subscription (a promise per
 * layer and per result, a serialisation per socket, a promise and a write callback per
 * message): bench/CHANGES.md. graphql-ws still runs the protocol: the subscription's start,
 * its errors, its end and `complete` either way.
 */
function socketSink(socket: WebSocket, id: string): Sink<ExecutionResult> {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (result) => {
    if (socket.readyState !== WebSocket.OPEN) return undefined;
    const message = `${prefix}${payloadOf(result)}}`;
    if (socket.bufferedAmount < BACKLOG_BYTES) {
      socket.send(message);
      return undefined;
    }
    return new Promise<void>((taken) => socket.send(message, () => taken()));
  };
}

export interface WebSocketOptions {
  /** Interval of pings; a socket that does not answer one before the next is dropped. */
  keepAliveMs: number;
  /** How long a socket may take to send `connection_init`; it is closed with 4408 after (init-deadline.ts). */
  connectionInitTimeoutMs: number;
  /** Who may open a socket, how many, for how long, how fast: called in this order (policy.ts). */
  policies: readonly WebSocketPolicy[];
}

/**
 * GraphQL over WebSocket (`graphql-transport-ws`) on the HTTP server's `/graphql`, through the
 * gateway's own envelop pipeline (context, validation, masking) like any HTTP query. The client
 * authenticates in `connection_init` with `{ authorization: 'Bearer <JWT>' }`; without a valid
 * token the socket is closed with 4401. Everything else is a policy's: this only maps the
 * socket's events to the policies' hooks.
 */
export function attachWebSockets(server: Server, gateway: Gateway, tokens: TokenVerifier, options: WebSocketOptions) {
  const { policies } = options;
  const wss: WebSocketServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: 64 * 1024,
    WebSocket: policies.reduce((socketClass, policy) => policy.socketClass?.(socketClass) ?? socketClass, WebSocket),
    verifyClient: ({ req }: { req: IncomingMessage }, done: VerifyCallback) => {
      const refusal = firstOf(policies, (policy) => policy.checkUpgrade?.(req, wss.clients.size));
      if (refusal) return void refuseUpgrade(done, refusal);
      done(true);
    },
  });
  wss.on('connection', (socket) => {
    const refusal = firstOf(policies, (policy) => policy.upgraded?.(socket, wss.clients.size));
    if (refusal) socket.close(refusal.code, refusal.reason);
  });

  const viewers = new WeakMap<object, Viewer>();
  // Ids of the operations on each socket that are subscriptions; graphql-ws's own
  // `ctx.subscriptions` says which of them are still running.
  const subscriptionIds = new WeakMap<object, Set<string>>();
  const runningSubscriptions = (context: { subscriptions: Record<string, unknown> }, ids: Set<string>) => {
    for (const id of ids) if (!(id in context.subscriptions)) ids.delete(id);
    return ids.size;
  };

  const accept = (socket: WebSocket, viewer: Viewer, token: string): boolean => {
    // A socket that closed while its token was checked has had its `close` already: a place
    // a policy took now would never be given back.
    if (socket.readyState !== WebSocket.OPEN) return false;
    const refusal = firstOf(policies, (policy) => policy.authenticated?.(socket, viewer, token));
    if (refusal) {
      socket.close(refusal.code, refusal.reason);
      return false;
    }
    viewers.set(socket, viewer);
    return true;
  };

  // Sockets that do not send `connection_init` in time are closed by init-deadline.ts (4408),
  // with one timer for them all: graphql-ws's own is off (0).
  const initDeadline = closeUninitialised(wss, options.connectionInitTimeoutMs);
  const disposable = useServer(
    {
      connectionInitWaitTimeout: 0,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        initDeadline.initialised(socket);
        // graphql-ws keeps the upgrade request (its headers, its stream state) in every socket's
        // context for as long as the socket is open; nothing reads it after the upgrade.
        (ctx.extra as { request: IncomingMessage | undefined }).request = undefined;
        try {
          const authorization = authorizationOf(ctx.connectionParams);
          // graphql-ws keeps the `connection_init` payload for as long as the socket is open;
          // nothing reads it after this (the token is kept by the verifier's cache alone).
          (ctx as { connectionParams: unknown }).connectionParams = undefined;
          const viewer = await viewerFromAuthorization(authorization, tokens);
          if (!viewer || authorization === null) throw new GraphQLError(MISSING_TOKEN_MESSAGE);
          return accept(socket, viewer, bearerTokenOf(authorization) ?? authorization);
        } catch (error) {
          socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: async (ctx, id, params) => {
        const { socket } = ctx.extra;
        // Only what the context needs: a subscription keeps its context for as long as it
        // lives, so anything more (the upgrade request, the socket) is memory held per socket.
        const enveloped = gateway.getEnveloped({
          params,
          verifiedViewer: viewers.get(socket),
          closesAtTokenExpiry: true,
          disconnectSlowConsumer: () => {
            for (const policy of policies) policy.slowConsumer?.(socket);
          },
        });
        let document: ReturnType<typeof enveloped.parse>;
        try {
          document = enveloped.parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        // graphql-ws and the context keep `params` for the subscription's life: each socket's
        // copy of the text gives way to the one of the document that every subscriber of it
        // shares (the parser's cache), when they are the same text.
        const shared = document.loc?.source.body;
        if (shared !== undefined && shared === params.query) (params as { query: string }).query = shared;
        const operation = getOperationAST(document, params.operationName);
        for (const policy of policies)
          policy.operation?.(viewers.get(socket), operation?.name?.value, operation?.operation);
        if (operation?.operation === 'subscription') {
          const ids = subscriptionIds.get(ctx) ?? new Set<string>();
          subscriptionIds.set(ctx, ids);
          const running = runningSubscriptions(ctx, ids);
          const refusal = firstOf(policies, (policy) => policy.subscribing?.(running));
          if (refusal) return [refusal];
          ids.add(id);
        }
        const rootValue: RootValue = { execute: enveloped.execute, subscribe: enveloped.subscribe, socket, id };
        return {
          schema: enveloped.schema,
          operationName: params.operationName ?? null,
          document,
          variableValues: params.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue,
        };
      },
      onDisconnect: (ctx, code) => {
        for (const policy of policies) policy.closed?.(viewers.get(ctx.extra.socket), code);
      },
      execute: (args) => (args.rootValue as RootValue).execute(args) as never,
      subscribe: async (args) => {
        const { subscribe, socket, id } = args.rootValue as RootValue;
        const stream = await subscribe(args);
        // graphql-ws keeps these arguments for as long as the subscription runs; the pipeline's
        // functions (and what they hold) are needed only to start it.
        (args as { rootValue: unknown }).rootValue = undefined;
        if (deliversDirectly<ExecutionResult>(stream)) stream.deliverTo(socketSink(socket, id));
        return stream as never;
      },
    },
    wss,
    // Pings are heartbeat.ts's: one timer for every socket instead of graphql-ws's per socket.
    0,
  );
  const heartbeat = keepSocketsAlive(wss, options.keepAliveMs);

  return {
    wss,
    /** Closes every socket with 1001 (going away) and stops accepting new ones. */
    close: () => {
      heartbeat.stop();
      initDeadline.stop();
      return disposable.dispose();
    },
    /** Drops the sockets still open (after the close handshake had its chance). */
    terminate: () => {
      for (const socket of wss.clients) socket.terminate();
    },
  };
}
