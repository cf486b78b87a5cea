import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { errorResponse } from './rest/status.js';

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

async function sendTooLarge(response: ServerResponse): Promise<void> {
  const refused = errorResponse('PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_REQUEST_BODY_BYTES} bytes`);
  // The client may still be sending: answer, then close instead of reading the rest.
  response.writeHead(refused.status, { 'content-type': 'application/json', connection: 'close' });
  response.end(await refused.text());
}

/**
 * The node:http listener in front of the fetch-style handler: bodies are read here, bounded,
 * before the handler sees the request.
 */
export function createRequestListener(handle: (request: Request) => Promise<Response>): RequestListener {
  const adapter = createServerAdapter(handle);
  return (request, response) => {
    if (request.method === 'GET' || request.method === 'HEAD') return void adapter(request, response);
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BODY_BYTES) return void sendTooLarge(response);
    readBody(request, MAX_REQUEST_BODY_BYTES).then(
      (body) => {
        if (body === null) return sendTooLarge(response);
        // The adapter builds the Request from `body` when one is set (as body parsers do).
        if (body.length > 0) (request as IncomingMessage & { body?: Buffer }).body = body;
        return adapter(request, response);
      },
      () => response.destroy(),
    );
  };
}
