import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest, noteRoute } from '../platform/observability/request-context.js';
import type { CorsPolicy } from './cors.js';
import { failureResponse } from './dispatch.js';
import { RequestView, writeAnswer } from './node-request.js';
import { recordRequest } from './observe-http.js';

/*
 * The steps every request served straight from node:http goes through (app/graphql-post.ts,
 * app/rest-direct.ts), in one place, done by the same functions the Fetch path uses: the request
 * id and access record (request-context.ts, observe-http.ts), CORS (`CorsPolicy.decorate`),
 * failures in the documented envelope (dispatch.ts `failureResponse`).
 */

export interface DirectServeOptions {
  cors: CorsPolicy;
  logger: Logger;
  metrics: Metrics | undefined;
}

/** What a direct handler answers: a Fetch Response, or anything that reads like one. */
export interface DirectAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body as the string it was made from; a Response's `body` would build a stream around it. */
  text(): Promise<string>;
}

export interface DirectCall {
  incoming: IncomingMessage;
  response: ServerResponse;
  /** The body the listener read, for a handler that reads it as text. */
  body: Buffer | undefined;
  /** The route the request is counted under in metrics and logs. */
  route: string;
  /** The path its failures are logged under. */
  pathname: string;
}

/**
 * Serves one request: `handle` answers it, a throw becomes the documented failure; the answer
 * is decorated (CORS, `x-request-id`), handed to `inspect` (metrics of the answer's body), written
 * and recorded. A failure past the handler is logged and the socket dropped.
 */
export function serveDirect(
  options: DirectServeOptions,
  call: DirectCall,
  handle: (request: Request) => Promise<DirectAnswer>,
  inspect?: (answer: DirectAnswer, text: string) => void,
): void {
  serve(options, call, handle, inspect).catch((error: unknown) => {
    options.logger.error('unhandled error', {
      path: call.pathname,
      error: error instanceof Error ? error.stack : String(error),
    });
    call.response.destroy();
  });
}

async function serve(
  options: DirectServeOptions,
  call: DirectCall,
  handle: (request: Request) => Promise<DirectAnswer>,
  inspect: ((answer: DirectAnswer, text: string) => void) | undefined,
) {
  const request = new RequestView(call.incoming, call.body).asRequest();
  const info = beginRequest(request);
  noteRoute(request, call.route);
  const started = performance.now();
  let answer: DirectAnswer;
  try {
    answer = await handle(request);
  } catch (error) {
    answer = failureResponse(error, request, call.pathname, options.logger);
  }
  options.cors.decorate(request, answer as Response);
  answer.headers.set('x-request-id', info.id);
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  const text = await answer.text();
  inspect?.(answer, text);
  const { status } = answer;
  writeAnswer(call.response, status, answer.headers, text);
  recordRequest(options, { method: request.method, pathname: call.pathname, status, durationMs, info });
}
