import {
  ConflictError,
  type ErrorCode,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../platform/errors.js';
import { builder } from './builder.js';

const errorCodes = [
  'VALIDATION_FAILED',
  'CANNOT_CONNECT_TO_SELF',
  'FORBIDDEN',
  'NOT_REQUEST_RECEIVER',
  'NOT_REQUEST_SENDER',
  'REQUESTS_NOT_ACCEPTED',
  'CANNOT_BLOCK_SELF',
  'USER_BLOCKED',
  'REQUEST_COOLDOWN',
  'USER_NOT_FOUND',
  'CONNECTION_REQUEST_NOT_FOUND',
  'CONNECTION_NOT_FOUND',
  'NOTIFICATION_NOT_FOUND',
  'BLOCK_NOT_FOUND',
  'ALREADY_CONNECTED',
  'REQUEST_ALREADY_PENDING',
  'REQUEST_ALREADY_PROCESSED',
  'TOO_MANY_PENDING_REQUESTS',
  'CONNECTION_LIMIT_REACHED',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
] as const satisfies readonly ErrorCode[];

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable machine-readable reason of an expected failure.',
  values: errorCodes,
});

export const ErrorInterface = builder.interfaceRef<{ message: string; code: ErrorCode }>('Error').implement({
  description: 'An expected failure, returned as data rather than thrown.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'Human-readable explanation, safe to show.' }),
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'An argument is out of its documented range or shape.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The argument at fault.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The caller may not do this (acting as another user, answering a request sent to someone else).',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'No such user, request, connection or notification for this caller.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id that was looked up.' }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change contradicts the current state, often because a concurrent call got there first.',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description:
    'Too many writes by this user or tenant in the current window (RATE_LIMITED), or a request to a user who declined the last one too recently (REQUEST_COOLDOWN); nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'When the budget refills.' }),
  }),
});

/** The failures every field acting for a user can return. */
export const userScopedErrors = [ValidationError, ForbiddenError, NotFoundError];
/** Those plus rate limits, for the heavy reads that wait for turns (suggestions, mutual lists). */
export const heavyReadErrors = [ValidationError, ForbiddenError, NotFoundError, RateLimitedError];
/** Those plus conflicts with the current state and rate limits, for mutations. */
export const mutationErrors = [ValidationError, ForbiddenError, NotFoundError, ConflictError, RateLimitedError];
