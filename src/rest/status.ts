// Responses are built with the HTTP adapter's own Response class: the adapter writes their
// string body to the socket directly, where a native Response is read back through a web stream.
import { Response } from '@whatwg-node/fetch';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../platform/db/availability.js';
import type { ErrorCode } from '../platform/errors.js';

/** Codes only the HTTP face produces: transport, routing and authentication failures. */
export type HttpErrorCode =
  | 'INVALID_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'REQUEST_TIMEOUT'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export type RestErrorCode = ErrorCode | HttpErrorCode;

/** The one table from error code to HTTP status. */
const statusOfCode: Record<RestErrorCode, number> = {
  VALIDATION_FAILED: 400,
  CANNOT_CONNECT_TO_SELF: 400,
  CANNOT_BLOCK_SELF: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_REQUEST_RECEIVER: 403,
  NOT_REQUEST_SENDER: 403,
  REQUESTS_NOT_ACCEPTED: 403,
  USER_NOT_FOUND: 404,
  CONNECTION_REQUEST_NOT_FOUND: 404,
  CONNECTION_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  BLOCK_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  ALREADY_CONNECTED: 409,
  REQUEST_ALREADY_PENDING: 409,
  REQUEST_ALREADY_PROCESSED: 409,
  TOO_MANY_PENDING_REQUESTS: 409,
  CONNECTION_LIMIT_REACHED: 409,
  USER_BLOCKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  REQUEST_COOLDOWN: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

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

/** Every code the REST face may answer with, in the order of their statuses. */
export const ERROR_CODES = Object.keys(statusOfCode) as RestErrorCode[];

/** The HTTP status of an error code. */
export function statusOf(code: RestErrorCode): number {
  return statusOfCode[code];
}

/** The `error` label of an error status. */
export function errorLabelOf(status: number): string {
  return errorLabel[status] ?? 'Error';
}

export interface ErrorBody {
  error: string;
  message: string;
  code: RestErrorCode;
}

export { Response };

/** The documented error response for a code: `{error, message, code}` with its status. */
export function errorResponse(code: RestErrorCode, message: string, headers?: Record<string, string>): Response {
  const status = statusOfCode[code];
  const body: ErrorBody = { error: errorLabelOf(status), message, code };
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

/** 503 with Retry-After: the database is away (restarting, connections cut); retrying will work. */
export function databaseUnavailable(): Response {
  return errorResponse('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, {
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
  });
}
