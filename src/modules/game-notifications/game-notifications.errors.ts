import { declareErrors } from '../../platform/errors.js';

export const gameNotificationErrors = declareErrors({
  SERVICE_TOKEN_REQUIRED: {
    type: 'ForbiddenError',
    message: "Only the game's backend (a service token) may send notifications of the game's own types",
    description:
      'Sending a game notification with a user token: only a service token of the tenant may; nothing was sent.',
  },
});
