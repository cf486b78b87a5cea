import { ERRORS, type ErrorCode } from '../modules/error-catalog.js';
import {
  errorResponseWithStatus,
  type Response,
  type TransportErrorCode,
  transportErrors,
} from '../platform/http/errors.js';

export type RestErrorCode = ErrorCode | TransportErrorCode;

/** The status of every code, from the declarations: the modules' and the platform's, and HTTP's own. */
const statusOfCode = Object.fromEntries([
  ...Object.values(ERRORS).map((declared) => [declared.code, declared.status] as const),
  ...Object.entries(transportErrors).map(([code, { status }]) => [code, status] as const),
]) as Record<RestErrorCode, number>;

/** Every code the REST face may answer with, by status, then by name. */
export const ERROR_CODES = (Object.keys(statusOfCode) as RestErrorCode[]).sort(
  (a, b) => statusOfCode[a] - statusOfCode[b] || a.localeCompare(b),
);

/** The HTTP status of an error code. */
export function statusOf(code: RestErrorCode): number {
  return statusOfCode[code];
}

/** The documented error response for any code: `{error, message, code}` with its status. */
export function restErrorResponse(code: RestErrorCode, message: string, headers?: Record<string, string>): Response {
  return errorResponseWithStatus(statusOf(code), code, message, headers);
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
