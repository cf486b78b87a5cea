import { randomUUID } from 'node:crypto';
import type { Server, ServerOptions, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorResponse, type HttpErrorCode } from '../platform/http/errors.js';

export interface HttpLimits {
  /** Request line and headers together (node:http counts them as one). */
  maxHeaderBytes: number;
  /** Request target (path and query). */
  maxUrlLength: number;
  /** The whole head must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
}

/**
 * node:http's own limits, from configuration. node:http checks its timeouts on a timer of its
 * own (every 30 s by default), which would let a slow client hold a socket for up to 30 s past
 * its deadline: the check runs a few times per timeout instead, at most once a second.
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  // node:http refuses to start with a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
}

/** A raw HTTP/1.1 response with the documented `{error, message, code}` body; the socket closes after it. */
async function rawErrorResponse(code: HttpErrorCode, message: string): Promise<string> {
  const response = errorResponse(code, message);
  const body = await response.text();
  return (
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status]}\r\n` +
    'Content-Type: application/json\r\n' +
    // The head could not be read, so no caller id either: a fresh one, as for every response.
    `X-Request-Id: ${randomUUID()}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/**
 * Whether a head that overflowed the header limit did so in its request line: the bytes the
 * parser choked on begin with a method and hold no line end within the URL limit. Only a
 * heuristic (the parser says "overflow" for both), good for a request sent in one piece.
 */
function requestLineOverflowed(rawPacket: Buffer | undefined, maxUrlLength: number): boolean {
  if (!rawPacket) return false;
  const start = rawPacket.subarray(0, maxUrlLength + 32).toString('latin1');
  return /^[A-Z]+ \S/.test(start) && !start.includes('\r\n');
}

/** What a client whose request node:http could not take is answered, or null for nothing. */
async function refusalFor(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, limits: HttpLimits) {
  switch (error.code) {
    case 'ECONNRESET':
      return null;
    case 'HPE_HEADER_OVERFLOW':
      return requestLineOverflowed(error.rawPacket, limits.maxUrlLength)
        ? rawErrorResponse('URI_TOO_LONG', `Request URL exceeds ${limits.maxUrlLength} bytes`)
        : rawErrorResponse('HEADERS_TOO_LARGE', `Request headers exceed ${limits.maxHeaderBytes} bytes`);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return rawErrorResponse(
        'REQUEST_TIMEOUT',
        `The request did not arrive in time (headers within ${Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs)} ms, all of it within ${limits.requestTimeoutMs} ms)`,
      );
    default:
      return rawErrorResponse('VALIDATION_FAILED', 'Malformed HTTP request');
  }
}

/**
 * Answers the requests node:http refuses before they reach the app (head too large, too slow,
 * malformed) with the documented JSON body instead of its bare status line. As node:http's own
 * handler does, nothing is written once a response has begun on the socket; the socket is then
 * closed either way.
 */
export function answerClientErrors(server: Server, limits: HttpLimits): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    void refusalFor(error, limits).then((response) => {
      if (response === null || !socket.writable) return void socket.destroy();
      socket.end(response);
      // A client that never reads its answer does not keep the socket.
      setTimeout(() => socket.destroy(), 1_000).unref();
    });
  });
}
