import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';
import type { Viewer } from '../platform/auth/viewer.js';
import type { HttpErrorCode } from '../platform/http/errors.js';

/** An upgrade refused before any socket exists: answered with the documented error body. */
export interface UpgradeRefusal {
  code: HttpErrorCode;
  message: string;
  headers?: Record<string, string>;
}

/**
 * One rule of the WebSocket face (who may open a socket, how many, for how long, how fast), as
 * hooks the adapter (server.ts) calls at each step of a socket's life. The adapter only maps
 * socket events to these; every limit and its bookkeeping lives in a policy. Each hook is
 * optional; the adapter calls the policies in the order given, and the first refusal wins.
 */
export interface WebSocketPolicy {
  /** Before the upgrade, with the sockets open now: a refusal, or undefined to let it through. */
  checkUpgrade?(request: IncomingMessage, openSockets: number): UpgradeRefusal | undefined;
  /**
   * Just upgraded, with the sockets open now (this one included). Returns a close frame to
   * refuse it at once (upgrades checked at the same moment can all pass `checkUpgrade`).
   */
  upgraded?(socket: WebSocket, openSockets: number): { code: number; reason: string } | undefined;
  /**
   * `connection_init` proved the socket's viewer (with `token`, the bearer token it sent).
   * Returns a close frame to refuse the socket; a policy that holds something for the socket
   * gives it back on the socket's `close`, however it closes. A socket emits `close` once: a
   * plain `on('close')` listener, not `once`, whose wrapper is two more objects per socket for
   * as long as it is open.
   */
  authenticated?(socket: WebSocket, viewer: Viewer, token: string): { code: number; reason: string } | undefined;
  /** A subscription is about to start on a socket already running `running` of them: an error refuses it. */
  subscribing?(running: number): GraphQLError | undefined;
  /** A stream of this socket has a client that stopped reading. */
  slowConsumer?(socket: WebSocket): void;
  /** The socket class the server builds (e.g. one that meters frames), from the one before. */
  socketClass?(base: typeof WebSocket): typeof WebSocket;
  /** An operation started (logs). */
  operation?(viewer: Viewer | undefined, name: string | undefined, type: string | undefined): void;
  /** The socket closed (logs). */
  closed?(viewer: Viewer | undefined, code: number | undefined): void;
}

/**
 * Closes a socket, and cuts it a second later if the close handshake has not completed by then:
 * a client that does not read, or keeps flooding, may never answer the close.
 */
export function closeAndCut(socket: WebSocket, code: number, reason: string): void {
  socket.close(code, reason);
  setTimeout(() => socket.terminate(), 1_000).unref();
}
