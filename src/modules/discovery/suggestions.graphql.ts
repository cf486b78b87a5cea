import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { heavyReadErrors } from '../../graphql/errors.js';
import { COUNT_COST, costs, PaginationRef, pagedList } from '../../graphql/pagination.js';
import type { Page } from '../../platform/pagination.js';
import type { SuggestionRow } from './graph.repository.js';
import {
  DEFAULT_SUGGESTIONS_PER_PAGE,
  listConnectionSuggestions,
  SUGGESTION_REASONS,
  suggestionReason,
} from './suggestions.service.js';

/** A ranking over up to 40,000 edges, whatever the page: a hundred page reads' worth. */
const SUGGESTIONS_COST = 100;

import { actingUserArg, UserRef } from '../users/users.graphql.js';

const SuggestionReasonEnum = builder.enumType('SuggestionReason', {
  description: 'Why a user is suggested.',
  values: graphqlEnumValues(SUGGESTION_REASONS),
});

const ConnectionSuggestionRef = builder.objectRef<SuggestionRow>('ConnectionSuggestion').implement({
  description: 'Someone the user may know: a user connected to some of its connections, or met in a recent match.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (row) => row }),
    mutualCount: t.exposeInt('mutual_count', {
      description:
        'Connections the two share, as far as suggestions look (see connectionSuggestions): a lower bound for users with more than 200 connections; 0 for a player met in a match only.',
    }),
    reason: t.field({
      type: SuggestionReasonEnum,
      description: 'Why: shared connections, or (sharing none) a recent match.',
      resolve: suggestionReason,
    }),
    playedTogetherAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the two last played together, if recently (see recentPlayers).',
      resolve: (row) => row.played_at,
    }),
  }),
});

const ConnectionSuggestionPage = builder.objectRef<Page<SuggestionRow>>('ConnectionSuggestionPage').implement({
  description: 'One page of suggestions, by page number (the ranking has no cursors).',
  fields: (t) => ({
    nodes: t.field({ type: [ConnectionSuggestionRef], resolve: (page) => page.items }),
    totalCount: t.int({
      description: 'Suggestions found, at most 500.',
      extensions: costs({ base: COUNT_COST }),
      resolve: (page) => page.totalCount(),
    }),
    pagination: t.field({
      type: PaginationRef,
      resolve: (page) => page as unknown as Page<unknown> & { page: number },
    }),
  }),
});

builder.queryField('connectionSuggestions', (t) =>
  t.field({
    type: ConnectionSuggestionPage,
    description:
      'People the user may know: users connected to its connections and players it recently played with, most mutual connections first (a recent match counting as one more), then the most recently met; each says why (`reason`). Leaves out the user, its connections, users with a pending request either way, blocks either way, and users who would refuse its request. Bounded: reads the user’s 200 newest connections and the 200 newest of each, its recent players, and ranks at most 500.',
    extensions: pagedList(DEFAULT_SUGGESTIONS_PER_PAGE, SUGGESTIONS_COST),
    args: {
      ...actingUserArg,
      page: t.arg.int({ description: 'Page number, 1-based (default 1).' }),
      perPage: t.arg.int({ description: 'Items per page (at most 50; default 10).' }),
    },
    errors: { types: heavyReadErrors },
    resolve: (_root, args, context) => listConnectionSuggestions(context, requireViewer(context), args),
  }),
);
