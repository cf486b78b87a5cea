import type { Trx } from '../db/database.js';

/** A user's presence as its connections see it (the presence module's PresenceView, as JSON). */
export interface PresenceViewPayload {
  status: string;
  activity: string | null;
  joinInfo: { [key: string]: unknown } | null;
  lastSeenAt: number | null;
}

/**
 * A database row as an event carries it through JSON: the names of its `Date` columns travel
 * with it, so that the receiver can make the row whole again whatever columns its table gains.
 */
export interface CarriedRowPayload {
  values: Record<string, unknown>;
  dates: string[];
}

/**
 * What changed, for live subscribers. Events carry ids, never documents: a subscriber reads
 * what it shows from the database, so an event is small (NOTIFY payloads are limited to 8000
 * bytes) and can never show data its reader may not see. Presence is the exception: it is
 * state no table holds (with Redis, or in memory), so its event carries it, at most about 2 KB,
 * and says only what every connection of the user may see; it may also carry the user's row
 * (under 1 KB), which the instance that made the change had just read, so that no instance
 * reads it again: a row, never an answer, resolved for each watcher as one read from the
 * database would be. User ids are internal row ids.
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
  | {
      kind: 'presence_changed';
      tenant: string;
      userId: number;
      view: PresenceViewPayload | null;
      row?: CarriedRowPayload;
    };

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
  /**
   * For a change one statement makes alone: `event` published from within that statement, so
   * that the change and its event commit together without a transaction around them (three
   * round trips fewer). The statement calls `pg_notify(channel, payload)` once if it changed
   * its row, and then `published()` is called. Absent where publishing takes statements of its
   * own (the Redis outbox): `publish` in a transaction then.
   */
  inStatement?(event: DomainEvent): InStatementEvent;
}

/** An event a data-changing statement publishes itself (EventPublisher.inStatement). */
export interface InStatementEvent {
  channel: string;
  payload: string;
  /** The statement changed its row (and so notified): count the event as published. */
  published(): void;
}
