import type { DomainError } from '../platform/errors.js';

/**
 * How an argument is named in the messages of `ValidationError`s. The REST shim answers with the
 * message GraphQL gives (it runs the same operations), so an argument whose REST spelling differs
 * is named both ways, REST's first: `per_page (perPage) must be …`. The idempotency key is a
 * header in REST and is named as such in both faces.
 */
const LABELS: Readonly<Record<string, string>> = {
  perPage: 'per_page (perPage)',
  userIds: 'user_ids (userIds)',
  receiverIds: 'receiver_ids (receiverIds)',
  friendCode: 'friend_code (friendCode)',
  idempotencyKey: 'Idempotency-Key',
  joinInfo: 'join_info (joinInfo)',
  expiresInSeconds: 'expires_in_seconds (expiresInSeconds)',
  acceptRequestsFrom: 'accept_requests_from (acceptRequestsFrom)',
  acceptInvitesFrom: 'accept_invites_from (acceptInvitesFrom)',
};

/** An argument as the messages of both faces name it. */
export function argumentLabel(field: string): string {
  return LABELS[field] ?? field;
}

/**
 * What a client is told about an expected failure. (A method, not `instanceof`: the errors
 * plugin hands resolvers a proxy of the error, which is no instance of its class.)
 */
export function clientMessage(error: DomainError): string {
  return error.messageNaming(argumentLabel);
}
