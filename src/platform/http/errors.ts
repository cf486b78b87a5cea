// Responses are built with the HTTP adapter's own Response class: the adapter writes their
// string body to the socket directly, where a native Response is read back through a web stream.
import { Response } from '@whatwg-node/fetch';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../db/availability.js';
import { platformErrors } from '../errors.js';

/**
 * The failures of HTTP itself, before or around any operation: transport, routing,
 * authentication and outages. Declared here once, with their status; every face answers them
 * in the documented `{error, message, code}` envelope.
 */
export const transportErrors = {
  INVALID_JSON: { status: 400, description: 'The request body is not valid JSON.' },
  UNAUTHENTICATED: { status: 401, description: 'Missing, malformed, expired or wrongly signed token.' },
  ROUTE_NOT_FOUND: { status: 404, description: 'No such path.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    description: 'The path does not take this method (the `Allow` header lists those it takes).',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    description: 'Headers or body did not arrive within `HEADERS_TIMEOUT_MS` / `REQUEST_TIMEOUT_MS`.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    description: 'A REST body over 64 KiB, or any request body over 256 KiB (GraphQL included).',
  },
  URI_TOO_LONG: { status: 414, description: 'The request target is over `MAX_URL_LENGTH`.' },
  HEADERS_TOO_LARGE: { status: 431, description: 'The request line and headers are over `MAX_HEADER_BYTES`.' },
  INTERNAL_SERVER_ERROR: { status: 500, description: 'A bug; the details are only in the server log.' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description: 'The database is unreachable (restarting, connections cut); retry after `Retry-After`.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

export type TransportErrorCode = keyof typeof transportErrors;

/** The codes answered without reaching any module: transport failures and the platform's own. */
export type HttpErrorCode = TransportErrorCode | keyof typeof platformErrors;

/** The documented `error` label of each status (404 is "Resource not found" in the API document). */
const errorLabel: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Resource not found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The `error` label of an error status. */
export function errorLabelOf(status: number): string {
  return errorLabel[status] ?? 'Error';
}

export interface ErrorBody {
  error: string;
  message: string;
  code: string;
}

export { Response };

/** The documented error response: `{error, message, code}` with its status. */
export function errorResponseWithStatus(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response {
  const body: ErrorBody = { error: errorLabelOf(status), message, code };
  return Response.json(body, { status, ...(headers && { headers }) });
}

/** The documented error response for a transport or platform code. */
export function errorResponse(code: HttpErrorCode, message: string, headers?: Record<string, string>): Response {
  const status =
    code in transportErrors
      ? transportErrors[code as TransportErrorCode].status
      : platformErrors[code as keyof typeof platformErrors].status;
  return errorResponseWithStatus(status, code, message, headers);
}

/** 503 with Retry-After: the database is away (restarting, connections cut); retrying will work. */
export function databaseUnavailable(): Response {
  return errorResponse('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, {
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
