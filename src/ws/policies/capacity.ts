import type { WebSocket } from 'ws';
import type { Logger } from '../../platform/logger.js';
import type { WebSocketPolicy } from '../policy.js';

/** Close code for a socket that got past the upgrade check in a race and is over the limit. */
export const TRY_AGAIN_LATER_CLOSE_CODE = 1013;

/** Seconds a client refused for a full instance is asked to wait before trying again. */
const FULL_RETRY_AFTER_SECONDS = 5;

export interface CapacityLimits {
  /** Most sockets open on this instance; further upgrades are refused with 503. */
  maxSockets: number;
  /**
   * Most sockets on this instance whose `connection_init` has not been accepted yet (they prove
   * no one); further upgrades are refused with 503.
   */
  maxUnauthenticatedSockets: number;
}

/**
 * The instance's room for sockets: a cap on all of them, and a small one of their own for those
 * that have not authenticated yet, so that silent sockets cannot take the places of
 * authenticated ones.
 */
export function capacityPolicy(limits: CapacityLimits, logger: Logger): WebSocketPolicy {
  const unauthenticated = new Set<WebSocket>();
  function forget(this: WebSocket) {
    unauthenticated.delete(this);
  }
  const retryAfter = { 'Retry-After': String(FULL_RETRY_AFTER_SECONDS) };
  return {
    checkUpgrade(_request, openSockets) {
      if (openSockets >= limits.maxSockets) {
        logger.warn('refusing a WebSocket: instance is full', { max: limits.maxSockets });
        return {
          code: 'SERVICE_UNAVAILABLE',
          message: `This instance has its maximum of ${limits.maxSockets} WebSockets open; retry later`,
          headers: retryAfter,
        };
      }
      if (unauthenticated.size >= limits.maxUnauthenticatedSockets) {
        logger.warn('refusing a WebSocket: too many waiting for connection_init', {
          max: limits.maxUnauthenticatedSockets,
        });
        return {
          code: 'SERVICE_UNAVAILABLE',
          message: `This instance has its maximum of ${limits.maxUnauthenticatedSockets} WebSockets waiting for connection_init; retry later`,
          headers: retryAfter,
        };
      }
      return undefined;
    },
    // Handshakes checked at the same moment can all pass the checks above: the ones past a limit
    // are closed at once with 1013 (try again later), before they hold anything. A browser cannot
    // read the refused upgrade's Retry-After: the reason carries the delay.
    upgraded(socket, openSockets) {
      if (openSockets > limits.maxSockets) {
        return {
          code: TRY_AGAIN_LATER_CLOSE_CODE,
          reason: `Too many WebSockets on this instance: retry after ${FULL_RETRY_AFTER_SECONDS} seconds`,
        };
      }
      if (unauthenticated.size >= limits.maxUnauthenticatedSockets) {
        return {
          code: TRY_AGAIN_LATER_CLOSE_CODE,
          reason: `Too many WebSockets waiting for connection_init on this instance: retry after ${FULL_RETRY_AFTER_SECONDS} seconds`,
        };
      }
      unauthenticated.add(socket);
      socket.on('close', forget);
      return undefined;
    },
    authenticated(socket) {
      unauthenticated.delete(socket);
      return undefined;
    },
  };
}
