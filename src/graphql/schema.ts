import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import '../modules/users/users.graphql.js';
import '../modules/player-search/player-search.graphql.js';
import '../modules/friend-codes/friend-codes.graphql.js';
import '../modules/connections/connections.graphql.js';
import '../modules/connection-notes/connection-notes.graphql.js';
import '../modules/connection-requests/connection-requests.graphql.js';
import '../modules/notifications/notifications.graphql.js';
import '../modules/game-notifications/game-notifications.graphql.js';
import '../modules/invites/invites.graphql.js';
import '../modules/live/live.graphql.js';
import '../modules/settings/settings.graphql.js';
import '../modules/presence/presence.graphql.js';
import '../modules/blocks/blocks.graphql.js';
import '../modules/discovery/relationships.graphql.js';
import '../modules/discovery/mutual.graphql.js';
import '../modules/discovery/suggestions.graphql.js';
import '../modules/recent-players/recent-players.graphql.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
