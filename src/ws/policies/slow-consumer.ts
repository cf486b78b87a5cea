import type { Logger } from '../../platform/logger.js';
import { closeAndCut, type WebSocketPolicy } from '../policy.js';

/** Close code for a socket whose client stopped reading (private range, 4000-4999). */
export const SLOW_CONSUMER_CLOSE_CODE = 4008;

/**
 * A stream whose client stopped reading closes the socket: the client resumes with `after` and
 * loses nothing, and the server holds nothing for it meanwhile.
 */
export function slowConsumerPolicy(logger: Logger): WebSocketPolicy {
  return {
    slowConsumer(socket) {
      logger.warn('closing a WebSocket whose client stopped reading');
      // Its buffers are full, so the close handshake may never complete: cut it soon.
      closeAndCut(socket, SLOW_CONSUMER_CLOSE_CODE, 'Slow consumer: reconnect and resume with after');
    },
  };
}
