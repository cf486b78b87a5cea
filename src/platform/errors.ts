/**
 * Expected failures of the domain. Each carries a stable, machine-readable `code` that clients
 * may switch on; the GraphQL schema exposes these classes as typed results and the REST shim
 * derives the HTTP status from the code (see `src/rest/status.ts`).
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'CANNOT_CONNECT_TO_SELF'
  | 'FORBIDDEN'
  | 'NOT_REQUEST_RECEIVER'
  | 'NOT_REQUEST_SENDER'
  | 'REQUESTS_NOT_ACCEPTED'
  | 'CANNOT_BLOCK_SELF'
  | 'USER_BLOCKED'
  | 'REQUEST_COOLDOWN'
  | 'USER_NOT_FOUND'
  | 'CONNECTION_REQUEST_NOT_FOUND'
  | 'CONNECTION_NOT_FOUND'
  | 'NOTIFICATION_NOT_FOUND'
  | 'BLOCK_NOT_FOUND'
  | 'ALREADY_CONNECTED'
  | 'REQUEST_ALREADY_PENDING'
  | 'REQUEST_ALREADY_PROCESSED'
  | 'TOO_MANY_PENDING_REQUESTS'
  | 'CONNECTION_LIMIT_REACHED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

type ValidationCode = 'VALIDATION_FAILED' | 'CANNOT_CONNECT_TO_SELF' | 'CANNOT_BLOCK_SELF';

/** An argument is out of its documented range or shape. `field` names the argument. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code: ValidationCode;
  constructor(
    readonly field: string,
    message: string,
    code: ValidationCode = 'VALIDATION_FAILED',
  ) {
    super(message);
    this.code = code;
  }
}

/** The caller is authenticated but may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(
    message: string,
    readonly code: 'FORBIDDEN' | 'NOT_REQUEST_RECEIVER' | 'NOT_REQUEST_SENDER' | 'REQUESTS_NOT_ACCEPTED' = 'FORBIDDEN',
  ) {
    super(message);
  }
}

type NotFoundCode =
  | 'USER_NOT_FOUND'
  | 'CONNECTION_REQUEST_NOT_FOUND'
  | 'CONNECTION_NOT_FOUND'
  | 'NOTIFICATION_NOT_FOUND'
  | 'BLOCK_NOT_FOUND';

const notFoundNoun: Record<NotFoundCode, string> = {
  USER_NOT_FOUND: 'User',
  CONNECTION_REQUEST_NOT_FOUND: 'Connection request',
  CONNECTION_NOT_FOUND: 'Connection',
  NOTIFICATION_NOT_FOUND: 'Notification',
  BLOCK_NOT_FOUND: 'Block of the user',
};

/**
 * The resource does not exist for this caller. Something that exists in another tenant, or
 * that the caller may not see, is reported exactly like something that does not exist.
 */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(
    readonly code: NotFoundCode,
    readonly id: string,
  ) {
    super(`${notFoundNoun[code]} with ID '${id}' does not exist`);
  }
}

const conflictMessage = {
  ALREADY_CONNECTED: 'Users are already connected',
  REQUEST_ALREADY_PENDING: 'A pending connection request between these users already exists',
  REQUEST_ALREADY_PROCESSED: 'Request already processed',
  TOO_MANY_PENDING_REQUESTS: 'Too many pending connection requests sent; wait for answers before sending more',
  CONNECTION_LIMIT_REACHED: 'Connection limit reached',
  IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different request',
  USER_BLOCKED: 'You have blocked this user; unblock them first',
} as const;

/** The change contradicts the current state, often because a concurrent call got there first. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  constructor(
    readonly code: keyof typeof conflictMessage,
    message: string = conflictMessage[code],
  ) {
    super(message);
  }
}

/**
 * The caller (or its tenant) used up a rate budget, or must wait before asking the same user
 * again; `retryAfterSeconds` says when it may.
 */
export class RateLimitedError extends DomainError {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** REQUEST_COOLDOWN: the receiver declined this sender's last request too recently. */
    readonly code: 'RATE_LIMITED' | 'REQUEST_COOLDOWN' = 'RATE_LIMITED',
  ) {
    super(message);
  }
}
