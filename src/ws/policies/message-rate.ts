import { WebSocket } from 'ws';
import type { Logger } from '../../platform/logger.js';
import { closeAndCut, type WebSocketPolicy } from '../policy.js';

/** Close code for a socket that sent messages (pings included) faster than its rate: policy violation. */
export const MESSAGE_FLOOD_CLOSE_CODE = 1008;

/** How many messages a socket may send: `perSecond` on average, `burst` at once. */
export interface MessageRate {
  perSecond: number;
  burst: number;
}

/**
 * A token bucket for one socket: full (`burst`) when the socket opens, refilled at `perSecond`.
 * Each message takes one token; a message finding none is over the rate.
 */
export class MessageBudget {
  #tokens: number;
  #refilledAt: number;

  constructor(
    private readonly rate: MessageRate,
    now = performance.now(),
  ) {
    this.#tokens = rate.burst;
    this.#refilledAt = now;
  }

  /** Takes one token; false when there is none (the message is over the rate). */
  take(now = performance.now()): boolean {
    const elapsedSeconds = Math.max(0, now - this.#refilledAt) / 1000;
    this.#tokens = Math.min(this.rate.burst, this.#tokens + elapsedSeconds * this.rate.perSecond);
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/**
 * Frames a client may send on one socket (messages, ping and pong frames); past the rate the
 * socket is closed with 1008. Every frame draws on the socket's budget before anything reads
 * it, and a socket that is closing takes nothing more: a flood thus costs a counter check per
 * frame, not a parse and an answer, and a client's frames still in flight after its close
 * start nothing.
 */
export function messageRatePolicy(rate: MessageRate, logger: Logger): WebSocketPolicy {
  const onFlood = (socket: WebSocket) => {
    logger.warn('closing a WebSocket that sent messages too fast', { perSecond: rate.perSecond, burst: rate.burst });
    closeAndCut(
      socket,
      MESSAGE_FLOOD_CLOSE_CODE,
      `Too many messages: at most ${rate.perSecond} per second (bursts of ${rate.burst})`,
    );
    // Read nothing more from it: what it still sends would be parsed only to be dropped.
    socket.pause();
  };
  return {
    socketClass: (base) =>
      class MeteredWebSocket extends base {
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
      },
  };
}
