import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import { dateTime, type JsonSchema, nullable, object, ref, string, stringEnum } from '../../rest/json-schema.js';
import { ok, okWith } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { lookUpUser } from '../users/users.service.js';
import { MAX_ACTIVITY_LENGTH, MAX_JOIN_INFO_BYTES, PRESENCE_STATUSES } from './presence.rules.js';
import { MAX_PRESENCE_TTL_SECONDS, setPresence } from './presence.service.js';

const PresenceOperation = graphql(`
  query RestPresence($userId: ID!) {
    user(userId: $userId) {
      __typename
      ...RestError
      ... on User { clientUserId presence { ...RestPresence } }
    }
  }
`);

const SetPresenceOperation = graphql(`
  mutation RestSetPresence(
    $userId: ID!
    $status: PresenceStatus!
    $activity: String
    $joinInfo: JSONObject
    $expiresInSeconds: Int
  ) {
    setPresence(
      userId: $userId
      status: $status
      activity: $activity
      joinInfo: $joinInfo
      expiresInSeconds: $expiresInSeconds
    ) {
      __typename
      ...RestError
      ... on SetPresencePayload { user { clientUserId } presence { ...RestPresence } }
    }
  }
`);

/** A presence as REST writes it. */
export interface RestPresenceView {
  status: string;
  activity?: string | null | undefined;
  joinInfo?: unknown;
  lastSeenAt?: string | null | undefined;
}

export function presenceBody(view: RestPresenceView | null | undefined) {
  if (!view) return null;
  return {
    status: declaredEnumValue(view.status),
    activity: view.activity ?? null,
    join_info: view.joinInfo ?? null,
    last_seen_at: view.lastSeenAt ?? null,
  };
}

export const presenceSchemas: Record<string, JsonSchema> = {
  Presence: object({
    status: stringEnum(enumValues(PRESENCE_STATUSES)),
    activity: nullable(string({ maxLength: MAX_ACTIVITY_LENGTH })),
    join_info: {
      type: ['object', 'null'],
      additionalProperties: true,
      description: 'What a connection needs to join, as the game defines it.',
    },
    last_seen_at: nullable(dateTime('When the user was last seen online: now while it is, null if never.')),
  }),
  UserPresence: object({
    user_id: string({ description: "The user (the game's `client_user_id`)." }),
    presence: nullable(ref('Presence')),
  }),
};

/** Beyond the documented API. */
export const presenceRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId/presence',
    pathUser: 'looked-up',
    tag: 'Presence',
    summary: "Get a user's presence",
    description:
      'The user itself, its connections (unless it shares with nobody) and its tenant’s service tokens see its presence; anyone else gets `presence: null`, whether the user is online or not. To connections an invisible user is `offline`.',
    operation: PresenceOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('UserPresence'), 'The presence, or null for a caller who may not see it.'),
    respond: (u) => ok({ user_id: u.clientUserId, presence: presenceBody(u.presence) }),
    errors: lookUpUser.failures,
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/presence',
    tag: 'Presence',
    summary: "Set a user's presence",
    description:
      'The user itself or a service token of its tenant (a game server marking a player in a match). `offline` drops what was set. With a socket open the presence lasts until changed or `expires_in_seconds`; without one the user is online for `expires_in_seconds`, else for the grace period. Draws on the write budget.',
    body: {
      status: { type: 'enum', values: enumValues(PRESENCE_STATUSES), required: true },
      activity: {
        type: 'string',
        maxLength: MAX_ACTIVITY_LENGTH,
        description: 'What the user is doing, e.g. "Ranked — 3rd round".',
      },
      join_info: {
        type: 'object',
        maxBytes: MAX_JOIN_INFO_BYTES,
        description: 'What a connection needs to join (a lobby id); shown only to connections.',
      },
      expires_in_seconds: {
        type: 'body-integer',
        minimum: 1,
        maximum: MAX_PRESENCE_TTL_SECONDS,
        description: 'When what is set lapses.',
      },
    },
    operation: SetPresenceOperation,
    variables: ({ params, body }) => ({
      userId: params.userId,
      status: body.status,
      activity: body.activity,
      joinInfo: body.join_info,
      expiresInSeconds: body.expires_in_seconds,
    }),
    success: okWith(ref('UserPresence'), 'The presence as set, as the user itself sees it.'),
    respond: (payload) => ok({ user_id: payload.user.clientUserId, presence: presenceBody(payload.presence) }),
    errors: setPresence.failures,
  }),
];
