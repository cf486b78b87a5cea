import { declareErrors } from '../../platform/errors.js';

export const requestErrors = declareErrors({
  CANNOT_CONNECT_TO_SELF: {
    type: 'ValidationError',
    message: 'Cannot send a connection request to yourself',
    description: 'The receiver is the sender.',
  },
  NOT_REQUEST_RECEIVER: {
    type: 'ForbiddenError',
    description: 'Only the receiver of a request may accept or decline it ("Not authorized to accept this request").',
  },
  NOT_REQUEST_SENDER: {
    type: 'ForbiddenError',
    message: 'Not authorized to cancel this request',
    description: 'Only the sender of a request may withdraw it.',
  },
  REQUESTS_NOT_ACCEPTED: {
    type: 'ForbiddenError',
    message: 'This user does not accept connection requests from you',
    description:
      'The receiver’s `accept_requests_from` setting, or a block either way: the sender cannot tell the two apart.',
  },
  REQUEST_COOLDOWN: {
    type: 'RateLimitedError',
    description:
      'The receiver declined this sender’s last request too recently; ask again after `retryAfterSeconds` (REST: `Retry-After`).',
  },
  CONNECTION_REQUEST_NOT_FOUND: {
    type: 'NotFoundError',
    message: "Connection request with ID '{id}' does not exist",
    description: 'No such request for this caller.',
  },
  REQUEST_ALREADY_PENDING: {
    type: 'ConflictError',
    message: 'A pending connection request between these users already exists',
    description: 'A request between the two users, either way, waits for an answer.',
  },
  REQUEST_ALREADY_PROCESSED: {
    type: 'ConflictError',
    message: 'Request already processed',
    description: 'The request was already accepted, declined, withdrawn or expired.',
  },
  TOO_MANY_PENDING_REQUESTS: {
    type: 'ConflictError',
    message: 'Too many pending connection requests sent; wait for answers before sending more',
    description: 'The sender has `MAX_PENDING_OUTGOING_REQUESTS` requests waiting for an answer.',
  },
});
