import type { DomainEvent } from '../events/events.js';
import type { EventSink, EventTransport } from '../events/transport.js';
import type { Metrics } from './metrics.js';

/**
 * A published event carries `at`, the publisher's clock (ms since the epoch) when it was
 * queued in its transaction: a dozen bytes, for the delivery-lag histogram. Listeners ignore it.
 */
type Stamped = DomainEvent & { at?: number };

/**
 * The event transport, counted: events published by this instance, and the lag from publishing
 * to this instance's fan-out (clocks of instances are assumed in step; a negative lag from a
 * skewed clock is not recorded).
 */
export function observeTransport(transport: EventTransport, metrics: Metrics): EventTransport {
  return {
    async publish(trx, ...events) {
      const at = Date.now();
      await transport.publish(trx, ...events.map((event) => ({ ...event, at }) as Stamped));
      metrics.eventsPublished.inc(events.length);
    },
    ...(transport.inStatement && {
      inStatement(event) {
        const inner = (transport.inStatement as NonNullable<EventTransport['inStatement']>)({
          ...event,
          at: Date.now(),
        } as Stamped);
        return {
          ...inner,
          published() {
            inner.published();
            metrics.eventsPublished.inc();
          },
        };
      },
    }),
    start(sink: EventSink) {
      return transport.start({
        onEvent(event: Stamped) {
          if (typeof event.at === 'number') {
            const lag = Date.now() - event.at;
            if (lag >= 0) metrics.deliveryLag.observe(lag / 1000);
          }
          sink.onEvent(event);
        },
        onGap: () => sink.onGap(),
      });
    },
    stop: () => transport.stop(),
  };
}
