import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { InvitePolicyEnum } from '../invites/invites.graphql.js';
import { PRESENCE_SHARING } from '../presence/presence.rules.js';
import { actingUserArg } from '../users/users.graphql.js';
import { getSettings, type Settings, updateSettings } from './settings.service.js';
import { REQUEST_POLICIES } from './settings.table.js';

export const RequestPolicyEnum = builder.enumType('RequestPolicy', {
  description: 'Who may send a user connection requests.',
  values: graphqlEnumValues(REQUEST_POLICIES),
});

export const PresenceSharingEnum = builder.enumType('PresenceSharing', {
  description: 'Who sees a user’s presence besides itself and its tenant’s service tokens.',
  values: graphqlEnumValues(PRESENCE_SHARING),
});

const SettingsRef = builder.objectRef<Settings>('Settings').implement({
  description: 'A user’s privacy settings.',
  fields: (t) => ({
    acceptRequestsFrom: t.field({ type: RequestPolicyEnum, resolve: (settings) => settings.acceptRequestsFrom }),
    sharePresence: t.field({ type: PresenceSharingEnum, resolve: (settings) => settings.sharePresence }),
    acceptInvitesFrom: t.field({ type: InvitePolicyEnum, resolve: (settings) => settings.acceptInvitesFrom }),
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
      'Changes who may send the user connection requests (requests already pending stay; a refused send gets REQUESTS_NOT_ACCEPTED), who sees its presence (at once), who may invite it to play (invites already pending stay; a refused invite gets INVITES_NOT_ACCEPTED), or several. At least one setting must be given.',
    args: {
      ...actingUserArg,
      acceptRequestsFrom: t.arg({ type: RequestPolicyEnum }),
      sharePresence: t.arg({ type: PresenceSharingEnum }),
      acceptInvitesFrom: t.arg({ type: InvitePolicyEnum }),
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => updateSettings(context, requireViewer(context), args),
  }),
);
