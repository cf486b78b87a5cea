import { GraphQLError } from 'graphql';
import type { PresenceEngine } from '../modules/presence/presence.engine.js';
import { MISSING_TOKEN_MESSAGE } from '../platform/auth/authenticate.js';
import type { Viewer } from '../platform/auth/viewer.js';
import type { Deps } from '../platform/deps.js';
import type { EventHub } from '../platform/events/hub.js';
import type { Loaders } from './loaders.js';

/** What every resolver sees for one request: what the services work with (`Deps`), and the live parts. */
export interface Context extends Deps {
  /** This instance's live subscribers, by user. */
  hub: EventHub;
  /** Who is online, wherever presence lives (memory, PostgreSQL or Redis). */
  presence: PresenceEngine;
  /** How long a subscription waits for its client to take an event before dropping it. */
  subscriptionStallMs: number;
  /** Drops the transport of a client that stopped reading: its WebSocket, or its SSE connection. */
  disconnectSlowConsumer?: (() => void) | undefined;
  /** Null when the request carried no token; resolvers that touch data call `requireViewer`. */
  viewer: Viewer | null;
  loaders: Loaders;
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': 'Bearer' } } },
  });
}

/** The caller, or a 401 when the request carried no token. */
export function requireViewer(context: Context): Viewer {
  if (!context.viewer) throw unauthenticated(MISSING_TOKEN_MESSAGE);
  return context.viewer;
}
