import { WebSocket, type WebSocketServer } from 'ws';

/**
 * How often a slice of the sockets is pinged. Each ping is a socket write (tens of microseconds
 * here): a slice must stay small enough that pinging it does not hold up deliveries. Twelve
 * slices of a 12 s interval pinged 833 of 10,000 sockets at once every second, stalls that
 * took fan-out's p99 from 8 to 80–210 ms (bench/CHANGES.md); a tenth of a second makes it 83.
 */
const TICK_MS = 100;
/**
 * At most this many slices (the default interval's): a closing socket is looked for in each, and
 * a long interval (WS_KEEPALIVE_MS up to ten minutes) would otherwise make thousands. A slice
 * then waits longer than a tick, and holds as many sockets as at the default.
 */
const MAX_SLICES = 120;

/**
 * Keeps the sockets of `wss` alive through idle proxies, and drops those whose client is gone
 * without a close: each socket is pinged once every `intervalMs`, and one that has not answered
 * (a pong) by its next ping is terminated.
 *
 * One timer for every socket, ticking every `TICK_MS` (or every interval / `MAX_SLICES`) and
 * pinging one slice of the sockets each time, so that pings spread over the interval; the
 * listeners are the same functions for every socket. graphql-ws's own keep-alive kept an
 * interval timer per socket, and made a timer and a `once('pong')` listener for every ping:
 * with ten thousand sockets, hundreds of each a second (bench/CHANGES.md).
 */
export function keepSocketsAlive(wss: WebSocketServer, intervalMs: number): { stop(): void } {
  const count = Math.min(MAX_SLICES, Math.max(1, Math.round(intervalMs / TICK_MS)));
  const slices = Array.from({ length: count }, () => new Set<WebSocket>());
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
    joining = (joining + 1) % count;
    socket.on('pong', answered);
    socket.on('close', left);
  });

  const timer = setInterval(() => {
    const slice = slices[pinging] as Set<WebSocket>;
    pinging = (pinging + 1) % count;
    for (const socket of slice) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, intervalMs / count);
  timer.unref();

  return { stop: () => clearInterval(timer) };
}
