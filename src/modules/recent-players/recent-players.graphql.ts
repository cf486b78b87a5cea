import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { RelationshipRef } from '../discovery/relationships.graphql.js';
import { actingUserArg, idempotencyKeyArg, UserRef } from '../users/users.graphql.js';
import {
  DEFAULT_RECENT_PLAYERS_PER_PAGE,
  listRecentPlayers,
  MAX_CONTEXT_LENGTH,
  MAX_MATCH_PLAYERS,
  MAX_RECENT_PLAYERS,
  MIN_MATCH_PLAYERS,
  type RecentPlayer,
  recordRecentPlayers,
} from './recent-players.service.js';

const RecentPlayerRef = builder.objectRef<RecentPlayer>('RecentPlayer').implement({
  description: 'A player the user recently played with, as the game’s backend reported it.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (recent) => recent.user }),
    context: t.string({
      nullable: true,
      description: 'What the game said their latest match together was (`match-8841`).',
      resolve: (recent) => recent.context,
    }),
    playedAt: t.field({
      type: 'DateTime',
      description: 'When their latest match together was recorded.',
      resolve: (recent) => recent.playedAt,
    }),
    relationship: t.field({
      type: RelationshipRef,
      description: 'How the user stands with this player now (as `relationships` answers).',
      resolve: (recent) => ({ userId: recent.user.client_user_id, ...recent.relationship }),
    }),
  }),
});

const RecentPlayerPage = pageType('RecentPlayer', RecentPlayerRef);

builder.queryField('recentPlayers', (t) =>
  t.field({
    type: RecentPlayerPage,
    description: `Players the user recently played with, most recent first, each once (their latest match), at most the last ${MAX_RECENT_PLAYERS}; kept RECENT_PLAYERS_RETENTION_DAYS (30 by default). Players with a block either way are left out.`,
    extensions: pagedList(DEFAULT_RECENT_PLAYERS_PER_PAGE),
    args: { ...actingUserArg, ...pageArgs },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => listRecentPlayers(context, requireViewer(context), args),
  }),
);

const RecordRecentPlayersPayload = builder.objectRef<{ players: number }>('RecordRecentPlayersPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Recent players recorded' }),
    players: t.exposeInt('players', { description: 'Players recorded as having played together.' }),
  }),
});

builder.mutationField('recordRecentPlayers', (t) =>
  t.field({
    type: RecordRecentPlayersPayload,
    description: `A service token only: records that these players played together (a match, a lobby); each then sees the others among its recent players. All or nothing; one transaction whatever the roster.`,
    args: {
      players: t.arg.idList({
        required: true,
        description: `${MIN_MATCH_PLAYERS} to ${MAX_MATCH_PLAYERS} users (\`clientUserId\`s), each once.`,
      }),
      context: t.arg.string({ description: `What the match was, at most ${MAX_CONTEXT_LENGTH} characters.` }),
      ...idempotencyKeyArg,
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => recordRecentPlayers(context, requireViewer(context), args),
  }),
);
