import { createHash } from 'node:crypto';
import type { Viewer } from '../platform/auth/viewer.js';

/*
 * The per-socket and per-owner limits of the WebSocket face, free of any transport: the
 * adapter (ws.ts) asks and reports, these keep the counts.
 */

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
