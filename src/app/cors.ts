import { errorResponse, Response } from '../platform/http/errors.js';

/** Methods the API answers to across /v1, /graphql and the health checks. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Request headers a browser may send cross-origin. Authorization is named explicitly: a
 * wildcard would not cover it. The CSRF header is what a GraphQL GET must carry.
 */
export const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'idempotency-key',
  'x-request-id',
  'x-graphql-yoga-csrf',
];

/** Response headers browser code may read: when to retry, and why a token was refused. */
const EXPOSED_HEADERS = 'retry-after, www-authenticate, allow, x-request-id';

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Which browser origins may call the API (`CORS_ORIGINS`): `*` for any, a list of exact
 * origins, or none at all (no CORS headers: only same-origin pages and non-browser clients).
 * One policy for every path, so /v1, /graphql and the health checks never disagree.
 */
export class CorsPolicy {
  private readonly anyOrigin: boolean;
  private readonly origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.anyOrigin = origins.includes('*');
    this.origins = new Set(origins.filter((origin) => origin !== '*'));
  }

  allows(origin: string): boolean {
    return this.anyOrigin || this.origins.has(origin);
  }

  /** A browser's preflight: OPTIONS announcing the method it means to use. */
  static isPreflight(request: Request): boolean {
    return (
      request.method === 'OPTIONS' &&
      request.headers.has('origin') &&
      request.headers.has('access-control-request-method')
    );
  }

  /**
   * The answer to a preflight: 204 with what the origin may do, or 403 (documented body) for
   * an origin that is not allowed, so the refusal is visible in the browser's network panel.
   */
  preflight(request: Request): Response {
    const origin = request.headers.get('origin') ?? '';
    if (!this.allows(origin)) {
      const refused = errorResponse('FORBIDDEN', `Origin ${origin} is not allowed to call this API`);
      this.vary(refused.headers);
      return refused;
    }
    const response = new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_REQUEST_HEADERS.join(', '),
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        // Some browsers wait for a body on a 204 without it.
        'content-length': '0',
      },
    });
    this.allowOrigin(response.headers, origin);
    this.vary(response.headers);
    return response;
  }

  /** Adds the CORS headers an actual (non-preflight) response needs for its request's origin. */
  decorate(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    this.vary(response.headers);
    if (origin === null || !this.allows(origin)) return response;
    this.allowOrigin(response.headers, origin);
    response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    return response;
  }

  private allowOrigin(headers: Headers, origin: string): void {
    // Tokens travel in Authorization, never in cookies, so credentials are not allowed and
    // `*` can be answered as is.
    headers.set('access-control-allow-origin', this.anyOrigin ? '*' : origin);
  }

  /** A listed origin is echoed back, so caches must keep one answer per Origin. */
  private vary(headers: Headers): void {
    if (this.anyOrigin || this.origins.size === 0) return;
    const vary = headers.get('vary');
    if (!vary?.toLowerCase().includes('origin')) headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
  }
}
