import type { Viewer } from '../../platform/auth/viewer.js';
import type { WebSocketPolicy } from '../policy.js';

/** Opens a presence session for a socket's user (see PresenceEngine.connect); returns how to close it. */
export interface PresenceSessions {
  connect(viewer: Viewer): () => void;
}

/**
 * A user's authenticated WebSocket makes it online while it is open, however it closes
 * (by its client, at token expiry, as a slow consumer, at shutdown).
 */
export function presencePolicy(presence: PresenceSessions): WebSocketPolicy {
  return {
    authenticated(socket, viewer) {
      socket.on('close', presence.connect(viewer));
      return undefined;
    },
  };
}
