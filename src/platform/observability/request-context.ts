import { randomUUID } from 'node:crypto';

/**
 * What is known about the HTTP request being served, filled in as it goes through the app:
 * the fetch wrapper (app/observe-http.ts) creates it, the GraphQL plugin
 * (graphql/use-observability.ts) adds the operation and the verified viewer, and the request's log
 * line and its error lines carry its id.
 *
 * It is kept beside the `Request` object itself, which everything in between hands on: Yoga puts
 * it in the GraphQL context (`context.request`) and the REST shim passes it to the operations it
 * runs. Not an AsyncLocalStorage: on Node 20 one turns on promise hooks for every promise the
 * process creates, which costs every request CPU (bench/CHANGES.md).
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
  /**
   * What served it, for logs and metrics: the pattern of the route or path that took it
   * (`/v1/connections/:userId/active`), set by whoever routed it; never the raw path, which
   * carries ids (and would grow the metrics forever).
   */
  route?: string;
}

const infos = new WeakMap<Request, RequestInfo>();

/** Starts the record of a request being served: its id, from the caller's header or new. */
export function beginRequest(request: Request): RequestInfo {
  const info: RequestInfo = { id: requestIdFrom(request.headers) };
  infos.set(request, info);
  return info;
}

/** The record of an HTTP request being served; undefined for WebSocket operations and calls without one. */
export function requestInfo(request: Request | undefined): RequestInfo | undefined {
  return request ? infos.get(request) : undefined;
}

/** Notes what served the request (see `RequestInfo.route`); the most specific router sets it last. */
export function noteRoute(request: Request, route: string): void {
  const info = infos.get(request);
  if (info) info.route = route;
}

/** Log fields naming the request a line is about, when there is one. */
export function requestFields(request: Request | undefined): { requestId?: string } {
  const info = requestInfo(request);
  return info ? { requestId: info.id } : {};
}

/** A caller's id is echoed only when it is short and plain, so logs and headers carry no junk. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when sane, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given !== null && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
