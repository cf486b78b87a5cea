import { declareErrors } from '../../platform/errors.js';

export const connectionErrors = declareErrors({
  CONNECTION_NOT_FOUND: {
    type: 'NotFoundError',
    message: "Connection with ID '{id}' does not exist",
    description: 'No such connection of this user.',
  },
  ALREADY_CONNECTED: {
    type: 'ConflictError',
    message: 'Users are already connected',
    description: 'The two users are connected already.',
  },
  CONNECTION_LIMIT_REACHED: {
    type: 'ConflictError',
    message: 'Connection limit reached',
    description: 'The sender, or on accept either user, has `MAX_CONNECTIONS_PER_USER` connections.',
  },
});
