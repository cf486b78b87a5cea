import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { userScopedErrors } from '../../graphql/errors.js';
import { costs } from '../../graphql/pagination.js';
import { actingUserArg } from '../users/users.graphql.js';
import {
  listRelationships,
  MAX_RELATIONSHIP_IDS,
  RELATIONSHIP_STATUSES,
  type Relationship,
} from './relationships.service.js';

const RelationshipStatusEnum = builder.enumType('RelationshipStatus', {
  values: graphqlEnumValues(RELATIONSHIP_STATUSES),
});

export const RelationshipRef = builder.objectRef<Relationship>('Relationship').implement({
  description: 'How the user stands with another user.',
  fields: (t) => ({
    userId: t.exposeID('userId', { description: 'The clientUserId as asked for.' }),
    status: t.field({ type: RelationshipStatusEnum, resolve: (r) => r.status }),
    connectionId: t.id({
      nullable: true,
      description: 'The connection, when CONNECTED.',
      resolve: (r, _args, context) =>
        r.connectionId === null ? null : context.ids.encode('connection', r.connectionId),
    }),
    requestId: t.id({
      nullable: true,
      description: 'The pending request, when REQUEST_SENT or REQUEST_RECEIVED.',
      resolve: (r, _args, context) => (r.requestId === null ? null : context.ids.encode('request', r.requestId)),
    }),
  }),
});

const RelationshipListRef = builder.objectRef<Relationship[]>('RelationshipList').implement({
  fields: (t) => ({
    relationships: t.field({
      type: [RelationshipRef],
      description: 'One per id asked for, in the same order.',
      resolve: (list) => list,
    }),
  }),
});

builder.queryField('relationships', (t) =>
  t.field({
    type: RelationshipListRef,
    description: `How the user stands with each of up to ${MAX_RELATIONSHIP_IDS} users, in one round trip: for a game’s player list.`,
    // Its list holds one entry per id asked about.
    extensions: costs({ base: 1, sizeArgument: 'userIds', maxSize: MAX_RELATIONSHIP_IDS }),
    args: {
      ...actingUserArg,
      userIds: t.arg.idList({ required: true, description: `1 to ${MAX_RELATIONSHIP_IDS} clientUserIds.` }),
    },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) =>
      listRelationships(context, requireViewer(context), {
        userId: args.userId,
        userIds: args.userIds.map(String),
      }),
  }),
);
