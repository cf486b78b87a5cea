import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { errorResponse, type HttpErrorCode } from '../platform/http/errors.js';
import { requestIdFrom } from '../platform/observability/request-context.js';

/**
 * Largest request body the server reads, for any path. GraphQL documents and REST bodies are a
 * few kilobytes; the REST shim holds its own bodies to a tighter limit.
 */
export const MAX_REQUEST_BODY_BYTES = 256 * 1024;

/**
 * Reads the whole body as a Buffer, or resolves `null` once it grows past `limit` (the rest is
 * not read). A body that fits is handed to the adapter as a Buffer, which it wraps without a
 * stream pipeline per request.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** Answers with the documented error body and closes: the client may still be sending. */
async function refuse(response: ServerResponse, code: HttpErrorCode, message: string): Promise<void> {
  const refused = errorResponse(code, message);
  const { headers } = response.req;
  const requestId = requestIdFrom(
    new Headers(typeof headers['x-request-id'] === 'string' ? { 'x-request-id': headers['x-request-id'] } : {}),
  );
  // Answer, then close instead of reading the rest.
  response.writeHead(refused.status, {
    'content-type': 'application/json',
    connection: 'close',
    'x-request-id': requestId,
  });
  response.end(await refused.text());
}

const sendTooLarge = (response: ServerResponse) =>
  refuse(response, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_REQUEST_BODY_BYTES} bytes`);

function headerValues(rawHeaders: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === name) values.push(rawHeaders[i + 1] ?? '');
  }
  return values;
}

/** The node:http response behind each Request being served, for `dropConnection`. */
const responses = new WeakMap<Request, ServerResponse>();

/**
 * Cuts the connection that `request` arrived on, without waiting for what is still buffered to
 * reach the client: for a streaming response (SSE) whose client stopped reading. Does nothing
 * for a request that did not come through this listener.
 */
export function dropConnection(request: Request): void {
  responses.get(request)?.destroy();
}

export interface RequestListenerOptions {
  /** Longest request target (path and query) served; longer ones are answered 414. */
  maxUrlLength: number;
  /**
   * Serves a request from node:http directly once its body is read (none for GET and HEAD;
   * app/graphql-post.ts, app/rest-direct.ts): true when it took the request, false to hand it to
   * the fetch-style handler.
   */
  serveDirectly?: (request: IncomingMessage, response: ServerResponse, body: Buffer | undefined) => boolean;
}

/**
 * The node:http listener in front of the fetch-style handler: the URL is bounded and bodies are
 * read here, bounded, before the handler sees the request. A body that stalls is cut off by the
 * server's request timeout (see app/http-limits.ts), which covers the body as well.
 */
export function createRequestListener(
  handle: (request: Request) => Promise<Response>,
  options: RequestListenerOptions,
): RequestListener {
  const adapter = createServerAdapter<{ res: ServerResponse }>((request, { res }) => {
    responses.set(request, res);
    return handle(request);
  });
  return (request, response) => {
    // Longer than any path of the API; refused before it is parsed into a URL or routed.
    if ((request.url?.length ?? 0) > options.maxUrlLength) {
      return void refuse(response, 'URI_TOO_LONG', `Request URL exceeds ${options.maxUrlLength} bytes`);
    }
    // node:http keeps only the first of several Authorization headers, while a proxy in between
    // may have used another. HTTP reads repeated field lines as one comma-joined value, which
    // is no bearer token: the request proves no one (a 401 on every path).
    const authorizations = headerValues(request.rawHeaders, 'authorization');
    if (authorizations.length > 1) request.headers.authorization = authorizations.join(', ');
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (options.serveDirectly?.(request, response, undefined)) return;
      return void adapter(request, response);
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BODY_BYTES) return void sendTooLarge(response);
    readBody(request, MAX_REQUEST_BODY_BYTES).then(
      (body) => {
        if (body === null) return sendTooLarge(response);
        if (options.serveDirectly?.(request, response, body.length > 0 ? body : undefined)) return;
        // The adapter builds the Request from `body` when one is set (as body parsers do).
        if (body.length > 0) (request as IncomingMessage & { body?: Buffer }).body = body;
        return adapter(request, response);
      },
      () => response.destroy(),
    );
  };
}
