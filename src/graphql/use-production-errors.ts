import { type ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * graphql-js's "Did you mean …?" sentence (`didYouMean`), in every form it takes: one name, two
 * (`"A" or "B"`), a list (`"A", "B", or "C"`), with or without a lead-in (`the enum value`, `to
 * use an inline fragment on`). It follows field, argument, type and input-field names and enum
 * values, in validation errors and in the errors of variables coerced at execution.
 */
const SUGGESTION = / ?Did you mean (?:[a-z][a-z ]* )?"[^"]*"(?:(?:, or |, | or )"[^"]*")*\?/g;

/** A message without its "Did you mean …?" sentences. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * The error as production answers it: no suggestion in its message and no `originalError` in
 * its extensions (Yoga's JSON body parser puts the parser's own message there, which quotes the
 * body). The error's `originalError` property stays for the log: it is never serialized.
 */
function redacted(error: GraphQLError): GraphQLError {
  const message = withoutSuggestions(error.message);
  const hasOriginal = error.extensions !== undefined && 'originalError' in error.extensions;
  if (message === error.message && !hasOriginal) return error;
  const { originalError: _dropped, ...extensions } = error.extensions ?? {};
  // Yoga answers a request error with its `http.status` (400) only while `originalError` is
  // there; without it, `spec: true` would make the answer to `Accept: application/json` a 200.
  const http = extensions.http as Record<string, unknown> | undefined;
  if (hasOriginal && http) extensions.http = { ...http, spec: false };
  return new GraphQLError(message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions,
  });
}

/** The result as production answers it (every transport; subscriptions' through subscription-events.ts). */
export function redactedResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => (error instanceof GraphQLError ? redacted(error) : error)) };
}

/**
 * Production's error answers: no "Did you mean …?" hint (they map the schema for someone who
 * cannot introspect it, one guess at a time: even a placeholder in their place tells that a
 * close name exists) and no `extensions.originalError`, on every transport. graphql-armor's
 * `blockFieldSuggestion` only masks the field form in validation errors: not enum values, not
 * the inline-fragment hint, not the errors of variables (graphql-armor issue #759).
 *
 * Four places, so that no path is missed: validation (every transport, the REST shim too),
 * execution results (graphql-ws gets its results from these, never from Yoga's HTTP result
 * processing), subscription results (`redactedResult`, which the gateway's subscriptions finish
 * their results with: subscription-events.ts), and Yoga's HTTP results (POST, GET, SSE,
 * batches), where the errors of Yoga's own request parsing (a malformed JSON body) appear and
 * nowhere else.
 */
export function useProductionErrors(): Plugin {
  const redactOne = ({ result, setResult }: { result: ExecutionResult; setResult: (r: ExecutionResult) => void }) => {
    const redactedOne = redactedResult(result);
    if (redactedOne !== result) setResult(redactedOne);
  };
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map((error) => (error instanceof GraphQLError ? redacted(error) : error)));
      };
    },
    onExecute() {
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, redactOne) };
    },
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) return;
      setResult(Array.isArray(result) ? result.map(redactedResult) : redactedResult(result as ExecutionResult));
    },
  };
}
