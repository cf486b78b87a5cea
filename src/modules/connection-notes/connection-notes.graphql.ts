import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors } from '../../graphql/errors.js';
import { ConnectionRef } from '../connections/connections.graphql.js';
import { actingUserArg } from '../users/users.graphql.js';
import { MAX_NICKNAME_LENGTH, MAX_NOTE_LENGTH, updateConnection } from './connection-notes.service.js';

// A connection is always one user's side of it: these are that user's, and no one else's.
builder.objectFields(ConnectionRef, (t) => ({
  nickname: t.string({
    nullable: true,
    description: 'The name this user gave the connected user; private to this user.',
    // Results stored for idempotent replays before nicknames existed lack the field.
    resolve: (edge) => edge.nickname ?? null,
  }),
  note: t.string({
    nullable: true,
    description: 'This user’s note about the connected user; private to this user.',
    resolve: (edge) => edge.note ?? null,
  }),
  favorite: t.boolean({
    description: 'Whether this user starred the connected user; private to this user.',
    resolve: (edge) => edge.favorite ?? false,
  }),
}));

builder.mutationField('updateConnection', (t) =>
  t.field({
    type: ConnectionRef,
    description:
      'Sets what the user keeps about the other side of one of its connections: a nickname, a note, a star. Only this user ever sees them (not the other user, nor the other’s lists); they go with the connection. An argument left out stays as it is; null or an empty string clears a nickname or note.',
    args: {
      ...actingUserArg,
      connectionId: t.arg.id({ required: true }),
      nickname: t.arg.string({ description: `At most ${MAX_NICKNAME_LENGTH} characters, one line.` }),
      note: t.arg.string({ description: `At most ${MAX_NOTE_LENGTH} characters.` }),
      favorite: t.arg.boolean({ description: 'Star (true) or unstar (false).' }),
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => updateConnection(context, requireViewer(context), args),
  }),
);
