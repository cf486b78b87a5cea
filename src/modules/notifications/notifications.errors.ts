import { declareErrors } from '../../platform/errors.js';

export const notificationErrors = declareErrors({
  NOTIFICATION_NOT_FOUND: {
    type: 'NotFoundError',
    message: "Notification with ID '{id}' does not exist",
    description: 'No such notification of this user.',
  },
});
