import { declareErrors } from '../../platform/errors.js';

export const recentPlayerErrors = declareErrors({
  MATCH_RECORDING_SERVICE_ONLY: {
    type: 'ForbiddenError',
    message: "Only the game's backend (a service token) may record who played together",
    description:
      'Recording a match with a user token: only the game’s backend knows who played together; nothing was recorded.',
  },
});
