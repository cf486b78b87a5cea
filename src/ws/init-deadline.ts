import { CloseCode } from 'graphql-ws';
import { WebSocket, type WebSocketServer } from 'ws';

/**
 * Closes with 4408 (as graphql-ws would) every socket of `wss` that has not sent
 * `connection_init` within `timeoutMs` of opening; `initialised` is to be called when it does.
 *
 * One timer for all the sockets waiting, at the oldest one's deadline, instead of graphql-ws's
 * timer per socket: that one's closure keeps its `Timeout` for as long as the socket stays open,
 * long after it fired (bench/CHANGES.md, idle subscribers). Every socket waits the same time,
 * so the order they opened in is the order of their deadlines. A socket that closes while it
 * waits is let go at its deadline (no listener per socket for so short a wait).
 */
export function closeUninitialised(
  wss: WebSocketServer,
  timeoutMs: number,
): { initialised(socket: WebSocket): void; stop(): void } {
  const waiting = new Map<WebSocket, number>();
  let timer: NodeJS.Timeout | undefined;

  const arm = () => {
    const first = waiting.values().next();
    if (first.done || timer) return;
    timer = setTimeout(expire, Math.max(0, first.value - Date.now()));
    timer.unref();
  };
  function expire() {
    timer = undefined;
    const now = Date.now();
    for (const [socket, deadline] of waiting) {
      if (deadline > now) break;
      waiting.delete(socket);
      if (socket.readyState === WebSocket.OPEN)
        socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
    }
    arm();
  }
  wss.on('connection', (socket) => {
    waiting.set(socket, Date.now() + timeoutMs);
    arm();
  });

  return {
    initialised: (socket) => {
      waiting.delete(socket);
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      waiting.clear();
    },
  };
}
