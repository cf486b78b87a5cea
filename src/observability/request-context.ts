import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What is known about the HTTP request being served, filled in as it goes through the app:
 * the fetch wrapper (observability/http.ts) creates it, the GraphQL plugin
 * (observability/graphql.ts) adds the operation and the verified viewer, and the logger adds
 * `requestId` to every line written while the request is served.
 *
 * It travels in an AsyncLocalStorage rather than as an argument because the code in between
 * (the REST shim, Yoga, the resolvers) is not ours to thread it through; the wrapper runs the
 * whole request inside `requestContext.run`, so everything it awaits sees the same object.
 */
export interface RequestInfo {
  /** The `x-request-id` answered with: the caller's own when sane, else a fresh UUID. */
  readonly id: string;
  /** The GraphQL operation, when one was executed. */
  operationName?: string;
  operationType?: string;
  /** The verified viewer, once authenticated. */
  tenant?: string;
  user?: string;
}

export const requestContext = new AsyncLocalStorage<RequestInfo>();

/** The request being served, if any (undefined on WebSockets, timers and start-up). */
export function currentRequest(): RequestInfo | undefined {
  return requestContext.getStore();
}

/** A caller's id is echoed only when it is short and plain, so logs and headers carry no junk. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when sane, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given !== null && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
