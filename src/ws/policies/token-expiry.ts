import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { WebSocketPolicy } from '../policy.js';

/** How often the sockets' tokens are checked: a socket is closed at most this long after its token expires. */
const CHECK_EVERY_MS = 1_000;

/**
 * A socket lives as long as its client wants, but its token does not: when the token expires
 * the socket is closed with 4401, as an HTTP request with that token would be refused. The
 * client reconnects with a fresh token and resumes with `after`.
 *
 * One timer checks every socket once a second while any has an expiring token, instead of a
 * timer and its closures per socket for as long as it is open (ten thousand idle sockets held
 * ten thousand timers; comparing ten thousand numbers a second costs a fraction of a
 * millisecond). The listener is the same function for every socket.
 */
export function tokenExpiryPolicy(): WebSocketPolicy {
  const expiries = new Map<WebSocket, number>();
  let timer: NodeJS.Timeout | undefined;

  function forget(this: WebSocket) {
    expiries.delete(this);
  }
  const check = () => {
    const now = Date.now();
    for (const [socket, expiresAt] of expiries) {
      if (expiresAt > now) continue;
      expiries.delete(socket);
      socket.close(CloseCode.Unauthorized, 'Unauthorized: token has expired');
    }
    if (expiries.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    authenticated(socket, viewer) {
      if (viewer.expiresAt === undefined) return undefined;
      expiries.set(socket, viewer.expiresAt);
      socket.on('close', forget);
      if (!timer) {
        timer = setInterval(check, CHECK_EVERY_MS);
        timer.unref();
      }
      return undefined;
    },
  };
}
