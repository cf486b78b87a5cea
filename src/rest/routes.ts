import { blockRoutes, blockSchemas } from '../modules/blocks/blocks.rest.js';
import {
  connectionRequestRoutes,
  connectionRequestSchemas,
} from '../modules/connection-requests/connection-requests.rest.js';
import { connectionRoutes, connectionSchemas } from '../modules/connections/connections.rest.js';
import { discoveryRoutes, discoverySchemas } from '../modules/discovery/discovery.rest.js';
import { friendCodeRoutes, friendCodeSchemas } from '../modules/friend-codes/friend-codes.rest.js';
import {
  gameNotificationRoutes,
  gameNotificationSchemas,
} from '../modules/game-notifications/game-notifications.rest.js';
import { inviteRoutes, inviteSchemas } from '../modules/invites/invites.rest.js';
import { notificationRoutes, notificationSchemas } from '../modules/notifications/notifications.rest.js';
import { playerSearchRoutes, playerSearchSchemas } from '../modules/player-search/player-search.rest.js';
import { presenceRoutes, presenceSchemas } from '../modules/presence/presence.rest.js';
import { recentPlayerRoutes, recentPlayerSchemas } from '../modules/recent-players/recent-players.rest.js';
import { settingsRoutes, settingsSchemas } from '../modules/settings/settings.rest.js';
import { userRoutes, userSchemas } from '../modules/users/users.rest.js';
import { MAX_CLIENT_USER_ID_LENGTH } from '../modules/users/users.service.js';
import { type JsonSchema, string } from './json-schema.js';
import { SHARED_SCHEMAS } from './responses.js';
import { publicIdParam, type Route } from './route.js';

/*
 * The /v1 route table, composed of the modules' routes (each module's `<feature>.rest.ts`), with
 * their path parameters and response schemas: the only file of the REST engine that imports the
 * modules (the statuses come from their error catalog). The handler serves this table and
 * `openapi.ts` documents it.
 */

export { actsAsPathUser, type Route, TAGS, type Tag } from './route.js';

/** Every documented /v1 path, and the paths beyond it, as GraphQL operations, module by module. */
export const routes: Route[] = [
  ...userRoutes,
  ...playerSearchRoutes,
  ...friendCodeRoutes,
  ...connectionRequestRoutes,
  ...connectionRoutes,
  ...notificationRoutes,
  ...gameNotificationRoutes,
  ...inviteRoutes,
  ...settingsRoutes,
  ...presenceRoutes,
  ...blockRoutes,
  ...discoveryRoutes,
  ...recentPlayerRoutes,
];

/** The response bodies' schemas, published as `components.schemas`: the shared ones, then each module's. */
export const SCHEMAS: Record<string, JsonSchema> = {
  ...SHARED_SCHEMAS,
  ...userSchemas,
  ...playerSearchSchemas,
  ...friendCodeSchemas,
  ...connectionRequestSchemas,
  ...connectionSchemas,
  ...notificationSchemas,
  ...gameNotificationSchemas,
  ...inviteSchemas,
  ...settingsSchemas,
  ...presenceSchemas,
  ...blockSchemas,
  ...discoverySchemas,
  ...recentPlayerSchemas,
};

const userIdParam = (description: string): JsonSchema =>
  string({ description, minLength: 1, maxLength: MAX_CLIENT_USER_ID_LENGTH });

/** Every path parameter of the table, by name (`userId` as most routes take it: the acting user). */
export const PATH_PARAMS: Record<string, JsonSchema> = {
  userId: userIdParam(
    "The user acting (the game's `client_user_id`). A user token may only name its own user; a service token any user of its tenant.",
  ),
  requestId: publicIdParam('connection request'),
  connectionId: publicIdParam('connection'),
  notificationId: publicIdParam('notification'),
  inviteId: string({
    description: "The invite's id, as returned by the API: an integer below 2^53.",
    pattern: '^(0|[1-9][0-9]{0,15})$',
  }),
  otherUserId: userIdParam('The other user (`client_user_id`).'),
  otherId: userIdParam('The other user (`client_user_id`).'),
};

const RECIPIENT_PARAM = userIdParam(
  "The user the call is sent to (the game's `client_user_id`), in the caller's tenant.",
);

const LOOKED_UP_USER_PARAM = userIdParam(
  "The user looked up (the game's `client_user_id`): any user of the caller's tenant, whatever token calls.",
);

/** The schema and description of the route's path parameter `name`, undefined for an undescribed one. */
export function pathParamOf(route: Route, name: string): JsonSchema | undefined {
  if (name === 'userId' && route.pathUser === 'looked-up') return LOOKED_UP_USER_PARAM;
  if (name === 'userId' && route.pathUser === 'recipient') return RECIPIENT_PARAM;
  return PATH_PARAMS[name];
}
