import { type ExecutionArgs, type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { requestFields, requestInfo } from '../platform/observability/request-context.js';
import { logGraphQLFailure } from './failures.js';
import type { SubscriptionWatch } from './subscription-lifetime.js';

/** The same error with `requestId` added to a copy of its extensions (never shared objects). */
function withRequestId(error: GraphQLError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: { ...error.extensions, requestId },
  });
}

/**
 * Subscriptions running and the messages they send, counted by the stream itself (one for all
 * streams: subscription-events.ts), which tells it of each start, result and end once.
 */
export function subscriptionMetrics(metrics: Metrics | undefined): SubscriptionWatch | undefined {
  if (!metrics) return undefined;
  return {
    started: () => metrics.activeSubscriptions.inc(),
    delivered: () => metrics.messagesDelivered.inc(),
    ended: () => metrics.activeSubscriptions.dec(),
  };
}

/** Notes the verified viewer on the request being served, for its log line. */
export function noteViewer(request: Request | undefined, viewer: Viewer | null | undefined): void {
  const info = requestInfo(request);
  if (viewer && info) {
    info.tenant = viewer.tenant;
    info.user = viewer.subject;
  }
}

/**
 * Starts observing a query's or mutation's execution: notes the operation on the request being
 * served and times it. The function it answers is handed the result: it stops the timer and logs
 * the failures behind its errors, with the request id, before they are masked.
 */
export function observeExecution(
  options: { metrics: Metrics | undefined; logger: Logger },
  args: Pick<ExecutionArgs, 'document' | 'operationName'> & { contextValue: { request?: Request } },
): (result: ExecutionResult | AsyncIterable<unknown>) => void {
  const { metrics } = options;
  const operation = getOperationAST(args.document, args.operationName);
  const { request } = args.contextValue;
  const info = requestInfo(request);
  if (info && operation) {
    info.operationType = operation.operation;
    if (operation.name) info.operationName = operation.name.value;
  }
  const stop = metrics?.graphqlDuration.startTimer({
    operation_name: metrics.operationLabel(operation?.name?.value ?? args.operationName),
    operation_type: operation?.operation ?? 'unknown',
  });
  return (result) => {
    stop?.();
    // Seen here before they are masked, so the log line can name the request.
    if (isAsyncIterable(result)) return;
    for (const error of result.errors ?? []) logGraphQLFailure(options.logger, error, requestFields(request));
  };
}

/**
 * The gateway's envelop plugin for observability. For every operation (HTTP, the REST shim,
 * WebSocket and SSE): notes the operation and the verified viewer on the request being served
 * (for its log line), times queries and mutations (subscriptions are counted by
 * `subscriptionMetrics`). Logs the failures behind errors with the request id. For GraphQL
 * over HTTP: adds the request id to every error (`extensions.requestId`) and counts errors by
 * `extensions.code`.
 */
export function useObservability(options: { metrics: Metrics | undefined; logger: Logger }): Plugin {
  const { metrics } = options;
  return {
    onContextBuilding() {
      return ({ context }) => noteViewer(context.request, (context as { viewer?: Viewer | null }).viewer);
    },
    onExecute({ args }) {
      const done = observeExecution(options, args);
      return { onExecuteDone: ({ result }) => done(result) };
    },
    onSubscribe({ args }) {
      // A subscription over HTTP (SSE) has a request and its log line; one over WebSocket not.
      const info = requestInfo(args.contextValue.request);
      const operation = info && getOperationAST(args.document, args.operationName);
      if (info && operation) {
        info.operationType = operation.operation;
        if (operation.name) info.operationName = operation.name.value;
      }
    },
    onResultProcess({ request: httpRequest, result, setResult }) {
      const request = requestInfo(httpRequest);
      if (!request || isAsyncIterable(result)) return;
      const decorate = (one: ExecutionResult): ExecutionResult => {
        if (!one.errors?.length) return one;
        for (const error of one.errors) {
          const code = error.extensions?.code;
          metrics?.errors.inc({ source: 'graphql', code: typeof code === 'string' ? code : 'UNKNOWN' });
        }
        return {
          ...one,
          errors: one.errors.map((error) => withRequestId(error, request.id)),
        };
      };
      setResult(Array.isArray(result) ? result.map(decorate) : decorate(result as ExecutionResult));
    },
  };
}
