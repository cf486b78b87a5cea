import type { DocumentNode } from 'graphql';
import { type Gateway, preparedQueriesOf } from '../graphql/yoga.js';
import { authenticate, MISSING_TOKEN_MESSAGE, UnauthenticatedError } from '../platform/auth/authenticate.js';
import type { TokenVerifier } from '../platform/auth/jwt.js';
import { actingUserId, type Viewer } from '../platform/auth/viewer.js';
import { ForbiddenError } from '../platform/errors.js';
import { databaseUnavailable, Response } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import { noteRoute, requestFields } from '../platform/observability/request-context.js';
import { parseInput } from './input-schema.js';
import { buildOpenApiDocument, OPENAPI_PATH, packageVersion } from './openapi.js';
import { createRouter, type RouteMatch } from './router.js';
import { actsAsPathUser, type Route, routes } from './routes.js';
import { restErrorResponse as errorResponse, type RestErrorCode, RestInputError } from './status.js';

/** Largest JSON body the REST shim reads; every documented body is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: unknown } }[];
}

async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new RestInputError('PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new RestInputError('PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RestInputError('INVALID_JSON', 'Request body is not valid JSON');
  }
}

/**
 * The /v1 REST shim. Each documented path runs one GraphQL operation through the gateway, as
 * the caller its Authorization header proves, and reshapes the result into the documented JSON.
 * Typed GraphQL errors become `{error, message, code}` with the status their code maps to.
 */
/** The label of a REST request: its route's pattern, never the path with its ids. */
function routeLabel(found: RouteMatch<Route>): string {
  if (found.kind === 'found') return found.route.path;
  return found.kind === 'method-not-allowed' ? 'method-not-allowed' : 'unmatched';
}

export function createRestHandler(gateway: Gateway, tokens: TokenVerifier, logger: Logger) {
  const match = createRouter(routes);
  const unauthorized = (message: string) => errorResponse('UNAUTHENTICATED', message, { 'www-authenticate': 'Bearer' });

  // The OpenAPI document, generated from the same route table on first request.
  let openApiJson: string | undefined;
  const openApi = (request: Request): Response => {
    if (request.method !== 'GET') {
      return errorResponse('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${OPENAPI_PATH}`, {
        allow: 'GET',
      });
    }
    openApiJson ??= JSON.stringify(
      buildOpenApiDocument(routes, { version: packageVersion(), maxBodyBytes: MAX_BODY_BYTES }),
    );
    return new Response(openApiJson, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  };

  // Each route's operation, parsed and validated once by the gateway's own pipeline.
  const documents = new Map<Route, DocumentNode>();
  const prepared = preparedQueriesOf(gateway);

  /**
   * Runs the route's operation through the gateway's envelop pipeline (context, execution,
   * error masking) in-process: the same engine as an HTTP GraphQL request, without encoding a
   * request and decoding a response in between.
   */
  async function execute(
    route: Route,
    variables: Record<string, unknown>,
    viewer: Viewer,
    request: Request,
  ): Promise<Response> {
    const query = route.operation.toString();
    // As over HTTP, an absent parameter is an absent variable (JSON would drop an undefined).
    const variableValues = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
    const params = { query, variables: variableValues };
    const envelopedFor = () => gateway.getEnveloped({ request, params, verifiedViewer: viewer });
    let document = documents.get(route);
    if (!document) {
      const enveloped = envelopedFor();
      const parsed: DocumentNode = enveloped.parse(query);
      const errors: readonly { message: string }[] = enveloped.validate(enveloped.schema, parsed);
      if (errors.length > 0) {
        throw new Error(`REST operation for ${route.path} is invalid: ${errors.map((e) => e.message).join('; ')}`);
      }
      documents.set(route, parsed);
      document = parsed;
    }
    // A read whose operation is compiled runs prepared, past envelop's hooks (prepared-queries.ts).
    let result = (await prepared?.runValidated(document, request, params, { verifiedViewer: viewer })) as
      | GraphQLResponseBody
      | undefined;
    if (!result) {
      const enveloped = envelopedFor();
      result = (await enveloped.execute({
        schema: enveloped.schema,
        document,
        variableValues,
        contextValue: await enveloped.contextFactory(),
      })) as GraphQLResponseBody;
    }
    const [firstError] = result.errors ?? [];
    if (firstError) {
      if (firstError.extensions?.code === 'UNAUTHENTICATED') return unauthorized(firstError.message);
      if (firstError.extensions?.code === 'SERVICE_UNAVAILABLE') return databaseUnavailable();
      // A user's read budget, checked before the operation runs (graphql/use-read-cost.ts).
      if (firstError.extensions?.code === 'RATE_LIMITED') {
        const retryAfter = firstError.extensions.retryAfterSeconds;
        return errorResponse(
          'RATE_LIMITED',
          firstError.message,
          typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : undefined,
        );
      }
      logger.error('REST operation failed', {
        ...requestFields(request),
        path: route.path,
        errors: result.errors?.map((e) => e.message),
      });
      return errorResponse('INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
    const field = Object.values(result.data ?? {})[0] as
      | { code?: RestErrorCode; message?: string; retryAfterSeconds?: number }
      | undefined;
    if (!field) return errorResponse('INTERNAL_SERVER_ERROR', 'Unexpected error.');
    if (field.code) {
      const retryAfter = field.retryAfterSeconds;
      return errorResponse(
        field.code,
        field.message ?? '',
        retryAfter ? { 'retry-after': String(retryAfter) } : undefined,
      );
    }
    const { status, body } = route.respond(field);
    return Response.json(body, { status });
  }

  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // The API's description is public: it needs no token.
    if (url.pathname === OPENAPI_PATH) {
      noteRoute(request, OPENAPI_PATH);
      return openApi(request);
    }
    const found = match(request.method, url.pathname);
    noteRoute(request, routeLabel(found));
    switch (found.kind) {
      case 'bad-path':
        return errorResponse('VALIDATION_FAILED', 'The path is not validly URL-encoded');
      case 'not-found':
        return errorResponse('ROUTE_NOT_FOUND', `No route for ${request.method} ${url.pathname}`);
      case 'method-not-allowed':
        return errorResponse('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${url.pathname}`, {
          allow: found.allow.join(', '),
        });
    }
    // Who is calling, and whether they may act as the path's user, is settled before the
    // request's own input is looked at: the same order as GraphQL, where the caller is known
    // before any argument is checked. A route that only looks its path's user up (any caller
    // of the tenant may) leaves that user to the domain.
    let viewer: Viewer | null;
    try {
      viewer = await authenticate(request, tokens);
      if (!viewer) return unauthorized(MISSING_TOKEN_MESSAGE);
      if (found.params.userId !== undefined && actsAsPathUser(found.route)) actingUserId(viewer, found.params.userId);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return unauthorized(error.message);
      if (error instanceof ForbiddenError) return errorResponse(error.code as RestErrorCode, error.message);
      throw error;
    }
    try {
      const { route } = found;
      const body = route.body ? await readJsonBody(request) : undefined;
      // Parsed by the route's declarations, the same ones its OpenAPI description is made of.
      const input = parseInput(route, { params: found.params, query: url.searchParams, body });
      const variables = route.variables(input as Parameters<Route['variables']>[0]) as Record<string, unknown>;
      // Every POST may be retried safely with an Idempotency-Key; its operation takes the key.
      const idempotencyKey = request.headers.get('idempotency-key');
      if (route.method === 'POST' && idempotencyKey !== null) variables.idempotencyKey = idempotencyKey;
      return await execute(route, variables, viewer, request);
    } catch (error) {
      if (error instanceof RestInputError) return errorResponse(error.code, error.message);
      throw error;
    }
  };
}
