import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { ConnectionRef } from '../connections/connections.graphql.js';
import { actingUserArg, idempotencyKeyArg, UserRef } from '../users/users.graphql.js';
import {
  answerConnectionRequest,
  cancelConnectionRequest,
  DEFAULT_REQUESTS_PER_PAGE,
  listConnectionRequests,
  REQUEST_STATUS_FILTERS,
  sendConnectionRequest,
} from './connection-requests.service.js';
import { type ConnectionRequestRow, REQUEST_STATUSES } from './connection-requests.table.js';

export const ConnectionRequestStatusEnum = builder.enumType('ConnectionRequestStatus', {
  values: graphqlEnumValues(REQUEST_STATUSES),
});

const ConnectionRequestStatusFilterEnum = builder.enumType('ConnectionRequestStatusFilter', {
  values: graphqlEnumValues(REQUEST_STATUS_FILTERS),
});

export const ConnectionRequestRef = builder.objectRef<ConnectionRequestRow>('ConnectionRequest').implement({
  fields: (t) => ({
    id: t.id({ resolve: (request, _args, context) => context.ids.encode('request', request.id) }),
    sender: t.field({
      type: UserRef,
      resolve: (request, _args, context) => context.loaders.user.load(request.sender_id),
    }),
    receiver: t.field({
      type: UserRef,
      resolve: (request, _args, context) => context.loaders.user.load(request.receiver_id),
    }),
    status: t.field({ type: ConnectionRequestStatusEnum, resolve: (request) => request.status }),
    message: t.exposeString('message', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (request) => request.created_at }),
    respondedAt: t.field({ type: 'DateTime', nullable: true, resolve: (request) => request.responded_at }),
  }),
});

const ConnectionRequestPage = pageType('ConnectionRequest', ConnectionRequestRef);

for (const direction of ['sent', 'received'] as const) {
  builder.queryField(`${direction}ConnectionRequests`, (t) =>
    t.field({
      type: ConnectionRequestPage,
      description: `Connection requests the user ${direction}, newest first.`,
      extensions: pagedList(DEFAULT_REQUESTS_PER_PAGE),
      args: {
        ...actingUserArg,
        ...pageArgs,
        status: t.arg({ type: ConnectionRequestStatusFilterEnum, defaultValue: 'all' }),
      },
      errors: { types: userScopedErrors },
      resolve: (_root, args, context) => listConnectionRequests(context, requireViewer(context), direction, args),
    }),
  );
}

const SendConnectionRequestPayload = builder.objectRef<ConnectionRequestRow>('SendConnectionRequestPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Connection request sent successfully' }),
    request: t.field({ type: ConnectionRequestRef, resolve: (request) => request }),
  }),
});

builder.mutationField('sendConnectionRequest', (t) =>
  t.field({
    type: SendConnectionRequestPayload,
    description: 'Sends a connection request; the receiver gets a `NEW_REQUEST` notification.',
    args: {
      ...actingUserArg,
      receiverId: t.arg.id({ description: 'The clientUserId to connect with (or give `friendCode`).' }),
      friendCode: t.arg.string({
        description:
          'The friend code of the user to connect with, as they shared it (`7KQ4-M2XD`; any case, dash optional), instead of `receiverId`. A code that names no one is `FRIEND_CODE_NOT_FOUND` and counts against the sender’s few misses per window.',
      }),
      message: t.arg.string({ description: 'Optional note to the receiver, at most 500 characters.' }),
      ...idempotencyKeyArg,
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => sendConnectionRequest(context, requireViewer(context), args),
  }),
);

const CancelConnectionRequestPayload = builder
  .objectRef<ConnectionRequestRow>('CancelConnectionRequestPayload')
  .implement({
    fields: (t) => ({
      message: t.string({ resolve: () => 'Connection request cancelled successfully' }),
      request: t.field({ type: ConnectionRequestRef, resolve: (request) => request }),
    }),
  });

builder.mutationField('cancelConnectionRequest', (t) =>
  t.field({
    type: CancelConnectionRequestPayload,
    description:
      'Withdraws a pending request the user sent (status CANCELLED). The receiver’s NEW_REQUEST notification is marked read, the receiver gets a REQUEST_CANCELLED notification that is already read, and both users’ connectionEvents get a ConnectionRequestClosedEvent. Distinct from a decline (the receiver’s answer) and from removing a connection.',
    args: { ...actingUserArg, requestId: t.arg.id({ required: true }), ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => cancelConnectionRequest(context, requireViewer(context), args),
  }),
);

type AnswerResult = Awaited<ReturnType<typeof answerConnectionRequest>>;

const answers = {
  accept: {
    answer: 'accepted',
    payload: 'AcceptConnectionRequestPayload',
    message: 'Connection request accepted successfully',
  },
  decline: {
    answer: 'declined',
    payload: 'DeclineConnectionRequestPayload',
    message: 'Connection request declined successfully',
  },
} as const;

for (const [verb, { answer, payload, message }] of Object.entries(answers)) {
  const Payload = builder.objectRef<AnswerResult>(payload).implement({
    fields: (t) => ({
      message: t.string({ resolve: () => message }),
      request: t.field({ type: ConnectionRequestRef, resolve: (result) => result.request }),
      ...(answer === 'accepted' && {
        connection: t.field({
          type: ConnectionRef,
          description: 'The connection created, as the accepting user sees it.',
          resolve: (result) => result.connection!,
        }),
      }),
    }),
  });
  builder.mutationField(`${verb}ConnectionRequest`, (t) =>
    t.field({
      type: Payload,
      description:
        answer === 'accepted'
          ? 'Accepts a pending request received by the user; the sender gets a REQUEST_ACCEPTED notification.'
          : 'Declines a pending request received by the user; the sender gets a REQUEST_DECLINED notification unless `silent`.',
      args: {
        ...actingUserArg,
        requestId: t.arg.id({ required: true }),
        ...(answer === 'declined' && {
          silent: t.arg.boolean({
            defaultValue: false,
            description:
              'Decline without telling the sender: no REQUEST_DECLINED notification, no live event. The sender still sees the request DECLINED in sentConnectionRequests, as after any decline. A block declines the blocked user’s pending request exactly this way.',
          }),
        }),
        ...idempotencyKeyArg,
      },
      errors: { types: mutationErrors },
      resolve: (_root, args, context) => answerConnectionRequest(context, requireViewer(context), args, answer),
    }),
  );
}
