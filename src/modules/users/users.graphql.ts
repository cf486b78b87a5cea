import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { SAME_FOR_EVERY_VIEWER } from '../../graphql/subscription-events.js';
import { lookUpUser, upsertUser } from './users.service.js';
import type { UserRow } from './users.table.js';

// Every caller of the tenant can reach every User (`user(userId)`, see `lookUpUser`): its fields
// are the public profile. Nothing private to the user (settings, blocks, its own counts) belongs
// here, and no field may answer differently because of a block with the caller. These four read
// nothing of the caller at all (SAME_FOR_EVERY_VIEWER); fields added elsewhere that do must not
// carry the mark.
export const UserRef = builder.objectRef<UserRow>('User').implement({
  description: 'A player, known by the id the game gives it (`clientUserId`).',
  fields: (t) => ({
    id: t.exposeID('client_user_id', {
      description: 'Same as clientUserId; unique within the tenant.',
      extensions: SAME_FOR_EVERY_VIEWER,
    }),
    clientUserId: t.exposeString('client_user_id', { extensions: SAME_FOR_EVERY_VIEWER }),
    displayName: t.exposeString('display_name', { extensions: SAME_FOR_EVERY_VIEWER }),
    createdAt: t.field({
      type: 'DateTime',
      extensions: SAME_FOR_EVERY_VIEWER,
      resolve: (user) => user.created_at,
    }),
  }),
});

export const actingUserArg = builder.args((t) => ({
  userId: t.id({
    description: "The user to act as; defaults to the token's subject. Only service tokens may name another user.",
  }),
}));

/** The user a read looks up, which need not be the caller (see `lookUpUser`). */
const lookedUpUserArg = builder.args((t) => ({
  userId: t.id({
    description:
      "The user to look up (its clientUserId); defaults to the token's subject. Any user of the caller's tenant.",
  }),
}));

/** For mutations a client may retry after a timeout without repeating their effect. */
export const idempotencyKeyArg = builder.args((t) => ({
  idempotencyKey: t.string({
    description:
      'Makes retries safe: a call repeated with the same key (1 to 255 printable ASCII characters, per acting user) returns the first call’s result instead of acting again. Keys are kept 24 hours by default.',
  }),
}));

const UpsertUserPayload = builder.objectRef<{ user: UserRow; created: boolean }>('UpsertUserPayload').implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (payload) => payload.user }),
    created: t.exposeBoolean('created', { description: 'True when the user did not exist before.' }),
  }),
});

builder.queryField('user', (t) =>
  t.field({
    type: UserRef,
    description:
      'The public profile of a user of the caller’s tenant (default: the caller): any user token of the tenant may look up any of its users, as a game UI does before sending a request or to show a profile card. The answer is the same whatever blocks there are between the two. A user that does not exist, or exists only in another tenant, is a NotFoundError (USER_NOT_FOUND) alike. Acting as another user (upsertUser, settings, blocks) stays reserved to that user and service tokens.',
    args: lookedUpUserArg,
    // ForbiddenError stays in the union for clients written against it; a lookup never answers it.
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => lookUpUser(context.db, requireViewer(context), args.userId),
  }),
);

builder.mutationField('upsertUser', (t) =>
  t.field({
    type: UpsertUserPayload,
    description: 'Creates the user, or renames it if it exists. Allowed to a service token or the user itself.',
    args: {
      ...actingUserArg,
      displayName: t.arg.string({ required: true, description: '1 to 64 characters after trimming.' }),
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) =>
      upsertUser(context, requireViewer(context), { userId: args.userId, displayName: args.displayName }),
  }),
);
