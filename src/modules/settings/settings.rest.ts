import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import { type JsonSchema, object, ref, stringEnum } from '../../rest/json-schema.js';
import { ok, okWith } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { INVITE_POLICIES } from '../invites/invites.table.js';
import { PRESENCE_SHARING } from '../presence/presence.rules.js';
import { getSettings, updateSettings } from './settings.service.js';
import { REQUEST_POLICIES } from './settings.table.js';

const SettingsOperation = graphql(`
  query RestSettings($userId: ID!) {
    settings(userId: $userId) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }
    }
  }
`);

const UpdateSettingsOperation = graphql(`
  mutation RestUpdateSettings(
    $userId: ID!
    $acceptRequestsFrom: RequestPolicy
    $sharePresence: PresenceSharing
    $acceptInvitesFrom: InvitePolicy
  ) {
    updateSettings(
      userId: $userId
      acceptRequestsFrom: $acceptRequestsFrom
      sharePresence: $sharePresence
      acceptInvitesFrom: $acceptInvitesFrom
    ) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }
    }
  }
`);

export const settingsSchemas: Record<string, JsonSchema> = {
  Settings: object({
    accept_requests_from: stringEnum(enumValues(REQUEST_POLICIES)),
    share_presence: stringEnum(enumValues(PRESENCE_SHARING)),
    accept_invites_from: stringEnum(enumValues(INVITE_POLICIES)),
  }),
};

function settingsBody(settings: { acceptRequestsFrom: string; sharePresence: string; acceptInvitesFrom: string }) {
  return {
    accept_requests_from: declaredEnumValue(settings.acceptRequestsFrom),
    share_presence: declaredEnumValue(settings.sharePresence),
    accept_invites_from: declaredEnumValue(settings.acceptInvitesFrom),
  };
}

/** Beyond the documented API. */
export const settingsRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId/settings',
    tag: 'Privacy',
    summary: 'Get privacy settings',
    operation: SettingsOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('Settings'), 'The settings.'),
    respond: (settings) => ok(settingsBody(settings)),
    errors: getSettings.failures,
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/settings',
    tag: 'Privacy',
    summary: 'Change privacy settings',
    description:
      'Who may send the user requests (others are refused with `REQUESTS_NOT_ACCEPTED`), who sees its presence, and who may invite it to play (others are refused with `INVITES_NOT_ACCEPTED`). Give any of them; what is left out stays.',
    body: {
      accept_requests_from: { type: 'enum', values: enumValues(REQUEST_POLICIES) },
      share_presence: { type: 'enum', values: enumValues(PRESENCE_SHARING) },
      accept_invites_from: { type: 'enum', values: enumValues(INVITE_POLICIES) },
    },
    operation: UpdateSettingsOperation,
    variables: ({ params, body }) => ({
      userId: params.userId,
      acceptRequestsFrom: body.accept_requests_from,
      sharePresence: body.share_presence,
      acceptInvitesFrom: body.accept_invites_from,
    }),
    success: okWith(ref('Settings'), 'The settings as changed.'),
    respond: (settings) => ok(settingsBody(settings)),
    errors: updateSettings.failures,
  }),
];
