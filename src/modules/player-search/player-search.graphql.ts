import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { RelationshipRef } from '../discovery/relationships.graphql.js';
import { UserRef } from '../users/users.graphql.js';
import {
  DEFAULT_RESULTS_PER_PAGE,
  type FoundUser,
  MAX_QUERY_LENGTH,
  MAX_RESULTS,
  MIN_QUERY_LENGTH,
  searchPlayers,
} from './player-search.service.js';

const FoundUserRef = builder.objectRef<FoundUser>('FoundUser').implement({
  description: 'A user whose display name matches a search.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (found) => found.user }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description:
        'How the searching user stands with this one (as `relationships` answers: a block by this user is never shown); null when a service token searches without `userId`.',
      resolve: (found) => found.relationship && { userId: found.user.client_user_id, ...found.relationship },
    }),
  }),
});

const FoundUserPage = pageType('FoundUser', FoundUserRef);

builder.queryField('searchUsers', (t) =>
  t.field({
    type: FoundUserPage,
    description: `Users of the tenant whose display name matches \`query\`, the best ${MAX_RESULTS} at most, best first: names starting with it (alphabetically), then names with a word starting with it, then names holding it, then (4 characters or more) names within a typo of it; case and accents do not matter. Each comes with the searching user’s relationship to it.`,
    extensions: pagedList(DEFAULT_RESULTS_PER_PAGE),
    args: {
      userId: t.arg.id({
        description:
          'The user searching (defaults to the token’s subject). A service token without it searches as no one: no relationships.',
      }),
      query: t.arg.string({
        required: true,
        description: `${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters of a display name.`,
      }),
      ...pageArgs,
    },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => searchPlayers(context, requireViewer(context), args),
  }),
);
