import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import { type JsonSchema, object, ref, stringEnum } from '../../rest/json-schema.js';
import { ok, okWith } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { getSettings, updateSettings } from './settings.service.js';
import { REQUEST_POLICIES } from './settings.table.js';

const SettingsOperation = graphql(`
  query RestSettings($userId: ID!) {
    settings(userId: $userId) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

const UpdateSettingsOperation = graphql(`
  mutation RestUpdateSettings($userId: ID!, $acceptRequestsFrom: RequestPolicy!) {
    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

export const settingsSchemas: Record<string, JsonSchema> = {
  Settings: object({ accept_requests_from: stringEnum(enumValues(REQUEST_POLICIES)) }),
};

function settingsBody(settings: { acceptRequestsFrom: string }) {
  return { accept_requests_from: declaredEnumValue(settings.acceptRequestsFrom) };
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
    description: 'Who may send the user requests; others are refused with `REQUESTS_NOT_ACCEPTED`.',
    body: { accept_requests_from: { type: 'enum', values: enumValues(REQUEST_POLICIES), required: true } },
    operation: UpdateSettingsOperation,
    variables: ({ params, body }) => ({ userId: params.userId, acceptRequestsFrom: body.accept_requests_from }),
    success: okWith(ref('Settings'), 'The settings as changed.'),
    respond: (settings) => ok(settingsBody(settings)),
    errors: updateSettings.failures,
  }),
];
