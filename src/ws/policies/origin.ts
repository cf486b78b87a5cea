import type { IncomingMessage } from 'node:http';
import type { CorsPolicy } from '../../app/cors.js';
import type { WebSocketPolicy } from '../policy.js';

/**
 * A browser always sends Origin on a WebSocket upgrade, and CORS does not apply to sockets: a
 * page on any site could open one. Same-origin pages and the configured origins may; clients
 * that are not browsers send no Origin and are not concerned.
 */
function originAllowed(request: IncomingMessage, cors: CorsPolicy): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || cors.allows(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Which browser pages may open a socket: those the HTTP CORS policy allows, and same-origin ones. */
export function originPolicy(cors: CorsPolicy): WebSocketPolicy {
  return {
    checkUpgrade: (request) =>
      originAllowed(request, cors)
        ? undefined
        : { code: 'FORBIDDEN', message: `Origin ${request.headers.origin} may not open a WebSocket here` },
  };
}
