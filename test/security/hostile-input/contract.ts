/**
 * What the gateway may answer, as documented (docs/ERRORS.md and the API document): the status
 * of each code, the label of each status, the GraphQL type of each code and the size limits; the
 * outcomes a request may be answered with; and text as PostgreSQL stores it.
 */
import { DOCUMENTED_LABEL_OF_STATUS, DOCUMENTED_STATUS_OF_CODE } from '../../helpers/documented-errors.js';

// ---------------------------------------------------------------------------------------------
// The documented contract (docs/ERRORS.md): code -> status, status -> `error` label.
// ---------------------------------------------------------------------------------------------

export const STATUS_OF_CODE = DOCUMENTED_STATUS_OF_CODE;
export const LABEL_OF_STATUS = DOCUMENTED_LABEL_OF_STATUS;

/** Request targets shorter than this must never be refused as too long. */
export const SHORTEST_URI_TOO_LONG = 2048;

/** The GraphQL error type each code is returned as. */
export const TYPENAME_OF_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'ValidationError',
  CANNOT_CONNECT_TO_SELF: 'ValidationError',
  FORBIDDEN: 'ForbiddenError',
  NOT_REQUEST_RECEIVER: 'ForbiddenError',
  USER_NOT_FOUND: 'NotFoundError',
  CONNECTION_REQUEST_NOT_FOUND: 'NotFoundError',
  CONNECTION_NOT_FOUND: 'NotFoundError',
  NOTIFICATION_NOT_FOUND: 'NotFoundError',
  ALREADY_CONNECTED: 'ConflictError',
  REQUEST_ALREADY_PENDING: 'ConflictError',
  REQUEST_ALREADY_PROCESSED: 'ConflictError',
  // Beyond the documented API: blocks, settings, withdrawn requests
  CANNOT_BLOCK_SELF: 'ValidationError',
  NOT_REQUEST_SENDER: 'ForbiddenError',
  REQUESTS_NOT_ACCEPTED: 'ForbiddenError',
  BLOCK_NOT_FOUND: 'NotFoundError',
  USER_BLOCKED: 'ConflictError',
  // The game's own notifications
  SERVICE_TOKEN_REQUIRED: 'ForbiddenError',
  // Invites
  CANNOT_INVITE_SELF: 'ValidationError',
  INVITES_NOT_ACCEPTED: 'ForbiddenError',
  NOT_INVITE_RECEIVER: 'ForbiddenError',
  NOT_INVITE_SENDER: 'ForbiddenError',
  INVITE_NOT_FOUND: 'NotFoundError',
  INVITE_EXPIRED: 'ConflictError',
  INVITE_ALREADY_ANSWERED: 'ConflictError',
  // Friend codes and recent players
  FRIEND_CODE_NOT_FOUND: 'NotFoundError',
  MATCH_RECORDING_SERVICE_ONLY: 'ForbiddenError',
};

export const REST_BODY_LIMIT = 64 * 1024;
export const ANY_BODY_LIMIT = 256 * 1024;
export const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

// ---------------------------------------------------------------------------------------------
// Expected outcomes: the success statuses and the error codes a request may be answered with.
// ---------------------------------------------------------------------------------------------

export interface Outcome {
  success: number[];
  codes: string[];
}

export const fail = (...codes: string[]): Outcome => ({ success: [], codes });

/**
 * How the decline refuses its optional body before anything else is read: not JSON
 * (`INVALID_JSON`), not a JSON object, or `silent` neither a boolean nor null (`VALIDATION_FAILED`).
 * None, or only white space, is a plain decline.
 */
export function declineBodyRefusal(body: string | undefined): 'INVALID_JSON' | 'VALIDATION_FAILED' | undefined {
  if (body === undefined || body.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'INVALID_JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'VALIDATION_FAILED';
  const silent = (parsed as { silent?: unknown }).silent;
  return silent === undefined || silent === null || typeof silent === 'boolean' ? undefined : 'VALIDATION_FAILED';
}
export const succeed = (...statuses: number[]): Outcome => ({ success: statuses, codes: [] });
export const union = (...outcomes: Outcome[]): Outcome => ({
  success: [...new Set(outcomes.flatMap((o) => o.success))],
  codes: [...new Set(outcomes.flatMap((o) => o.codes))],
});

/** Thrown with everything needed to reproduce: the request, the answer, what was expected. */
export function violation(what: string, details: Record<string, unknown>): Error {
  const shown = JSON.stringify(details, (_key, value) =>
    typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}…(${value.length} chars)` : value,
  );
  return new Error(`${what}: ${shown}`);
}

// ---------------------------------------------------------------------------------------------
// Text helpers (lengths as PostgreSQL counts them: code points).
// ---------------------------------------------------------------------------------------------

export const codePoints = (value: string) => [...value].length;
export const hasLoneSurrogate = (value: string) => /\p{Cs}/u.test(value);
/** What a UTF-8 database (and a UTF-8 request body) makes of a JavaScript string. */
export const asStored = (value: string) => value.replace(/\p{Cs}/gu, '\uFFFD');
/** Text PostgreSQL stores as given: no NUL, no unpaired surrogate (it would become U+FFFD). */
export const storable = (value: string) =>
  !value.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
export const possibleUserId = (value: string) => value.length > 0 && codePoints(value) <= 128 && storable(value);
export const isCanonicalId = (value: string) => /^(0|[1-9]\d{0,15})$/.test(value);

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON text with every object's keys in order: what two JSON values are compared by when one
 * went through `jsonb`, which keeps no key order, and either may hold a `__proto__` key of its own.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
