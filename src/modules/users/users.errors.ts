import { declareErrors } from '../../platform/errors.js';

export const userErrors = declareErrors({
  USER_NOT_FOUND: {
    type: 'NotFoundError',
    message: "User with ID '{id}' does not exist",
    description:
      'No user with this id in the caller’s tenant (one that exists only in another tenant is reported alike).',
  },
});
