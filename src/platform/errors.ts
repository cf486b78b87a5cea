/**
 * The one error model. Each expected failure has a stable, machine-readable `code` that clients
 * may switch on, declared once (with `declareErrors`, by the module whose rule it is) with the
 * GraphQL error type it is returned as, its HTTP status and its message. The faces derive
 * everything else from those declarations: the GraphQL `ErrorCode` enum and error types, the
 * REST status of each code, each route's OpenAPI error list and the table in docs/ERRORS.md.
 * Services throw the classes below; they never speak of a face.
 */

/** The GraphQL error types an expected failure is returned as, with the HTTP status of each. */
export const ERROR_TYPES = {
  ValidationError: 400,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  RateLimitedError: 429,
} as const;
export type ErrorType = keyof typeof ERROR_TYPES;

interface ErrorDeclaration {
  type: ErrorType;
  /** The HTTP status, when not its type's. */
  status?: number;
  /**
   * What the client is told, when it is always the same; `{id}` stands for the id looked up (not
   * found). Calls may say more (the limit that was reached, the seconds to wait).
   */
  message?: string;
  /** What the failure means and what the client can do about it (schema and docs). */
  description: string;
}

/** One declared failure: its code, GraphQL type, HTTP status, message and meaning. */
export interface DeclaredError<Code extends string = string, Type extends ErrorType = ErrorType> {
  readonly code: Code;
  readonly type: Type;
  readonly status: number;
  readonly message: string | undefined;
  readonly description: string;
}

type Declared<T extends Record<string, ErrorDeclaration>> = {
  readonly [Code in keyof T & string]: DeclaredError<Code, T[Code]['type']>;
};

/** Declares a module's failures, keyed by code. */
export function declareErrors<const T extends Record<string, ErrorDeclaration>>(declarations: T): Declared<T> {
  const declared: Record<string, DeclaredError> = {};
  for (const [code, { type, status, message, description }] of Object.entries(declarations)) {
    declared[code] = { code, type, status: status ?? ERROR_TYPES[type], message, description };
  }
  return declared as Declared<T>;
}

/** Every code of a union of declaration groups. */
type CodesOf<Group> = Group extends unknown ? keyof Group & string : never;

/** The declarations of every module as one catalog; a code declared twice is a bug, found at start. */
export function catalogOf<const Groups extends readonly Record<string, DeclaredError>[]>(
  ...groups: Groups
): Readonly<Record<CodesOf<Groups[number]>, DeclaredError>> {
  const catalog: Record<string, DeclaredError> = {};
  for (const group of groups) {
    for (const [code, declared] of Object.entries(group)) {
      if (catalog[code]) throw new Error(`error code ${code} is declared twice`);
      catalog[code] = declared;
    }
  }
  return catalog as Record<CodesOf<Groups[number]>, DeclaredError>;
}

/** The failures of the platform itself: bad arguments, acting for another user, budgets, keys. */
export const platformErrors = declareErrors({
  VALIDATION_FAILED: {
    type: 'ValidationError',
    description:
      'An argument is out of its documented range or shape (a bad page, page size or status filter, a missing or over-long field); the message names it.',
  },
  FORBIDDEN: {
    type: 'ForbiddenError',
    description: 'The caller may not act as the user it names: a user token acts only as its own user.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    type: 'ConflictError',
    status: 422,
    message: 'This Idempotency-Key was already used for a different request',
    description: 'The Idempotency-Key was used before for a different request; use a new key for a new request.',
  },
  RATE_LIMITED: {
    type: 'RateLimitedError',
    description:
      'The user, the tenant or the service token used up a budget (writes, sends, reads, subscriptions) in the current window, or too many heavy reads wait; nothing was changed. The message names the budget; retry after `retryAfterSeconds` (REST: `Retry-After`).',
  },
});

/** An expected failure: a declared code and what to tell the client. */
export abstract class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(declared: DeclaredError, message: string) {
    super(message);
    this.code = declared.code;
    this.status = declared.status;
  }

  /** What the client is told, with an argument written as `label` names it (see ValidationError). */
  messageNaming(_label: (field: string) => string): string {
    return this.message;
  }
}

/**
 * An argument is out of its documented range or shape. `field` names the argument as the
 * service's input does; `{field}` in the message stands for it, and each face writes it the way
 * its clients name that argument (`message` has the service's own name).
 */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  constructor(
    readonly field: string,
    readonly template: string,
    declared: DeclaredError<string, 'ValidationError'> = platformErrors.VALIDATION_FAILED,
  ) {
    super(declared, template.replaceAll('{field}', field));
  }

  override messageNaming(label: (field: string) => string): string {
    return this.template.replaceAll('{field}', label(this.field));
  }
}

/** The caller is authenticated but may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(declared: DeclaredError<string, 'ForbiddenError'>, message = declared.message ?? 'Forbidden') {
    super(declared, message);
  }
}

/**
 * The resource does not exist for this caller. Something that exists in another tenant, or
 * that the caller may not see, is reported exactly like something that does not exist.
 */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(
    declared: DeclaredError<string, 'NotFoundError'>,
    readonly id: string,
  ) {
    super(declared, (declared.message ?? "'{id}' does not exist").replace('{id}', id));
  }
}

/** The change contradicts the current state, often because a concurrent call got there first. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  constructor(declared: DeclaredError<string, 'ConflictError'>, message = declared.message ?? 'Conflict') {
    super(declared, message);
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
    declared: DeclaredError<string, 'RateLimitedError'> = platformErrors.RATE_LIMITED,
  ) {
    super(declared, message);
  }
}
