import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError, getOperationAST } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { CorsPolicy } from '../app/cors.js';
import type { Gateway } from '../graphql/yoga.js';
import { bearerTokenOf, MISSING_TOKEN_MESSAGE, viewerFromAuthorization } from '../platform/auth/authenticate.js';
import type { TokenVerifier } from '../platform/auth/jwt.js';
import type { Viewer } from '../platform/auth/viewer.js';
import { errorResponse, type HttpErrorCode } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import { MessageBudget, type MessageRate, SocketAllowances, type SocketCapLimits } from './socket-caps.js';

/** Close code for a socket whose client stopped reading (private range, 4000-4999). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

/**
 * Close code, at `connection_init`, for a socket whose user, token or service already holds as
 * many sockets as it may on this instance (4429 is graphql-ws's own "too many initialisation
 * requests"). The reason names the cap and says when to retry.
 */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4029;

/** Close code for a socket that sent messages (pings included) faster than its rate: policy violation. */
export const MESSAGE_FLOOD_CLOSE_CODE = 1008;

/**
 * Closes a socket, and cuts it a second later if the close handshake has not completed by then:
 * a client that does not read, or keeps flooding, may never answer the close.
 */
function closeAndCut(socket: WebSocket, code: number, reason: string): void {
  socket.close(code, reason);
  setTimeout(() => socket.terminate(), 1_000).unref();
}

/**
 * A socket lives as long as its client wants, but its token does not: when the token expires
 * the socket is closed with 4401, as an HTTP request with that token would be refused. The
 * client reconnects with a fresh token and resumes with `after`.
 */
function closeWhenExpired(socket: WebSocket, expiresAt: number): void {
  let timer: NodeJS.Timeout;
  const check = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      socket.close(CloseCode.Unauthorized, 'Unauthorized: token has expired');
      return;
    }
    // Timers cannot wait longer than about 24.8 days at once.
    timer = setTimeout(check, Math.min(left, 2 ** 31 - 1));
  };
  check();
  socket.once('close', () => clearTimeout(timer));
}

export interface WebSocketOptions {
  /** Interval of pings; a socket that does not answer one before the next is dropped. */
  keepAliveMs: number;
  /** Most sockets open on this instance; further upgrades are refused with 503. */
  maxSockets: number;
  /**
   * Most sockets on this instance whose `connection_init` has not been accepted yet (they prove
   * no one); further upgrades are refused with 503.
   */
  maxUnauthenticatedSockets: number;
  /** How long a socket may take to send `connection_init`; graphql-ws closes it with 4408 after. */
  connectionInitTimeoutMs: number;
  /** Sockets one user, one token and one service may hold on this instance (close 4029 past them). */
  socketCaps: SocketCapLimits;
  /** Frames a client may send on one socket (messages, ping and pong frames); close 1008 past it. */
  messageRate: MessageRate;
  /** Most subscriptions running at once on one socket; a further one gets an `error` message. */
  maxSubscriptionsPerSocket: number;
  /** Which browser pages may open a socket (the HTTP CORS policy; same-origin pages always may). */
  cors: CorsPolicy;
  /** Told of sockets opened and closed and of each operation started (logs and metrics). */
  observer?: WebSocketObserver | undefined;
}

export interface WebSocketObserver {
  opened(viewer: Viewer): void;
  closed(viewer: Viewer | undefined, code: number | undefined): void;
  operation(viewer: Viewer | undefined, name: string | undefined, type: string | undefined): void;
}

/** Close code for a socket that got past the upgrade check in a race and is over the limit. */
export const TRY_AGAIN_LATER_CLOSE_CODE = 1013;

/** Seconds a client refused for a full instance is asked to wait before trying again. */
const FULL_RETRY_AFTER_SECONDS = 5;

/** `extensions.code` of a subscription refused because its socket has as many as it may. */
export const TOO_MANY_SUBSCRIPTIONS_CODE = 'TOO_MANY_SUBSCRIPTIONS';

type VerifyCallback = (result: boolean, code?: number, message?: string, headers?: Record<string, string>) => void;

/**
 * The socket class the server builds: every frame a client sends (a message, a ping or pong
 * frame) draws on the socket's budget before anything reads it, and a socket that is closing
 * takes nothing more. A flood thus costs a counter check per frame, not a parse and an answer,
 * and a client's frames still in flight after its close start nothing.
 */
function meteredWebSocket(rate: MessageRate, onFlood: (socket: WebSocket) => void): typeof WebSocket {
  return class MeteredWebSocket extends WebSocket {
    readonly #budget = new MessageBudget(rate);

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message' || event === 'ping' || event === 'pong') {
        if (this.readyState !== WebSocket.OPEN) return false;
        if (!this.#budget.take()) {
          onFlood(this);
          return false;
        }
      }
      return super.emit(event, ...args);
    }
  };
}

/** Refuses an upgrade with the documented `{error, message, code}` body instead of ws's HTML. */
async function refuseUpgrade(
  done: VerifyCallback,
  code: HttpErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const response = errorResponse(code, message);
  // ws writes these as given: the key must match its own 'Content-Type' to replace it.
  done(false, response.status, await response.text(), { 'Content-Type': 'application/json', ...headers });
}

/**
 * A browser always sends Origin on a WebSocket upgrade, and CORS does not apply to sockets: a
 * page on any site could open one. Same-origin pages and the configured origins may; clients
 * that are not browsers send no Origin and are not concerned.
 */
function originAllowed(request: IncomingMessage, cors: CorsPolicy): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || cors.allows(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
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

interface RootValue {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/**
 * GraphQL over WebSocket (`graphql-transport-ws`) on the HTTP server's `/graphql`, through
 * the gateway's own envelop pipeline (context, validation, masking) like any HTTP query.
 * The client authenticates in `connection_init` with `{ authorization: 'Bearer <JWT>' }`;
 * without a valid token the socket is closed with 4401.
 */
export function attachWebSockets(
  server: Server,
  gateway: Gateway,
  tokens: TokenVerifier,
  logger: Logger,
  options: WebSocketOptions,
) {
  // Sockets upgraded whose `connection_init` has not been accepted yet. They prove no one, so they
  // have a small cap of their own: silent sockets cannot take the places of authenticated ones.
  const unauthenticated = new Set<WebSocket>();
  const allowances = new SocketAllowances(options.socketCaps);
  const { perSecond, burst } = options.messageRate;
  const wss: WebSocketServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: 64 * 1024,
    WebSocket: meteredWebSocket(options.messageRate, (socket) => {
      logger.warn('closing a WebSocket that sent messages too fast', { perSecond, burst });
      closeAndCut(
        socket,
        MESSAGE_FLOOD_CLOSE_CODE,
        `Too many messages: at most ${perSecond} per second (bursts of ${burst})`,
      );
      // Read nothing more from it: what it still sends would be parsed only to be dropped.
      socket.pause();
    }),
    verifyClient: ({ req }: { req: IncomingMessage }, done: VerifyCallback) => {
      if (!originAllowed(req, options.cors)) {
        return void refuseUpgrade(done, 'FORBIDDEN', `Origin ${req.headers.origin} may not open a WebSocket here`);
      }
      if (wss.clients.size >= options.maxSockets) {
        logger.warn('refusing a WebSocket: instance is full', { max: options.maxSockets });
        return void refuseUpgrade(
          done,
          'SERVICE_UNAVAILABLE',
          `This instance has its maximum of ${options.maxSockets} WebSockets open; retry later`,
          { 'Retry-After': String(FULL_RETRY_AFTER_SECONDS) },
        );
      }
      if (unauthenticated.size >= options.maxUnauthenticatedSockets) {
        logger.warn('refusing a WebSocket: too many waiting for connection_init', {
          max: options.maxUnauthenticatedSockets,
        });
        return void refuseUpgrade(
          done,
          'SERVICE_UNAVAILABLE',
          `This instance has its maximum of ${options.maxUnauthenticatedSockets} WebSockets waiting for connection_init; retry later`,
          { 'Retry-After': String(FULL_RETRY_AFTER_SECONDS) },
        );
      }
      done(true);
    },
  });
  // Handshakes checked at the same moment can all pass the checks above: the ones past a limit
  // are closed at once with 1013 (try again later), before they hold anything. A browser cannot
  // read the refused upgrade's Retry-After: the reason carries the delay.
  wss.on('connection', (socket) => {
    if (wss.clients.size > options.maxSockets) {
      return socket.close(
        TRY_AGAIN_LATER_CLOSE_CODE,
        `Too many WebSockets on this instance: retry after ${FULL_RETRY_AFTER_SECONDS} seconds`,
      );
    }
    if (unauthenticated.size >= options.maxUnauthenticatedSockets) {
      return socket.close(
        TRY_AGAIN_LATER_CLOSE_CODE,
        `Too many WebSockets waiting for connection_init on this instance: retry after ${FULL_RETRY_AFTER_SECONDS} seconds`,
      );
    }
    unauthenticated.add(socket);
    socket.once('close', () => unauthenticated.delete(socket));
  });
  const viewers = new WeakMap<object, Viewer>();
  // Ids of the operations on each socket that are subscriptions; graphql-ws's own
  // `ctx.subscriptions` says which of them are still running.
  const subscriptionIds = new WeakMap<object, Set<string>>();
  const runningSubscriptions = (context: { subscriptions: Record<string, unknown> }, ids: Set<string>) => {
    for (const id of ids) if (!(id in context.subscriptions)) ids.delete(id);
    return ids.size;
  };

  /**
   * An authenticated socket takes a place in its owners' allowances, given back when it closes,
   * however it closes (by its client, at token expiry, as a slow consumer or a flood, at
   * shutdown): one `close` listener, so no path can keep a place and lock its user out.
   */
  const accept = (socket: WebSocket, viewer: Viewer, token: string): boolean => {
    // A socket that closed while its token was checked has had its `close` already: a place
    // taken now would never be given back.
    if (socket.readyState !== WebSocket.OPEN) return false;
    const admission = allowances.admit(viewer, token);
    if (!admission.admitted) {
      logger.warn('refusing a WebSocket: its owner holds as many as it may', {
        tenant: viewer.tenant,
        user: viewer.subject,
        role: viewer.role,
      });
      socket.close(TOO_MANY_SOCKETS_CLOSE_CODE, admission.reason);
      return false;
    }
    socket.once('close', admission.release);
    unauthenticated.delete(socket);
    viewers.set(socket, viewer);
    options.observer?.opened(viewer);
    if (viewer.expiresAt !== undefined) closeWhenExpired(socket, viewer.expiresAt);
    return true;
  };

  const disposable = useServer(
    {
      connectionInitWaitTimeout: options.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        try {
          const authorization = authorizationOf(ctx.connectionParams);
          const viewer = await viewerFromAuthorization(authorization, tokens);
          if (!viewer || authorization === null) throw new GraphQLError(MISSING_TOKEN_MESSAGE);
          return accept(socket, viewer, bearerTokenOf(authorization) ?? authorization);
        } catch (error) {
          socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: async (ctx, id, params) => {
        // Only what the context needs: a subscription keeps its context for as long as it
        // lives, so anything more (the upgrade request, the socket) is memory held per socket.
        const enveloped = gateway.getEnveloped({
          params,
          verifiedViewer: viewers.get(ctx.extra.socket),
          closesAtTokenExpiry: true,
          // A stream whose client stopped reading closes the socket: the client resumes with
          // `after` and loses nothing, and the server holds nothing for it meanwhile.
          disconnectSlowConsumer: () => {
            logger.warn('closing a WebSocket whose client stopped reading');
            // Its buffers are full, so the close handshake may never complete: cut it soon.
            closeAndCut(ctx.extra.socket, SLOW_CONSUMER_CLOSE_CODE, 'Slow consumer: reconnect and resume with after');
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
        const operation = getOperationAST(document, params.operationName);
        options.observer?.operation(viewers.get(ctx.extra.socket), operation?.name?.value, operation?.operation);
        if (operation?.operation === 'subscription') {
          const ids = subscriptionIds.get(ctx) ?? new Set<string>();
          subscriptionIds.set(ctx, ids);
          if (runningSubscriptions(ctx, ids) >= options.maxSubscriptionsPerSocket) {
            return [
              new GraphQLError(
                `This socket already runs ${options.maxSubscriptionsPerSocket} subscriptions, the most it may; complete one first or open another socket`,
                { extensions: { code: TOO_MANY_SUBSCRIPTIONS_CODE, max: options.maxSubscriptionsPerSocket } },
              ),
            ];
          }
          ids.add(id);
        }
        const rootValue: RootValue = { execute: enveloped.execute, subscribe: enveloped.subscribe };
        return {
          schema: enveloped.schema,
          operationName: params.operationName ?? null,
          document,
          variableValues: params.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue,
        };
      },
      onDisconnect: (ctx, code) => options.observer?.closed(viewers.get(ctx.extra.socket), code),
      execute: (args) => (args.rootValue as RootValue).execute(args) as never,
      subscribe: (args) => (args.rootValue as RootValue).subscribe(args) as never,
    },
    wss,
    options.keepAliveMs,
  );

  return {
    wss,
    /** Closes every socket with 1001 (going away) and stops accepting new ones. */
    close: () => disposable.dispose(),
    /** Drops the sockets still open (after the close handshake had its chance). */
    terminate: () => {
      for (const socket of wss.clients) socket.terminate();
    },
  };
}
