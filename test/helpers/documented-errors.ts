/**
 * The documented errors (the API document and docs/ERRORS.md), restated as the tests' oracle:
 * each documented `code`, the status it comes with, and each status's `error` label. Kept apart
 * from the declarations (src/modules/error-catalog.ts) on purpose: docs/ERRORS.md is generated
 * from them, so only a separate statement notices a declaration drifting from the contract.
 */
export const DOCUMENTED_STATUS_OF_CODE: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  CANNOT_CONNECT_TO_SELF: 400,
  CANNOT_BLOCK_SELF: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_REQUEST_RECEIVER: 403,
  NOT_REQUEST_SENDER: 403,
  REQUESTS_NOT_ACCEPTED: 403,
  SERVICE_TOKEN_REQUIRED: 403,
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
  SERVICE_UNAVAILABLE: 503,
};

export const DOCUMENTED_LABEL_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Resource not found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
};
