import { type ExecutionResult, GraphQLError } from 'graphql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { dropConnection } from '../app/http-listener.js';
import { authenticate, UnauthenticatedError } from '../platform/auth/authenticate.js';
import type { TokenVerifier } from '../platform/auth/jwt.js';
import type { Viewer } from '../platform/auth/viewer.js';
import type { GraphQLLimits } from '../platform/config.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '../platform/db/availability.js';
import type { Deps } from '../platform/deps.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import type { ReadBudget } from '../platform/reads/read-budget.js';
import { type Context, unauthenticated } from './context.js';
import { logGraphQLFailure, UNEXPECTED_ERROR_MESSAGE } from './failures.js';
import { createLoaders } from './loaders.js';
import { PreparedQueries, usePreparedQueries } from './prepared-queries.js';
import { schema } from './schema.js';
import { useSubscriptionEvents } from './subscription-events.js';
import { useSubscriptionLifetime } from './subscription-lifetime.js';
import { OperationCompiler, useCompiledOperations } from './use-compiled-operations.js';
import { useCsrfPrevention } from './use-csrf.js';
import { useGraphQLLimits, useNoIntrospection } from './use-limits.js';
import { subscriptionMetrics, useObservability } from './use-observability.js';
import { usePresenceSessions } from './use-presence-sessions.js';
import { redactedResult, useProductionErrors } from './use-production-errors.js';
import { ReadCost, useReadCost } from './use-read-cost.js';
import { useMalformedParamsAsBadRequest } from './use-request-parse-errors.js';

/** What the gateway is built with: what every request's context shares, and its own settings. */
export interface GatewayOptions extends Deps, Pick<Context, 'hub' | 'presence' | 'subscriptionStallMs'> {
  tokens: TokenVerifier;
  graphiql: boolean;
  logger: Logger;
  /** Limits every document is held to before it runs, and the size of a batch. */
  graphqlLimits: GraphQLLimits;
  /** Each user's read budget, in cost units. */
  readBudget: ReadBudget;
  /** Whether `__schema` and `__type` may be queried. */
  introspection: boolean;
  /** The use of a (document, operation) at which it is compiled; 0: never (graphql/use-compiled-operations.ts). */
  compileAfter: number;
  /** Production hides what helps map the schema ("Did you mean ...?" hints) and parser details. */
  production: boolean;
  /** Where operation timings, subscriptions and error codes are counted; none when disabled. */
  metrics?: Metrics | undefined;
}

/**
 * What an in-process caller (the REST shim) may hand the gateway with a request: the viewer it
 * already verified from that request's own token, so the token is not verified twice.
 */
export interface GatewayServerContext {
  verifiedViewer?: Viewer;
  /** Set by the WebSocket adapter: drops the socket of a client that stopped reading. */
  disconnectSlowConsumer?: () => void;
  /** Set by the WebSocket adapter, which closes the whole socket when its token expires. */
  closesAtTokenExpiry?: boolean;
}

export type Gateway = YogaServerInstance<GatewayServerContext, Context>;

const preparedOf = new WeakMap<Gateway, PreparedQueries>();

/** The gateway's prepared queries (prepared-queries.ts), run by its JSON POST path (json-post.ts). */
export function preparedQueriesOf(gateway: Gateway): PreparedQueries | undefined {
  return preparedOf.get(gateway);
}

/** The request's viewer; credentials that do not hold are GraphQL's 401 UNAUTHENTICATED. */
async function authenticatedViewer(request: Request, tokens: TokenVerifier): Promise<Viewer | null> {
  try {
    return await authenticate(request, tokens);
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw unauthenticated(error.message);
    throw error;
  }
}

/**
 * The GraphQL engine: schema, authentication and per-request context. Both faces go through it;
 * its prepared queries (`preparedQueriesOf`) are run by the JSON POST path and the REST shim.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const compiler = new OperationCompiler(options.compileAfter);
  // Unexpected errors reach clients as "Unexpected error." only; the cause goes to the log.
  // A database that is away is not unexpected: the client is told to retry (503).
  const maskedError = (error: unknown, message: string): GraphQLError => {
    // Failures during execution were logged with their request id already (useObservability).
    logGraphQLFailure(options.logger, error);
    if (isDatabaseUnavailable(error)) {
      return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
        extensions: {
          code: 'SERVICE_UNAVAILABLE',
          // Socket and SSE clients cannot read the HTTP Retry-After.
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
          http: { status: 503, headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } },
        },
      });
    }
    // Never the cause (`originalError`, with its stack) in a response, whatever NODE_ENV says.
    // Yoga's maskError answers a GraphQLError (the error itself, or one it makes); typed as Error.
    return maskError(error, message, false) as GraphQLError;
  };
  // What Yoga's masking and production's redaction do to every other result, done to a
  // subscription's by its own stream (subscription-events.ts) and to a prepared query's
  // (prepared-queries.ts).
  const finishResult = (result: ExecutionResult): ExecutionResult => {
    const redacted = options.production ? redactedResult(result) : result;
    if (!redacted.errors?.length) return redacted;
    return { ...redacted, errors: redacted.errors.map((error) => maskedError(error, UNEXPECTED_ERROR_MESSAGE)) };
  };
  const contextFor = async ({
    request,
    verifiedViewer,
    disconnectSlowConsumer,
  }: GatewayServerContext & { request: Request }): Promise<Context> => {
    const viewer = verifiedViewer ?? (await authenticatedViewer(request, options.tokens));
    return {
      db: options.db,
      ids: options.ids,
      events: options.events,
      limits: options.limits,
      hub: options.hub,
      presence: options.presence,
      subscriptionStallMs: options.subscriptionStallMs,
      // Over WebSocket the adapter closes the socket; over HTTP (SSE) the connection is cut.
      disconnectSlowConsumer: disconnectSlowConsumer ?? (() => dropConnection(request)),
      viewer,
      loaders: createLoaders(options.db, viewer, options.presence),
    };
  };
  const readCost = new ReadCost({ maxCost: options.graphqlLimits.maxCost, budget: options.readBudget });
  const observability = { metrics: options.metrics, logger: options.logger };
  const prepared = new PreparedQueries({
    schema,
    compiler,
    readCost,
    contextFor,
    observability,
    finish: finishResult,
  });
  const gateway = createYoga<GatewayServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql && {
      title: 'User Connections',
      headers: JSON.stringify({ Authorization: 'Bearer <run: npm run token -- --sub user123>' }),
    },
    landingPage: false,
    // CORS is answered for every path, this one included, by the app's fetch wrapper.
    cors: false,
    // Every body is read and bounded before it gets here (http-listener.ts: 413 above
    // MAX_REQUEST_BODY_BYTES, on every path). Yoga's own limit would wrap each body in a
    // second stream pipeline only to count the same bytes again: a measurable share of a
    // request's CPU (bench/CHANGES.md).
    maxRequestBodySize: false,
    // An array of operations in one POST, each held to the limits, at most this many.
    batching: { limit: options.graphqlLimits.maxBatch },
    maskedErrors: { isDev: false, maskError: maskedError },
    logging: false,
    plugins: [
      useCsrfPrevention(),
      useMalformedParamsAsBadRequest(),
      useGraphQLLimits(options.graphqlLimits),
      useReadCost(readCost),
      // No "Did you mean ...?" and no `extensions.originalError` in production's answers.
      ...(options.production ? [useProductionErrors()] : []),
      ...(options.introspection ? [] : [useNoIntrospection()]),
      useCompiledOperations(compiler),
      usePreparedQueries(prepared),
      useSubscriptionLifetime(),
      usePresenceSessions(options.presence),
      useObservability(observability),
      // Last: it ends the subscription hooks (subscription-events.ts).
      useSubscriptionEvents(compiler, {
        finish: finishResult,
        watch: subscriptionMetrics(options.metrics),
      }),
    ],
    context: contextFor,
  });
  preparedOf.set(gateway, prepared);
  return gateway;
}
