import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { NotificationRef } from '../notifications/notifications.graphql.js';
import { MAX_JOIN_INFO_BYTES } from '../presence/presence.rules.js';
import { actingUserArg, idempotencyKeyArg, UserRef } from '../users/users.graphql.js';
import {
  answerInvite,
  cancelInvite,
  DEFAULT_INVITE_EXPIRY_SECONDS,
  DEFAULT_INVITES_PER_PAGE,
  INVITE_DIRECTIONS,
  INVITE_STATUS_FILTERS,
  listInvites,
  MAX_INVITE_EXPIRY_SECONDS,
  MAX_INVITE_MESSAGE_LENGTH,
  MAX_INVITE_RECEIVERS,
  MIN_INVITE_EXPIRY_SECONDS,
  sendInvite,
} from './invites.service.js';
import { INVITE_POLICIES, INVITE_STATUSES, type InviteRow } from './invites.table.js';

export const InviteStatusEnum = builder.enumType('InviteStatus', { values: graphqlEnumValues(INVITE_STATUSES) });

const InviteStatusFilterEnum = builder.enumType('InviteStatusFilter', {
  values: graphqlEnumValues(INVITE_STATUS_FILTERS),
});

const InviteDirectionEnum = builder.enumType('InviteDirection', { values: graphqlEnumValues(INVITE_DIRECTIONS) });

export const InvitePolicyEnum = builder.enumType('InvitePolicy', {
  description: 'Who may invite a user to play.',
  values: graphqlEnumValues(INVITE_POLICIES),
});

export const InviteRef = builder.objectRef<InviteRow>('Invite').implement({
  description: 'An invitation from a player to one of its connections to join it in the game.',
  fields: (t) => ({
    id: t.id({ resolve: (invite, _args, context) => context.ids.encode('invite', invite.id) }),
    sender: t.field({
      type: UserRef,
      resolve: (invite, _args, context) => context.loaders.user.load(invite.sender_id),
    }),
    receiver: t.field({
      type: UserRef,
      resolve: (invite, _args, context) => context.loaders.user.load(invite.receiver_id),
    }),
    status: t.field({ type: InviteStatusEnum, resolve: (invite) => invite.status }),
    message: t.exposeString('message', { nullable: true }),
    joinInfo: t.field({
      type: 'JSONObject',
      description: 'What the receiver needs to join (a lobby, a server), as the game defines it.',
      resolve: (invite) => invite.join_info,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (invite) => invite.created_at }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'After this the invite can no longer be accepted.',
      resolve: (invite) => invite.expires_at,
    }),
    respondedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was accepted, declined or withdrawn.',
      resolve: (invite) => invite.responded_at,
    }),
  }),
});

builder.objectField(NotificationRef, 'invite', (t) =>
  t.field({
    type: InviteRef,
    nullable: true,
    description:
      'The invite a GAME_INVITE, INVITE_ACCEPTED or INVITE_DECLINED notification is about (its join info, its expiry, where it stands now); null for the other types.',
    resolve: (n, _args, context) => (n.invite_id === null ? null : context.loaders.invite.load(n.invite_id)),
  }),
);

const InvitePage = pageType('Invite', InviteRef);

builder.queryField('invites', (t) =>
  t.field({
    type: InvitePage,
    description: 'Invites the user received (or sent), newest first.',
    extensions: pagedList(DEFAULT_INVITES_PER_PAGE),
    args: {
      ...actingUserArg,
      ...pageArgs,
      direction: t.arg({ type: InviteDirectionEnum, defaultValue: 'received' }),
      status: t.arg({ type: InviteStatusFilterEnum, defaultValue: 'all' }),
    },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => listInvites(context, requireViewer(context), args),
  }),
);

const SendInvitePayload = builder.objectRef<{ invites: InviteRow[] }>('SendInvitePayload').implement({
  fields: (t) => ({
    message: t.string({
      resolve: (r) => `Invite sent to ${r.invites.length} user${r.invites.length === 1 ? '' : 's'}`,
    }),
    invites: t.field({
      type: [InviteRef],
      description: 'One per receiver, in the order of `receiverIds`.',
      resolve: (r) => r.invites,
    }),
  }),
});

builder.mutationField('sendInvite', (t) =>
  t.field({
    type: SendInvitePayload,
    description: `Invites connections of the user to join it in the game: each gets an invite and a GAME_INVITE notification carrying it, live. All or none: a receiver who is not a connection, has blocked the user or takes no invites fails the call with INVITES_NOT_ACCEPTED. A pending invite the user sent a receiver before is withdrawn by the new one. Draws once on the send budget.`,
    args: {
      ...actingUserArg,
      receiverIds: t.arg.idList({
        required: true,
        description: `The connections invited (clientUserIds): 1 to ${MAX_INVITE_RECEIVERS}, each once.`,
      }),
      message: t.arg.string({
        description: `Shown to the receivers, at most ${MAX_INVITE_MESSAGE_LENGTH} characters.`,
      }),
      joinInfo: t.arg({
        type: 'JSONObject',
        required: true,
        description: `What a receiver needs to join (a lobby id, a server address): a JSON object of at most ${MAX_JOIN_INFO_BYTES} bytes, given to the receivers.`,
      }),
      expiresInSeconds: t.arg.int({
        description: `How long the invite can be accepted: ${MIN_INVITE_EXPIRY_SECONDS} to ${MAX_INVITE_EXPIRY_SECONDS} seconds (default ${DEFAULT_INVITE_EXPIRY_SECONDS}).`,
      }),
      ...idempotencyKeyArg,
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) =>
      sendInvite(context, requireViewer(context), { ...args, receiverIds: args.receiverIds.map(String) }),
  }),
);

type AnswerResult = Awaited<ReturnType<typeof answerInvite>>;

const AcceptInvitePayload = builder.objectRef<AnswerResult>('AcceptInvitePayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Invite accepted' }),
    invite: t.field({ type: InviteRef, resolve: (r) => r.invite }),
    joinInfo: t.field({ type: 'JSONObject', description: 'What the game needs to join.', resolve: (r) => r.joinInfo }),
  }),
});

builder.mutationField('acceptInvite', (t) =>
  t.field({
    type: AcceptInvitePayload,
    description:
      'Accepts an invite the user received and answers its join info; the sender gets an INVITE_ACCEPTED notification. An expired invite cannot be accepted (INVITE_EXPIRED).',
    args: { ...actingUserArg, inviteId: t.arg.id({ required: true }), ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => answerInvite(context, requireViewer(context), args, 'accepted'),
  }),
);

const DeclineInvitePayload = builder.objectRef<AnswerResult>('DeclineInvitePayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Invite declined' }),
    invite: t.field({ type: InviteRef, resolve: (r) => r.invite }),
  }),
});

builder.mutationField('declineInvite', (t) =>
  t.field({
    type: DeclineInvitePayload,
    description:
      'Declines an invite the user received; the sender gets an INVITE_DECLINED notification unless `silent`.',
    args: {
      ...actingUserArg,
      inviteId: t.arg.id({ required: true }),
      silent: t.arg.boolean({
        defaultValue: false,
        description: 'Decline without telling the sender: no notification (the invite still reads DECLINED to it).',
      }),
      ...idempotencyKeyArg,
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => answerInvite(context, requireViewer(context), args, 'declined'),
  }),
);

const CancelInvitePayload = builder.objectRef<InviteRow>('CancelInvitePayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Invite withdrawn' }),
    invite: t.field({ type: InviteRef, resolve: (invite) => invite }),
  }),
});

builder.mutationField('cancelInvite', (t) =>
  t.field({
    type: CancelInvitePayload,
    description:
      'Withdraws a pending invite the user sent: it reads CANCELLED, and the receiver’s GAME_INVITE notification no longer counts as unread.',
    args: { ...actingUserArg, inviteId: t.arg.id({ required: true }), ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => cancelInvite(context, requireViewer(context), args),
  }),
);
