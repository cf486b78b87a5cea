import type { ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder, type Types } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { heavyReadErrors } from '../../graphql/errors.js';
import { COUNT_COST, costs, pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { ForbiddenError } from '../../platform/errors.js';
import { ConnectionRequestRef } from '../connection-requests/connection-requests.graphql.js';
import { actingUserArg, UserRef } from '../users/users.graphql.js';
import type { MutualConnectionRow } from './graph.repository.js';
import { DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE, listMutualConnections, mutualCountKey } from './mutual.service.js';

// The rows are users, with when they became a mutual connection (the cursor's position).
const MutualConnectionPage = pageType('MutualConnection', UserRef as unknown as ObjectRef<Types, MutualConnectionRow>);

/** A mutual count: an intersection of two users' connections, loaded in one batch per page. */
const MUTUAL_COUNT_COST = 2;
/** A mutual-connection page: an intersection of two connection lists, sorted, then a page of it. */
const MUTUAL_LIST_COST = 10;

builder.objectField(MutualConnectionPage, 'total', (t) =>
  t.int({
    description: 'How many connections the two users share (the same as totalCount).',
    extensions: costs({ base: COUNT_COST }),
    resolve: (page) => page.totalCount(),
  }),
);

builder.queryField('mutualConnections', (t) =>
  t.field({
    type: MutualConnectionPage,
    description:
      'The connections the user shares with `otherUserId`, the newest mutual connection first (by when the later of the two connections was made). Users with a block with either of the two are left out.',
    extensions: pagedList(DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE, MUTUAL_LIST_COST),
    args: {
      ...actingUserArg,
      otherUserId: t.arg.id({ required: true, description: 'The clientUserId of the other user.' }),
      ...pageArgs,
    },
    errors: { types: heavyReadErrors },
    resolve: (_root, args, context) => listMutualConnections(context, requireViewer(context), args),
  }),
);

builder.objectField(ConnectionRequestRef, 'mutualConnectionCount', (t) =>
  t.int({
    description:
      'How many connections the sender and the receiver share (users with a block with either are not counted). Loaded in one batch per page.',
    extensions: costs({ base: MUTUAL_COUNT_COST }),
    resolve: async (request, _args, context) =>
      (await context.loaders.mutualConnectionCount.load({
        userId: request.sender_id,
        otherUserId: request.receiver_id,
      })) ?? 0,
  }),
);

builder.objectField(UserRef, 'mutualConnectionCount', (t) =>
  t.int({
    nullable: true,
    description:
      'How many connections this user shares with `withUserId` (users with a block with either are not counted). A block between this user and `withUserId` themselves changes nothing, so that the count, on a user any caller may look up, never tells either of them of a block. Null when `withUserId` is not a user of the tenant, or is this user. Loaded in one batch per page.',
    extensions: costs({ base: MUTUAL_COUNT_COST }),
    args: {
      withUserId: t.arg.id({
        description:
          "The clientUserId to compare with; defaults to the token's subject. Only service tokens may name another user.",
      }),
    },
    resolve: (user, args, context) => {
      let key: ReturnType<typeof mutualCountKey>;
      try {
        key = mutualCountKey(requireViewer(context), user.id, args.withUserId);
      } catch (error) {
        // A plain field has no typed error result; the refusal is a GraphQL error with its code.
        if (error instanceof ForbiddenError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code } });
        }
        throw error;
      }
      return key && context.loaders.mutualConnectionCount.load(key);
    },
  }),
);
