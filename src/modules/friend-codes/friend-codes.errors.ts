import { declareErrors } from '../../platform/errors.js';

export const friendCodeErrors = declareErrors({
  FRIEND_CODE_NOT_FOUND: {
    type: 'NotFoundError',
    message: "No user has the friend code '{id}'",
    description:
      'The friend code names no user of the tenant: mistyped, or replaced by its owner (`rotate`). Each such miss counts against the sender’s friend code budget (`RATE_LIMIT_USER_FRIEND_CODE_MISSES`).',
  },
});
