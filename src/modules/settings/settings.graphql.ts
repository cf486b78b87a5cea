import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { actingUserArg } from '../users/users.graphql.js';
import { getSettings, type Settings, updateSettings } from './settings.service.js';
import { REQUEST_POLICIES } from './settings.table.js';

export const RequestPolicyEnum = builder.enumType('RequestPolicy', {
  description: 'Who may send a user connection requests.',
  values: graphqlEnumValues(REQUEST_POLICIES),
});

const SettingsRef = builder.objectRef<Settings>('Settings').implement({
  description: 'A user’s privacy settings.',
  fields: (t) => ({
    acceptRequestsFrom: t.field({ type: RequestPolicyEnum, resolve: (settings) => settings.acceptRequestsFrom }),
  }),
});

builder.queryField('settings', (t) =>
  t.field({
    type: SettingsRef,
    description: 'The user’s privacy settings.',
    args: actingUserArg,
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => getSettings(context, requireViewer(context), args),
  }),
);

builder.mutationField('updateSettings', (t) =>
  t.field({
    type: SettingsRef,
    description:
      'Changes who may send the user connection requests. Requests already pending stay; a refused send gets REQUESTS_NOT_ACCEPTED.',
    args: {
      ...actingUserArg,
      acceptRequestsFrom: t.arg({ type: RequestPolicyEnum, required: true }),
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => updateSettings(context, requireViewer(context), args),
  }),
);
