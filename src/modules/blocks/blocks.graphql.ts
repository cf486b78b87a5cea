import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { actingUserArg, UserRef } from '../users/users.graphql.js';
import { blockUser, DEFAULT_BLOCKS_PER_PAGE, listBlockedUsers, unblockUser } from './blocks.service.js';
import type { BlockRow } from './blocks.table.js';

const BlockedUserRef = builder.objectRef<BlockRow>('BlockedUser').implement({
  description: 'A user whom the user blocks.',
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      description: 'The blocked user.',
      resolve: (block, _args, context) => context.loaders.user.load(block.blocked_id),
    }),
    blockedAt: t.field({ type: 'DateTime', resolve: (block) => block.created_at }),
  }),
});

const BlockedUserPage = pageType('BlockedUser', BlockedUserRef);

builder.queryField('blockedUsers', (t) =>
  t.field({
    type: BlockedUserPage,
    description: 'The users the user blocks, newest block first.',
    extensions: pagedList(DEFAULT_BLOCKS_PER_PAGE),
    args: { ...actingUserArg, ...pageArgs },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => listBlockedUsers(context, requireViewer(context), args),
  }),
);

const otherUserArg = builder.args((t) => ({
  otherUserId: t.id({ required: true, description: 'The clientUserId of the user to block or unblock.' }),
}));

const BlockUserPayload = builder.objectRef<{ block: BlockRow; created: boolean }>('BlockUserPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'User blocked' }),
    created: t.exposeBoolean('created', { description: 'False when the user was blocked already.' }),
    blocked: t.field({ type: BlockedUserRef, resolve: (payload) => payload.block }),
  }),
});

builder.mutationField('blockUser', (t) =>
  t.field({
    type: BlockUserPayload,
    description:
      'Blocks another user: in one step their connection is removed, the user’s pending request to them is withdrawn and theirs to the user is declined without a notification. Neither may then send the other a request. The blocked user is not told.',
    args: { ...actingUserArg, ...otherUserArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => blockUser(context, requireViewer(context), args),
  }),
);

const UnblockUserPayload = builder.objectRef<{ otherUserId: number }>('UnblockUserPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'User unblocked' }),
    user: t.field({
      type: UserRef,
      description: 'The user who is no longer blocked.',
      resolve: (payload, _args, context) => context.loaders.user.load(payload.otherUserId),
    }),
  }),
});

builder.mutationField('unblockUser', (t) =>
  t.field({
    type: UnblockUserPayload,
    description:
      'Lifts a block (BLOCK_NOT_FOUND if there is none). Nothing the block ended comes back; the two may send requests again.',
    args: { ...actingUserArg, ...otherUserArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => unblockUser(context, requireViewer(context), args),
  }),
);
