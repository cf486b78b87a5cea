import type { Trx } from '../db/database.js';

/** A user's presence as its connections see it (the presence module's PresenceView, as JSON). */
export interface PresenceViewPayload {
  status: string;
  activity: string | null;
  joinInfo: { [key: string]: unknown } | null;
  lastSeenAt: number | null;
}

/**
 * What changed, for live subscribers. Events carry ids, never documents: a subscriber reads
 * what it shows from the database, so an event is small (NOTIFY payloads are limited to 8000
 * bytes) and can never show data its reader may not see. Presence is the exception: it is
 * state no table holds (with Redis, or in memory), so its event carries it, at most about 2 KB,
 * and says only what every connection of the user may see. User ids are internal row ids.
 */
export type DomainEvent =
  /** The user's notification number `seq` (see NotificationsTable.seq) committed. */
  | { kind: 'notification'; tenant: string; userId: number; seq: number }
  /** Some of the user's notifications became read. */
  | { kind: 'notifications_read'; tenant: string; userId: number }
  | { kind: 'connection_created'; tenant: string; connectionId: number; userIds: [number, number] }
  | { kind: 'connection_removed'; tenant: string; connectionId: number; userIds: [number, number] }
  /** A pending request left the pending state without an answer: withdrawn, or expired. */
  | { kind: 'request_closed'; tenant: string; requestId: number; userIds: [number, number] }
  /** The user blocked or unblocked `otherUserId` (told to the user's own sessions only). */
  | { kind: 'block_changed'; tenant: string; userId: number; otherUserId: number; blocked: boolean }
  /** What the user's connections see of its presence changed (null: it hides it from them). */
  | { kind: 'presence_changed'; tenant: string; userId: number; view: PresenceViewPayload | null };

/** The users an event concerns: who may hear of it. */
export function recipientsOf(event: DomainEvent): number[] {
  return 'userIds' in event ? event.userIds : [event.userId];
}

export interface EventPublisher {
  /**
   * Publishes `events` (in order) if and when the transaction `trx` commits: never for a change
   * that rolled back. Throws if they cannot be queued, which rolls the change back too. Several
   * events take one statement (a notification sent to a thousand users).
   */
  publish(trx: Trx, ...events: DomainEvent[]): Promise<void>;
}
