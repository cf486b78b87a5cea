import { createHash } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Logger } from '../../platform/logger.js';
import type { WebSocketPolicy } from '../policy.js';

/**
 * Close code, at `connection_init`, for a socket whose user, token or service already holds as
 * many sockets as it may on this instance (4429 is graphql-ws's own "too many initialisation
 * requests"). The reason names the cap and says when to retry.
 */
export const TOO_MANY_SOCKETS_CLOSE_CODE = 4029;

/** Sockets one owner may hold on this instance (counted per instance, in memory). */
export interface SocketCapLimits {
  /** Sockets of one user: a user token's tenant and subject, whichever token it comes with. */
  perUser: number;
  /**
   * Sockets of one user token. Meant to be below `perUser`, so that a leaked token (or one client stuck in a
   * reconnect loop) cannot take the user's whole allowance: the user's other tokens keep a share.
   */
  perToken: number;
  /**
   * Sockets of one service: a service token's tenant and subject. A game backend following many
   * of its users (`notificationAdded(userId: …)`) holds many sockets under one subject.
   */
  perService: number;
}

/** Seconds a client refused for its owner's cap is asked to wait: a place frees only when another socket of the same owner closes. */
export const OWNER_CAP_RETRY_AFTER_SECONDS = 30;

/** Either the place a socket took (give it back once, when the socket closes) or why it got none. */
export type Admission = { admitted: true; release: () => void } | { admitted: false; reason: string };

interface Cap {
  key: string;
  max: number;
  /** Whose allowance it is, as said in the close reason. */
  owner: string;
}

/**
 * Open authenticated sockets per user, per token and per service. Keys never depend on whether
 * the user exists: a token is enough to be counted, so a token for an unknown user is capped
 * like any other. A user and a service with the same subject are different owners.
 */
export class SocketAllowances {
  readonly #open = new Map<string, number>();

  constructor(private readonly limits: SocketCapLimits) {}

  /**
   * Takes a place for one socket of `viewer`, authenticated with `token` (the bearer token
   * itself, one spelling per token: see verifyToken), in every allowance it draws on, or in
   * none if any of them is full. The caller must call `release` exactly when the socket closes
   * (extra calls do nothing).
   */
  admit(viewer: Viewer, token: string): Admission {
    const caps = this.#capsOf(viewer, token);
    const full = caps.find((cap) => (this.#open.get(cap.key) ?? 0) >= cap.max);
    if (full) {
      return {
        admitted: false,
        reason: `Too many WebSockets for this ${full.owner} (at most ${full.max}): retry after ${OWNER_CAP_RETRY_AFTER_SECONDS} seconds`,
      };
    }
    for (const cap of caps) this.#open.set(cap.key, (this.#open.get(cap.key) ?? 0) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      for (const cap of caps) {
        const left = (this.#open.get(cap.key) ?? 1) - 1;
        // Owners with no socket left are forgotten: the map holds only owners with open sockets.
        if (left > 0) this.#open.set(cap.key, left);
        else this.#open.delete(cap.key);
      }
    };
    return { admitted: true, release };
  }

  #capsOf(viewer: Viewer, token: string): Cap[] {
    // JSON arrays: no tenant or subject, whatever characters it holds, can spell another's key.
    if (viewer.role === 'service') {
      return [
        {
          key: JSON.stringify(['service', viewer.tenant, viewer.subject]),
          max: this.limits.perService,
          owner: 'service',
        },
      ];
    }
    // A token is counted by its hash: it names the token without keeping it in memory.
    const tokenHash = createHash('sha256').update(token).digest('base64url');
    return [
      { key: JSON.stringify(['user', viewer.tenant, viewer.subject]), max: this.limits.perUser, owner: 'user' },
      { key: JSON.stringify(['token', tokenHash]), max: this.limits.perToken, owner: 'token' },
    ];
  }
}

/**
 * Sockets one user, one token and one service may hold on this instance (close 4029 past them).
 * An authenticated socket takes a place in its owners' allowances, given back when it closes,
 * however it closes (by its client, at token expiry, as a slow consumer or a flood, at
 * shutdown): one `close` listener, so no path can keep a place and lock its user out.
 */
export function ownerCapsPolicy(limits: SocketCapLimits, logger: Logger): WebSocketPolicy {
  const allowances = new SocketAllowances(limits);
  return {
    authenticated(socket, viewer, token) {
      const admission = allowances.admit(viewer, token);
      if (!admission.admitted) {
        logger.warn('refusing a WebSocket: its owner holds as many as it may', {
          tenant: viewer.tenant,
          user: viewer.subject,
          role: viewer.role,
        });
        return { code: TOO_MANY_SOCKETS_CLOSE_CODE, reason: admission.reason };
      }
      socket.on('close', admission.release);
      return undefined;
    },
  };
}
