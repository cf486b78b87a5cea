// Responses are built with the HTTP adapter's own Response class: the adapter writes their
// string body to the socket directly, where a native Response is read back through a web stream.
import { Response } from '@whatwg-node/fetch';
import type { ErrorCode } from '../domain/errors.js';

/** Codes only the HTTP face produces: transport, routing and authentication failures. */
export type HttpErrorCode =
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INTERNAL_SERVER_ERROR';

export type RestErrorCode = ErrorCode | HttpErrorCode;

/** The one table from error code to HTTP status. */
const statusOfCode: Record<RestErrorCode, number> = {
  VALIDATION_FAILED: 400,
  CANNOT_CONNECT_TO_SELF: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_REQUEST_RECEIVER: 403,
  USER_NOT_FOUND: 404,
  CONNECTION_REQUEST_NOT_FOUND: 404,
  CONNECTION_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_CONNECTED: 409,
  REQUEST_ALREADY_PENDING: 409,
  REQUEST_ALREADY_PROCESSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL_SERVER_ERROR: 500,
};

/** The documented `error` label of each status (404 is "Resource not found" in the API document). */
const errorLabel: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Resource not found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

export interface ErrorBody {
  error: string;
  message: string;
  code: RestErrorCode;
}

export { Response };

/** The documented error response for a code: `{error, message, code}` with its status. */
export function errorResponse(code: RestErrorCode, message: string, headers?: Record<string, string>): Response {
  const status = statusOfCode[code];
  const body: ErrorBody = { error: errorLabel[status] ?? 'Error', message, code };
  return Response.json(body, { status, ...(headers && { headers }) });
}

/** A request the shim refuses before it reaches the gateway (bad JSON, bad query parameter). */
export class RestInputError extends Error {
  constructor(
    readonly code: RestErrorCode,
    message: string,
  ) {
    super(message);
  }
}
