import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOperationRunner, jsonPostParams, type ProcessedResponse } from '../graphql/json-post.js';
import type { Gateway } from '../graphql/yoga.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest, noteRoute } from '../platform/observability/request-context.js';
import type { CorsPolicy } from './cors.js';
import { failureResponse } from './dispatch.js';
import { RequestView, writeAnswer } from './node-request.js';
import { recordRequest } from './observe-http.js';

/*
 * POST /graphql as nearly every client sends it (one JSON operation, answered as JSON), served
 * straight from node:http: no Fetch Request, Headers or Response per call, which cost a measurable
 * share of the request's CPU (bench/CHANGES.md). Everything the app does to every request is done
 * here by the same functions the Fetch path uses: the request id and access record
 * (request-context.ts, observe-http.ts `recordRequest`), CORS (`CorsPolicy.decorate`), failures
 * in the documented envelope (dispatch.ts `failureResponse`); the GraphQL work is Yoga's own
 * (graphql/json-post.ts). What this path declines (graphql/json-post.ts says what) goes the Fetch
 * way, as before.
 */

const PATH = '/graphql';

export interface GraphQLPostOptions {
  gateway: Gateway;
  cors: CorsPolicy;
  logger: Logger;
  metrics: Metrics | undefined;
}

/**
 * The handler node:http hands a request with its body read: true when it took the request, false
 * when the request is the Fetch path's.
 */
export function createGraphQLPost(options: GraphQLPostOptions) {
  const run = createOperationRunner(options.gateway);

  async function serve(incoming: IncomingMessage, response: ServerResponse, params: Parameters<typeof run>[1]) {
    const request = new RequestView(incoming, undefined).asRequest();
    const info = beginRequest(request);
    noteRoute(request, PATH);
    const started = performance.now();
    let answer: ProcessedResponse | Response;
    try {
      answer = await run(request, params);
    } catch (error) {
      answer = failureResponse(error, request, PATH, options.logger);
    }
    options.cors.decorate(request, answer as Response);
    answer.headers.set('x-request-id', info.id);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const body =
      typeof answer.body === 'string' || answer.body === null ? answer.body : await (answer as Response).text();
    writeAnswer(response, answer.status, answer.headers, body);
    recordRequest(options, { method: 'POST', pathname: PATH, status: answer.status, durationMs, info });
  }

  return (incoming: IncomingMessage, response: ServerResponse, body: Buffer | undefined): boolean => {
    if (incoming.url !== PATH) return false;
    const params = jsonPostParams(
      { method: incoming.method, contentType: incoming.headers['content-type'], accept: incoming.headers.accept },
      body,
    );
    if (!params) return false;
    serve(incoming, response, params).catch((error: unknown) => {
      options.logger.error('unhandled error', {
        path: PATH,
        error: error instanceof Error ? error.stack : String(error),
      });
      response.destroy();
    });
    return true;
  };
}
