import { catalogOf, platformErrors } from '../platform/errors.js';
import { blockErrors } from './blocks/blocks.errors.js';
import { requestErrors } from './connection-requests/connection-requests.errors.js';
import { connectionErrors } from './connections/connections.errors.js';
import { friendCodeErrors } from './friend-codes/friend-codes.errors.js';
import { gameNotificationErrors } from './game-notifications/game-notifications.errors.js';
import { inviteErrors } from './invites/invites.errors.js';
import { notificationErrors } from './notifications/notifications.errors.js';
import { recentPlayerErrors } from './recent-players/recent-players.errors.js';
import { userErrors } from './users/users.errors.js';

/**
 * Every expected failure of the gateway, as the platform and the modules declare them: what the
 * GraphQL `ErrorCode` enum, the REST status table, the OpenAPI error lists and docs/ERRORS.md
 * are made from.
 */
export const ERRORS = catalogOf(
  platformErrors,
  userErrors,
  requestErrors,
  connectionErrors,
  friendCodeErrors,
  notificationErrors,
  gameNotificationErrors,
  inviteErrors,
  blockErrors,
  recentPlayerErrors,
);

export type ErrorCode = keyof typeof ERRORS;
