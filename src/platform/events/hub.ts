import { type DomainEvent, recipientsOf } from './events.js';
import type { EventSink } from './transport.js';

/**
 * Fans events out to this instance's subscribers, in memory, by tenant and user: an event
 * reaches only the listeners of the users it names, in the tenant it names.
 */
export class EventHub implements EventSink {
  readonly #listeners = new Map<string, Set<EventSink>>();
  readonly #everything = new Set<EventSink>();

  /** Hears every event and every gap, whoever they concern (presence watchers index their own). */
  subscribeAll(listener: EventSink): () => void {
    this.#everything.add(listener);
    return () => this.#everything.delete(listener);
  }

  /** Listens to one user's events; returns the function that stops listening. */
  subscribe(tenant: string, userId: number, listener: EventSink): () => void {
    const key = `${tenant}\u0000${userId}`;
    let listeners = this.#listeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(key) === listeners) this.#listeners.delete(key);
    };
  }

  onEvent(event: DomainEvent): void {
    for (const listener of [...this.#everything]) listener.onEvent(event);
    // Presence goes to the user's watchers (its connections), not to the user's own streams.
    if (event.kind === 'presence_changed') return;
    for (const userId of recipientsOf(event)) {
      const listeners = this.#listeners.get(`${event.tenant}\u0000${userId}`);
      if (listeners) for (const listener of [...listeners]) listener.onEvent(event);
    }
  }

  onGap(): void {
    for (const listener of [...this.#everything]) listener.onGap();
    for (const listeners of [...this.#listeners.values()]) for (const listener of [...listeners]) listener.onGap();
  }

  /** Users with at least one listener on this instance. */
  get userCount(): number {
    return this.#listeners.size;
  }
}
