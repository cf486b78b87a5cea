import { ERRORS, type ErrorCode } from '../modules/error-catalog.js';
import {
  ConflictError,
  type DomainError,
  type ERROR_TYPES,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../platform/errors.js';
import { clientMessage } from './argument-labels.js';
import { builder } from './builder.js';

/** Every declared code, with what it means (src/modules/error-catalog.ts). */
export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable machine-readable reason of an expected failure.',
  values: Object.fromEntries(
    Object.values(ERRORS).map((declared) => [declared.code, { description: declared.description }]),
  ) as Record<ErrorCode, { description: string }>,
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned as data rather than thrown.',
  fields: (t) => ({
    message: t.string({ description: 'Human-readable explanation, safe to show.', resolve: clientMessage }),
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code as ErrorCode }),
  }),
});

// Each error type is one of the platform's ERROR_TYPES; a declared code names the type it is returned as.
const typeName = (name: keyof typeof ERROR_TYPES) => name;

builder.objectType(ValidationError, {
  name: typeName('ValidationError'),
  description: 'An argument is out of its documented range or shape.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The argument at fault.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: typeName('ForbiddenError'),
  description: 'The caller may not do this (acting as another user, answering a request sent to someone else).',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: typeName('NotFoundError'),
  description: 'No such user, request, connection or notification for this caller.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id that was looked up.' }),
  }),
});

builder.objectType(ConflictError, {
  name: typeName('ConflictError'),
  description: 'The change contradicts the current state, often because a concurrent call got there first.',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: typeName('RateLimitedError'),
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
