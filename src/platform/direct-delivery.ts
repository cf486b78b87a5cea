/**
 * Takes a value where the consumer has it: nothing to return when it is taken at once, or a
 * promise that settles once it is (a socket with a backlog). It never throws.
 */
export type Sink<T> = (value: T) => undefined | Promise<void>;

/**
 * An async iterator whose values can instead be handed to a sink as they come: the push path a
 * transport takes when it writes each value out itself (one JSON text per shared result and
 * one socket write, bench/CHANGES.md), instead of pulling values one at a time through a
 * promise per layer and per value. Once a sink is set, `next()` no longer yields values: it
 * settles with the stream's end (done, or the error the iterator would have thrown, or a last
 * value a layer makes of a failure), so a consumer that keeps calling `next()` sees the end,
 * the last value and the errors where it always did; `return()` still ends the stream.
 */
export interface DirectDelivery<T> extends AsyncIterator<T> {
  /**
   * Hands every later value to `sink` instead of `next()`, in order, each after the one before
   * it was taken. Only before the first `next()`: false (and nothing changed) after it.
   */
  deliverTo(sink: Sink<T>): boolean;
}

export function deliversDirectly<T>(iterator: unknown): iterator is DirectDelivery<T> {
  return typeof (iterator as Partial<DirectDelivery<T>> | null)?.deliverTo === 'function';
}
