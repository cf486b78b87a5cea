import { WebSocket, type WebSocketServer } from 'ws';

/** The slices the sockets are pinged in over one interval, one slice a tick: no burst of every ping at once. */
const SLICES = 12;

/**
 * Keeps the sockets of `wss` alive through idle proxies, and drops those whose client is gone
 * without a close: each socket is pinged once every `intervalMs`, and one that has not answered
 * (a pong) by its next ping is terminated.
 *
 * One timer for every socket, ticking `SLICES` times an interval and pinging one slice of the
 * sockets each time; the listeners are the same functions for every socket. graphql-ws's own
 * keep-alive kept an interval timer per socket, and made a timer and a `once('pong')` listener
 * for every ping: with ten thousand sockets, hundreds of each a second (bench/CHANGES.md).
 */
export function keepSocketsAlive(wss: WebSocketServer, intervalMs: number): { stop(): void } {
  const slices = Array.from({ length: SLICES }, () => new Set<WebSocket>());
  const unanswered = new WeakSet<WebSocket>();
  let joining = 0;
  let pinging = 0;

  function answered(this: WebSocket) {
    unanswered.delete(this);
  }
  function left(this: WebSocket) {
    for (const slice of slices) slice.delete(this);
  }

  wss.on('connection', (socket) => {
    slices[joining]?.add(socket);
    joining = (joining + 1) % SLICES;
    socket.on('pong', answered);
    socket.on('close', left);
  });

  const timer = setInterval(() => {
    const slice = slices[pinging] as Set<WebSocket>;
    pinging = (pinging + 1) % SLICES;
    for (const socket of slice) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, intervalMs / SLICES);
  timer.unref();

  return { stop: () => clearInterval(timer) };
}
