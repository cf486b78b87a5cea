import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createOperationRunner, jsonPostParams, type ProcessedResponse } from '../graphql/json-post.js';
import type { Gateway } from '../graphql/yoga.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/observability/metrics.js';
import { beginRequest, noteRoute } from '../platform/observability/request-context.js';
import type { CorsPolicy } from './cors.js';
import { failureResponse } from './dispatch.js';
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

/** A request's headers read as the Fetch API reads them (repeated fields joined with ", "). */
class HeadersView {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.headers)) {
      const value = this.get(name);
      if (value !== null) callback(value, name);
    }
  }
}

/**
 * What the GraphQL pipeline reads of the Request it is handed (method, url, headers, a signal),
 * over node's own request. The pipeline keys its per-request records on this object, as on a
 * Request.
 */
class RequestView {
  readonly method = 'POST';
  readonly headers: HeadersView;

  constructor(private readonly incoming: IncomingMessage) {
    this.headers = new HeadersView(incoming.headers);
  }

  get url(): string {
    return `http://${this.incoming.headers.host ?? 'localhost'}${this.incoming.url ?? PATH}`;
  }

  /** Aborted when the client has hung up by the time it is asked for (the failure answer asks). */
  get signal(): AbortSignal {
    const controller = new AbortController();
    if (this.incoming.socket?.destroyed) controller.abort();
    return controller.signal;
  }
}

export interface GraphQLPostOptions {
  gateway: Gateway;
  cors: CorsPolicy;
  logger: Logger;
  metrics: Metrics | undefined;
}

/** Writes a processed answer, headers as the Fetch path writes them. */
function write(response: ServerResponse, status: number, headers: Headers, body: string | null): void {
  const head: Record<string, string> = {};
  headers.forEach((value, name) => {
    head[name] = value;
  });
  if (body !== null) head['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(status, head);
  response.end(body ?? undefined);
}

/**
 * The handler node:http hands a request with its body read: true when it took the request, false
 * when the request is the Fetch path's.
 */
export function createGraphQLPost(options: GraphQLPostOptions) {
  const run = createOperationRunner(options.gateway);

  async function serve(incoming: IncomingMessage, response: ServerResponse, params: Parameters<typeof run>[1]) {
    const request = new RequestView(incoming) as unknown as Request;
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
    write(response, answer.status, answer.headers, body);
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
