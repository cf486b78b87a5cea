import { declareErrors } from '../../platform/errors.js';

export const inviteErrors = declareErrors({
  CANNOT_INVITE_SELF: {
    type: 'ValidationError',
    message: 'Cannot invite yourself',
    description: 'The sender is among the receivers.',
  },
  INVITES_NOT_ACCEPTED: {
    type: 'ForbiddenError',
    description:
      'A receiver is not a connection of the sender, blocked it, or does not accept invites (`accept_invites_from`): the sender cannot tell these apart ("User \'{id}\' does not accept invites from you"). Nothing was sent.',
  },
  INVITE_NOT_FOUND: {
    type: 'NotFoundError',
    message: "Invite with ID '{id}' does not exist",
    description: 'No such invite sent or received by this user.',
  },
  NOT_INVITE_RECEIVER: {
    type: 'ForbiddenError',
    message: 'Only the receiver of an invite may answer it',
    description: 'The sender tried to accept or decline its own invite.',
  },
  NOT_INVITE_SENDER: {
    type: 'ForbiddenError',
    message: 'Only the sender of an invite may withdraw it',
    description: 'The receiver tried to withdraw an invite (it declines it instead).',
  },
  INVITE_EXPIRED: {
    type: 'ConflictError',
    message: 'This invite has expired',
    description: 'The invite was left unanswered past its expiry; it can no longer be accepted, declined or withdrawn.',
  },
  INVITE_ALREADY_ANSWERED: {
    type: 'ConflictError',
    message: 'Invite already answered or withdrawn',
    description: 'The invite was already accepted, declined or withdrawn.',
  },
});
