import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest, type RequestInfo } from '../platform/observability/request-context.js';

/** Probes and scrapes, every few seconds: logged at debug so they do not drown the requests. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The REST error `code` of an error answer's body (`{error, message, code}`), if it has one. */
function restErrorCode(contentType: string | null, body: string | null): string | undefined {
  if (body === null || !contentType?.includes('application/json')) return undefined;
  try {
    const parsed = JSON.parse(body) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Counts a REST error answer by its code (`errors{source="rest"}`): for every path but /graphql,
 * whichever way it was served (observeRequests below, or app/rest-direct.ts).
 */
export function countRestError(
  metrics: Metrics | undefined,
  answer: { status: number; contentType: string | null; body: string | null },
): void {
  if (!metrics || answer.status < 400) return;
  const code = restErrorCode(answer.contentType, answer.body);
  if (code) metrics.errors.inc({ source: 'rest', code });
}

/**
 * Wraps the app's fetch handler, the one place every HTTP request passes: gives the request its
 * id (answered in `x-request-id`) and its record (see request-context.ts), where the layers below
 * note the operation and the viewer, then writes its one log line and records its metrics. The
 * duration is until the response headers (a streaming SSE response is timed until it starts).
 */
export function observeRequests(
  handle: (request: Request) => Promise<Response>,
  options: ObserveOptions,
): (request: Request) => Promise<Response> {
  const { metrics } = options;
  return async (request) => {
    const info = beginRequest(request);
    const started = performance.now();
    const response = await handle(request);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    response.headers.set('x-request-id', info.id);
    const { pathname } = new URL(request.url);
    const status = response.status;
    if (metrics && status >= 400 && (info.route ?? 'unmatched') !== '/graphql') {
      const contentType = response.headers.get('content-type');
      const body = contentType?.includes('application/json') ? await response.clone().text() : null;
      countRestError(metrics, { status, contentType, body });
    }
    recordRequest(options, { method: request.method, pathname, status, durationMs, info });
    return response;
  };
}

export interface ObserveOptions {
  logger: Logger;
  metrics: Metrics | undefined;
}

/**
 * A finished request's one log line and its duration metric: for every request, whichever way
 * it was served (observeRequests above, or app/graphql-post.ts straight from node:http).
 */
export function recordRequest(
  options: ObserveOptions,
  request: { method: string; pathname: string; status: number; durationMs: number; info: RequestInfo },
): void {
  const { method, pathname, status, durationMs, info } = request;
  // What the routers noted (app/dispatch.ts, then the REST handler); nothing took it: unmatched.
  const route = info.route ?? 'unmatched';
  options.metrics?.httpDuration.observe({ method, route, status: String(status) }, durationMs / 1000);
  const line = {
    requestId: info.id,
    method,
    route,
    status,
    durationMs,
    ...(info.operationName !== undefined && { operationName: info.operationName }),
    ...(info.operationType !== undefined && { operationType: info.operationType }),
    ...(info.tenant !== undefined && { tenant: info.tenant, user: info.user }),
  };
  if (QUIET_PATHS.has(pathname)) options.logger.debug('request', line);
  else options.logger.info('request', line);
}
