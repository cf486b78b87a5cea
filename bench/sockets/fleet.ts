/**
 * The subscriber fleet: thousands of WebSocket subscribers in one process, each a plain `ws`
 * client speaking graphql-transport-ws itself (connection_init with the user's token, one
 * subscribe, then `next` messages). A graphql-ws Client per subscriber would cost far more
 * CPU, which the gateway and PostgreSQL need on this machine.
 *
 * A received message is only timestamped and kept as it arrived; it is parsed after the
 * measurement (`collect`), so the fleet's own work stays out of the latencies.
 *
 * A worker (bench/sockets/ipc.ts): requests `open`, `received`, `collect`, `discard`, `close`.
 */
import WebSocket from 'ws';
import { serve } from './ipc.js';
import { cpuProbe } from './probes.js';

export interface Subscriber {
  /** client_user_id; the token acts as this user and the subscription follows them. */
  user: string;
  token: string;
}

export interface OpenPlan {
  url: string;
  subscribers: Subscriber[];
  /** Sockets opened at once; the next batch waits until these are acknowledged. */
  batch: number;
  query: string;
}

export interface OpenResult {
  opened: number;
  failed: number;
  seconds: number;
  /** Per socket: from starting to connect to connection_ack, in ms. */
  ackMs: number[];
}

/**
 * A `next` message: who received which event, when (ms since the epoch). The event is a
 * notification's id (`notificationAdded`), or a presence's activity (`friendPresenceChanged`,
 * which the presence benchmark sets to the change's own name).
 */
export type Receipt = [user: string, event: string, receivedAt: number];

export interface Collected {
  receipts: Receipt[];
  /** Messages other than such an event (`error`, `complete`, `next` with errors, a presence without activity). */
  unexpected: string[];
  /** Sockets the server closed (or that broke) since they were opened. */
  dropped: number;
}

const OPEN_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;
const now = () => performance.timeOrigin + performance.now();

let sockets: WebSocket[] = [];
let users: string[] = [];
let closing = false;
let dropped = 0;
// Receipts as they arrive: socket index, time, raw message (parallel arrays, cheap to append).
let fromSocket: number[] = [];
let receivedAt: number[] = [];
let messages: WebSocket.RawData[] = [];

function openOne(url: string, subscriber: Subscriber, query: string): Promise<number | null> {
  const started = performance.now();
  const index = sockets.length;
  const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
  sockets.push(socket);
  users.push(subscriber.user);
  // An error is always followed by 'close'; without a listener it would throw.
  socket.on('error', () => {});
  return new Promise((resolve) => {
    const fail = () => {
      clearTimeout(timer);
      socket.terminate();
      resolve(null);
    };
    const timer = setTimeout(fail, OPEN_TIMEOUT_MS);
    socket.once('close', fail);
    socket.once('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${subscriber.token}` } }),
      ),
    );
    socket.once('message', (data) => {
      if (JSON.parse(String(data)).type !== 'connection_ack') return fail();
      clearTimeout(timer);
      socket.off('close', fail);
      socket.on('close', () => {
        if (!closing) dropped++;
      });
      socket.on('message', (message) => {
        receivedAt.push(now());
        fromSocket.push(index);
        messages.push(message);
      });
      socket.send(
        JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { userId: subscriber.user } } }),
      );
      resolve(performance.now() - started);
    });
  });
}

async function open(plan: OpenPlan): Promise<OpenResult> {
  const started = performance.now();
  const ackMs: number[] = [];
  let failed = 0;
  for (let i = 0; i < plan.subscribers.length; i += plan.batch) {
    const batch = plan.subscribers.slice(i, i + plan.batch);
    for (const ms of await Promise.all(batch.map((s) => openOne(plan.url, s, plan.query)))) {
      if (ms === null) failed++;
      else ackMs.push(ms);
    }
  }
  return { opened: ackMs.length, failed, seconds: (performance.now() - started) / 1000, ackMs };
}

function collect(): Collected {
  const receipts: Receipt[] = [];
  const unexpected: string[] = [];
  messages.forEach((data, i) => {
    const text = String(data);
    const message = JSON.parse(text);
    const event = message.type === 'next' ? message.payload?.data : undefined;
    const id = event?.notificationAdded?.id ?? event?.friendPresenceChanged?.presence?.activity;
    if (typeof id === 'string') receipts.push([users[fromSocket[i] as number] as string, id, receivedAt[i] as number]);
    else unexpected.push(text.slice(0, 300));
  });
  fromSocket = [];
  receivedAt = [];
  messages = [];
  return { receipts, unexpected, dropped };
}

/** Forgets what arrived so far unread (e.g. a presence subscription's first snapshot); returns how many. */
function discard(): number {
  const count = messages.length;
  fromSocket = [];
  receivedAt = [];
  messages = [];
  return count;
}

async function close(): Promise<{ closed: number }> {
  closing = true;
  const open = sockets.filter((s) => s.readyState !== WebSocket.CLOSED);
  await Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => socket.terminate(), CLOSE_TIMEOUT_MS);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          socket.close(1000);
        }),
    ),
  );
  sockets = [];
  users = [];
  dropped = 0;
  closing = false;
  return { closed: open.length };
}

serve({
  open,
  /** How many messages have arrived and are not yet collected (to wait for a drain). */
  received: () => messages.length,
  collect,
  discard,
  close,
  ...cpuProbe,
});
