import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { actingUserArg, idempotencyKeyArg, UserRef } from '../users/users.graphql.js';
import { type FriendCode, getFriendCode, rotateFriendCode } from './friend-codes.service.js';

export const FriendCodeRef = builder.objectRef<FriendCode>('FriendCode').implement({
  description:
    'A user’s friend code: 8 characters without look-alikes, to read out or share, that others may send a connection request to (`sendConnectionRequest(friendCode:)`). Only the user itself and the game’s backend see it.',
  fields: (t) => ({
    value: t.string({ description: 'The code as users write it, `7KQ4-M2XD`.', resolve: (code) => code.code }),
    user: t.field({ type: UserRef, resolve: (code, _args, context) => context.loaders.user.load(code.userId) }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the user got this code (its first use, or its last rotation).',
      resolve: (code) => code.createdAt,
    }),
  }),
});

builder.queryField('friendCode', (t) =>
  t.field({
    type: FriendCodeRef,
    description: 'The user’s friend code (made the first time it is asked for).',
    args: { ...actingUserArg },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => getFriendCode(context, requireViewer(context), args),
  }),
);

const RotateFriendCodePayload = builder.objectRef<FriendCode>('RotateFriendCodePayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Friend code replaced' }),
    friendCode: t.field({ type: FriendCodeRef, resolve: (code) => code }),
  }),
});

builder.mutationField('rotateFriendCode', (t) =>
  t.field({
    type: RotateFriendCodePayload,
    description:
      'Gives the user a new friend code; the old one names no one from this moment (requests already sent with it stand).',
    args: { ...actingUserArg, ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => rotateFriendCode(context, requireViewer(context), args),
  }),
);
