import { isDatabaseUnavailable } from '../platform/db/availability.js';
import { databaseUnavailable, errorResponse, type Response } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import { noteRoute, requestFields } from '../platform/observability/request-context.js';

/** A handler for one path, or for every path under a prefix (`/v1` serves `/v1` and `/v1/…`). */
export interface Mount {
  path: string;
  /** Serves the paths under `path` too. */
  prefix?: boolean;
  /** Only this method (others fall through to 404 like an unknown path). */
  method?: string;
  handle: (request: Request) => Response | Promise<Response>;
}

/**
 * The app's top-level routing: each request goes to the first mount that takes its path; no
 * mount is `404 ROUTE_NOT_FOUND`. Whatever a handler throws is answered here in the documented
 * envelope: a database outage as 503 with Retry-After, anything else as 500 (logged, never shown).
 */
export function dispatch(mounts: readonly Mount[], logger: Logger) {
  const under = (mount: Mount, pathname: string) => mount.prefix === true && pathname.startsWith(`${mount.path}/`);
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    try {
      const mount = mounts.find((candidate) => candidate.path === pathname || under(candidate, pathname));
      // The mount's pattern labels the request; a handler that routes further (REST) refines it.
      if (mount) noteRoute(request, under(mount, pathname) ? `${mount.path}/*` : mount.path);
      if (mount && (mount.method === undefined || mount.method === request.method)) return await mount.handle(request);
      return errorResponse('ROUTE_NOT_FOUND', `No route for ${request.method} ${pathname}`);
    } catch (error) {
      return failureResponse(error, request, pathname, logger);
    }
  };
}

/**
 * The answer to a request whose handler threw, in the documented envelope: a database outage as
 * 503 with Retry-After, anything else as 500 (logged, never shown). For every path, whichever
 * way it was served (dispatch above, or app/graphql-post.ts straight from node:http).
 */
export function failureResponse(error: unknown, request: Request, pathname: string, logger: Logger): Response {
  // A client that hung up mid-request aborts it; there is no one left to answer.
  if (request.signal?.aborted) {
    logger.debug('client went away', { ...requestFields(request), path: pathname });
    return errorResponse('INTERNAL_SERVER_ERROR', 'Request aborted.');
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn('database unavailable', { ...requestFields(request), path: pathname, error: String(error) });
    return databaseUnavailable();
  }
  logger.error('unhandled error', {
    ...requestFields(request),
    path: pathname,
    error: error instanceof Error ? error.stack : String(error),
  });
  return errorResponse('INTERNAL_SERVER_ERROR', 'Unexpected error.');
}
