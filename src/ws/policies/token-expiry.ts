import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { WebSocketPolicy } from '../policy.js';

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

/** Sockets end with their tokens. */
export function tokenExpiryPolicy(): WebSocketPolicy {
  return {
    authenticated(socket, viewer) {
      if (viewer.expiresAt !== undefined) closeWhenExpired(socket, viewer.expiresAt);
      return undefined;
    },
  };
}
