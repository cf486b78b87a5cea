import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest } from '../platform/observability/request-context.js';
import { createRouter } from '../rest/router.js';
import { routes } from '../rest/routes.js';

/** Paths served as they are (no parameters): their own route label. */
const FIXED_PATHS = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/v1/openapi.json', '/docs']);
/** Probes and scrapes, every few seconds: logged at debug so they do not drown the requests. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The route label of a path: the REST pattern (`/v1/connections/:userId/active`), a fixed path,
 * or `unmatched`. Never the raw path, which carries ids (and would grow the metrics forever).
 */
export function routeLabeler(): (method: string, pathname: string) => string {
  const match = createRouter(routes);
  return (method, pathname) => {
    if (FIXED_PATHS.has(pathname)) return pathname;
    if (pathname.startsWith('/docs/')) return '/docs/*';
    if (pathname === '/v1' || pathname.startsWith('/v1/')) {
      const found = match(method, pathname);
      if (found.kind === 'found') return found.route.path;
      if (found.kind === 'method-not-allowed') return 'method-not-allowed';
    }
    return 'unmatched';
  };
}

/** The REST error `code` of an error response (`{error, message, code}`), read from a copy. */
async function restErrorCode(response: Response): Promise<string | undefined> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps the app's fetch handler, the one place every HTTP request passes: gives the request its
 * id (answered in `x-request-id`) and its record (see request-context.ts), where the layers below
 * note the operation and the viewer, then writes its one log line and records its metrics. The
 * duration is until the response headers (a streaming SSE response is timed until it starts).
 */
export function observeRequests(
  handle: (request: Request) => Promise<Response>,
  options: { logger: Logger; metrics: Metrics | undefined },
): (request: Request) => Promise<Response> {
  const { logger, metrics } = options;
  const routeOf = routeLabeler();
  return async (request) => {
    const info = beginRequest(request);
    const started = performance.now();
    const response = await handle(request);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    response.headers.set('x-request-id', info.id);
    const { pathname } = new URL(request.url);
    const route = routeOf(request.method, pathname);
    const status = response.status;
    metrics?.httpDuration.observe({ method: request.method, route, status: String(status) }, durationMs / 1000);
    if (metrics && status >= 400 && route !== '/graphql') {
      const code = await restErrorCode(response);
      if (code) metrics.errors.inc({ source: 'rest', code });
    }
    const line = {
      requestId: info.id,
      method: request.method,
      route,
      status,
      durationMs,
      ...(info.operationName !== undefined && { operationName: info.operationName }),
      ...(info.operationType !== undefined && { operationType: info.operationType }),
      ...(info.tenant !== undefined && { tenant: info.tenant, user: info.user }),
    };
    if (QUIET_PATHS.has(pathname)) logger.debug('request', line);
    else logger.info('request', line);
    return response;
  };
}
