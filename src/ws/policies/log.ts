import type { Logger } from '../../platform/logger.js';
import type { WebSocketPolicy } from '../policy.js';

/**
 * WebSocket log lines: one when a socket is acknowledged (opened), one when it closes, and one
 * per operation started on it, with the verified viewer. Never the connection params (they
 * carry the token) nor the variables.
 */
export function webSocketLogPolicy(logger: Logger): WebSocketPolicy {
  const who = (viewer: { tenant: string; subject: string } | undefined) =>
    viewer ? { tenant: viewer.tenant, user: viewer.subject } : {};
  return {
    authenticated: (_socket, viewer) => void logger.info('websocket opened', who(viewer)),
    closed: (viewer, code) => logger.info('websocket closed', { ...who(viewer), code }),
    operation: (viewer, name, type) =>
      logger.info('websocket operation', { ...who(viewer), operationName: name ?? null, operationType: type ?? null }),
  };
}
