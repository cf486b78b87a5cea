import type { Graph } from './fixture.js';
import type { Outcome } from './runners.js';

/**
 * An outcome as data a client compares: JSON, without what only says which request it was
 * (`extensions.requestId`) or what the transport consumed (`extensions.http`, which Yoga
 * turns into the response status and never sends).
 */
export function comparable(outcome: Outcome): unknown {
  return JSON.parse(JSON.stringify(outcome), (key, value) => {
    // Field errors are listed as their fields fail, and fields resolve concurrently: the order
    // of a result's errors is not part of it.
    if (key === 'errors' && Array.isArray(value)) return [...value].sort(byPathAndMessage);
    if (key !== 'extensions' || typeof value !== 'object' || value === null) return value;
    const { requestId: _requestId, http: _http, ...rest } = value as Record<string, unknown>;
    return Object.keys(rest).length > 0 ? rest : undefined;
  });
}

function byPathAndMessage(a: unknown, b: unknown): number {
  const key = (error: unknown) => {
    const { path, message } = error as { path?: unknown; message?: unknown };
    return JSON.stringify([path ?? [], message ?? '']);
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** Friend codes are drawn at random for each user: twins hold different ones. */
const FRIEND_CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
/** Public ids are opaque integers far longer than any count or page number. */
const LONG_NUMBER = /\d{8,}/g;

function isPageCursor(value: string): boolean {
  if (!/^[A-Za-z0-9_-]{8,}$/.test(value)) return false;
  return /^\d+:\d+$/.test(Buffer.from(value, 'base64url').toString());
}

/**
 * Twin graphs (built alike in two tenants) hold the same rows under other ids, times and friend
 * codes: the outcome with every id named (the graph's own by what they are, new ones by order of
 * first appearance), every time, page cursor and friend code replaced by a placeholder. Two
 * outcomes of twins are equal once named alike.
 */
export function namedForTwin(outcome: Outcome, graph: Graph): unknown {
  const names = new Map<string, string>([
    [graph.ids.connectionWithBob, '<connection alice-bob>'],
    [graph.ids.requestFromCarol, '<request carol→alice>'],
    [graph.ids.requestToDave, '<request alice→dave>'],
    [graph.ids.requestFromGina, '<request gina→alice>'],
    ...graph.ids.notifications.map((id, index) => [id, `<notification ${index}>`] as [string, string]),
  ]);
  const nameOf = (id: string) => {
    let name = names.get(id);
    if (!name) {
      name = `<new id ${names.size}>`;
      names.set(id, name);
    }
    return name;
  };
  return JSON.parse(JSON.stringify(comparable(outcome)), (_key, value) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1e7) return nameOf(String(value));
    if (typeof value !== 'string') return value;
    if (DATE_TIME.test(value)) return '<time>';
    if (FRIEND_CODE.test(value)) return '<friend code>';
    if (isPageCursor(value)) return '<cursor>';
    return value.replace(LONG_NUMBER, nameOf);
  });
}

/** When a request ran: from just before the reference ran it to just after the gateway answered. */
export interface Moment {
  from: number;
  to: number;
}

/**
 * Whether two outcomes of one request are the same, but for the times each side read as "now"
 * (a user online was last seen now): two different date-times at the same place are taken as
 * equal only when both fall within the moment the request ran. A time of anything made before
 * the request (a connection's `connectedSince`) is outside it, and must be equal to the
 * millisecond.
 */
export function sameAtTheMoment(gateway: unknown, reference: unknown, moment: Moment): boolean {
  if (typeof gateway === 'string' && typeof reference === 'string') {
    if (gateway === reference) return true;
    if (!DATE_TIME.test(gateway) || !DATE_TIME.test(reference)) return false;
    const within = (value: string) => {
      const time = Date.parse(value);
      return time >= moment.from && time <= moment.to;
    };
    return within(gateway) && within(reference);
  }
  if (Array.isArray(gateway) || Array.isArray(reference)) {
    return (
      Array.isArray(gateway) &&
      Array.isArray(reference) &&
      gateway.length === reference.length &&
      gateway.every((item, i) => sameAtTheMoment(item, reference[i], moment))
    );
  }
  if (typeof gateway === 'object' && gateway !== null && typeof reference === 'object' && reference !== null) {
    const keys = Object.keys(gateway).sort();
    const others = Object.keys(reference).sort();
    return (
      keys.length === others.length &&
      keys.every((key, i) => key === others[i]) &&
      keys.every((key) =>
        sameAtTheMoment((gateway as Record<string, unknown>)[key], (reference as Record<string, unknown>)[key], moment),
      )
    );
  }
  return Object.is(gateway, reference);
}
