import { declareErrors } from '../../platform/errors.js';

export const blockErrors = declareErrors({
  CANNOT_BLOCK_SELF: {
    type: 'ValidationError',
    message: 'Cannot block yourself',
    description: 'The user to block is the caller.',
  },
  BLOCK_NOT_FOUND: {
    type: 'NotFoundError',
    message: "Block of the user with ID '{id}' does not exist",
    description: 'Unblocking a user who is not blocked.',
  },
  USER_BLOCKED: {
    type: 'ConflictError',
    message: 'You have blocked this user; unblock them first',
    description: 'Sending a request to a user one has blocked.',
  },
});
