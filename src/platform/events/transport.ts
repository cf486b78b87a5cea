import type { DomainEvent, EventPublisher } from './events.js';

export interface EventSink {
  /** A committed event, in commit order. */
  onEvent(event: DomainEvent): void;
  /**
   * Delivery was interrupted (the listening connection dropped and came back): events may
   * have been missed, so every subscriber re-reads from its last delivered position.
   */
  onGap(): void;
}

/**
 * How committed events travel from the instance that wrote them to every instance with
 * subscribers. The default is PostgreSQL NOTIFY (`pg-notify.ts`); a broker (Redis, NATS) can
 * take its place behind the same interface (see docs/REALTIME.md for the trade-off).
 */
export interface EventTransport extends EventPublisher {
  /** Starts delivering every committed event to `sink`. Throws if it cannot listen at all. */
  start(sink: EventSink): Promise<void>;
  /** Stops listening; no event reaches the sink afterwards. */
  stop(): Promise<void>;
}
