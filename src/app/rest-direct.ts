import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest, noteRoute } from '../platform/observability/request-context.js';
import type { CorsPolicy } from './cors.js';
import { failureResponse } from './dispatch.js';
import { RequestView, writeAnswer } from './node-request.js';
import { countRestError, recordRequest } from './observe-http.js';

/*
 * The /v1 REST paths served straight from node:http, as app/graphql-post.ts serves GraphQL POSTs:
 * the REST handler gets a view of node's request instead of a Fetch Request, and its answer is
 * written with `writeHead`/`end` instead of through the Fetch adapter. Everything the app does to
 * every request is done by the same functions the Fetch path uses (the request id and access
 * record, REST error metrics, CORS, failures in the documented envelope). Preflights and other
 * OPTIONS, HEAD, and any target whose path is not under /v1/ once normalised as a URL, go the
 * Fetch way.
 */

const ROUTE = '/v1/*';

export interface RestDirectOptions {
  rest: (request: Request) => Promise<Response>;
  cors: CorsPolicy;
  logger: Logger;
  metrics: Metrics | undefined;
}

/** The handler node:http hands a request with its body read: true when it took the request. */
export function createRestDirect(options: RestDirectOptions) {
  async function serve(
    incoming: IncomingMessage,
    response: ServerResponse,
    body: Buffer | undefined,
    pathname: string,
  ) {
    const request = new RequestView(incoming, body).asRequest();
    const info = beginRequest(request);
    noteRoute(request, ROUTE);
    const started = performance.now();
    let answer: Response;
    try {
      answer = await options.rest(request);
    } catch (error) {
      answer = failureResponse(error, request, pathname, options.logger);
    }
    options.cors.decorate(request, answer);
    answer.headers.set('x-request-id', info.id);
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    // The body as the string it was made from (the REST answers are JSON strings); asking for
    // `body` instead would build a stream around it.
    const text = await answer.text();
    const { status } = answer;
    countRestError(options.metrics, { status, contentType: answer.headers.get('content-type'), body: text });
    writeAnswer(response, status, answer.headers, text);
    recordRequest(options, { method: request.method, pathname, status, durationMs, info });
  }

  return (incoming: IncomingMessage, response: ServerResponse, body: Buffer | undefined): boolean => {
    const target = incoming.url ?? '';
    if (!target.startsWith('/v1/') || incoming.method === 'OPTIONS' || incoming.method === 'HEAD') return false;
    // As the Fetch path routes it: the path once dot segments and the like are resolved.
    const { pathname } = new URL(target, 'http://localhost');
    if (!pathname.startsWith('/v1/')) return false;
    serve(incoming, response, body, pathname).catch((error: unknown) => {
      options.logger.error('unhandled error', {
        path: pathname,
        error: error instanceof Error ? error.stack : String(error),
      });
      response.destroy();
    });
    return true;
  };
}
