/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which connections to list by their presence. */
export type ConnectionPresenceFilter =
  /** Only connections not offline (online, busy, away), online first, then busy, then away. */
  | 'ONLINE';

export type ConnectionRequestStatus =
  /** Accepted: the two users are connected. */
  | 'ACCEPTED'
  /** Withdrawn by its sender before an answer. */
  | 'CANCELLED'
  /** Declined: no connection was created. */
  | 'DECLINED'
  /** Left unanswered past the configured expiry time. */
  | 'EXPIRED'
  /** Sent, waiting for the receiver. */
  | 'PENDING';

export type ConnectionRequestStatusFilter =
  /** Accepted: the two users are connected. */
  | 'ACCEPTED'
  /** Requests in any status. */
  | 'ALL'
  /** Withdrawn by its sender before an answer. */
  | 'CANCELLED'
  /** Declined: no connection was created. */
  | 'DECLINED'
  /** Left unanswered past the configured expiry time. */
  | 'EXPIRED'
  /** Sent, waiting for the receiver. */
  | 'PENDING';

/** The order of a list of connections. */
export type ConnectionSort =
  /** Favourites first, each part newest first. */
  | 'FAVORITES'
  /** Newest first (the default). */
  | 'NEWEST';

/** Stable machine-readable reason of an expected failure. */
export type ErrorCode =
  /** The two users are connected already. */
  | 'ALREADY_CONNECTED'
  /** Unblocking a user who is not blocked. */
  | 'BLOCK_NOT_FOUND'
  /** The user to block is the caller. */
  | 'CANNOT_BLOCK_SELF'
  /** The receiver is the sender. */
  | 'CANNOT_CONNECT_TO_SELF'
  /** The sender is among the receivers. */
  | 'CANNOT_INVITE_SELF'
  /** The sender, or on accept either user, has `MAX_CONNECTIONS_PER_USER` connections. */
  | 'CONNECTION_LIMIT_REACHED'
  /** No such connection of this user. */
  | 'CONNECTION_NOT_FOUND'
  /** No such request for this caller. */
  | 'CONNECTION_REQUEST_NOT_FOUND'
  /** The caller may not act as the user it names: a user token acts only as its own user. */
  | 'FORBIDDEN'
  /** The friend code names no user of the tenant: mistyped, or replaced by its owner (`rotate`). Each such miss counts against the sender’s friend code budget (`RATE_LIMIT_USER_FRIEND_CODE_MISSES`). */
  | 'FRIEND_CODE_NOT_FOUND'
  /** The Idempotency-Key was used before for a different request; use a new key for a new request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A receiver is not a connection of the sender, blocked it, or does not accept invites (`accept_invites_from`): the sender cannot tell these apart ("User '{id}' does not accept invites from you"). Nothing was sent. */
  | 'INVITES_NOT_ACCEPTED'
  /** The invite was already accepted, declined or withdrawn. */
  | 'INVITE_ALREADY_ANSWERED'
  /** The invite was left unanswered past its expiry; it can no longer be accepted, declined or withdrawn. */
  | 'INVITE_EXPIRED'
  /** No such invite sent or received by this user. */
  | 'INVITE_NOT_FOUND'
  /** Recording a match with a user token: only the game’s backend knows who played together; nothing was recorded. */
  | 'MATCH_RECORDING_SERVICE_ONLY'
  /** No such notification of this user. */
  | 'NOTIFICATION_NOT_FOUND'
  /** The sender tried to accept or decline its own invite. */
  | 'NOT_INVITE_RECEIVER'
  /** The receiver tried to withdraw an invite (it declines it instead). */
  | 'NOT_INVITE_SENDER'
  /** Only the receiver of a request may accept or decline it ("Not authorized to accept this request"). */
  | 'NOT_REQUEST_RECEIVER'
  /** Only the sender of a request may withdraw it. */
  | 'NOT_REQUEST_SENDER'
  /** The user, the tenant or the service token used up a budget (writes, sends, reads, subscriptions) in the current window, or too many heavy reads wait; nothing was changed. The message names the budget; retry after `retryAfterSeconds` (REST: `Retry-After`). */
  | 'RATE_LIMITED'
  /** The receiver’s `accept_requests_from` setting, or a block either way: the sender cannot tell the two apart. */
  | 'REQUESTS_NOT_ACCEPTED'
  /** A request between the two users, either way, waits for an answer. */
  | 'REQUEST_ALREADY_PENDING'
  /** The request was already accepted, declined, withdrawn or expired. */
  | 'REQUEST_ALREADY_PROCESSED'
  /** The receiver declined this sender’s last request too recently; ask again after `retryAfterSeconds` (REST: `Retry-After`). */
  | 'REQUEST_COOLDOWN'
  /** Sending a game notification with a user token: only a service token of the tenant may; nothing was sent. */
  | 'SERVICE_TOKEN_REQUIRED'
  /** The sender has `MAX_PENDING_OUTGOING_REQUESTS` requests waiting for an answer. */
  | 'TOO_MANY_PENDING_REQUESTS'
  /** Sending a request to a user one has blocked. */
  | 'USER_BLOCKED'
  /** No user with this id in the caller’s tenant (one that exists only in another tenant is reported alike). */
  | 'USER_NOT_FOUND'
  /** An argument is out of its documented range or shape (a bad page, page size or status filter, a missing or over-long field); the message names it. */
  | 'VALIDATION_FAILED';

export type InviteDirection =
  /** Invites the user received (the default). */
  | 'RECEIVED'
  /** Invites the user sent. */
  | 'SENT';

/** Who may invite a user to play. */
export type InvitePolicy =
  /** The user’s connections (the default). */
  | 'CONNECTIONS'
  /** No one: every invite is refused with INVITES_NOT_ACCEPTED. */
  | 'NOBODY';

export type InviteStatus =
  /** Accepted: the receiver got the join info. */
  | 'ACCEPTED'
  /** Withdrawn: by its sender, by a newer invite from the same sender, or because the two are no longer connected. */
  | 'CANCELLED'
  /** Declined by the receiver. */
  | 'DECLINED'
  /** Left unanswered until it expired; it can no longer be accepted. */
  | 'EXPIRED'
  /** Sent, waiting for the receiver, not yet expired. */
  | 'PENDING';

export type InviteStatusFilter =
  /** Accepted: the receiver got the join info. */
  | 'ACCEPTED'
  /** Invites in any status. */
  | 'ALL'
  /** Withdrawn: by its sender, by a newer invite from the same sender, or because the two are no longer connected. */
  | 'CANCELLED'
  /** Declined by the receiver. */
  | 'DECLINED'
  /** Left unanswered until it expired; it can no longer be accepted. */
  | 'EXPIRED'
  /** Sent, waiting for the receiver, not yet expired. */
  | 'PENDING';

export type NotificationType =
  /** A notification the game’s backend sent; `gameType` says which (e.g. `game.match_found`). */
  | 'GAME'
  /** A connection invites the user to play (`invite` carries the join info); no longer listed nor counted once the invite expires, and read once it is answered or withdrawn. */
  | 'GAME_INVITE'
  /** A sent invite was accepted. */
  | 'INVITE_ACCEPTED'
  /** A sent invite was declined. */
  | 'INVITE_DECLINED'
  /** A new connection request was received. */
  | 'NEW_REQUEST'
  /** A sent connection request was accepted. */
  | 'REQUEST_ACCEPTED'
  /** A received request was withdrawn by its sender (delivered already read: it shows, it does not count). */
  | 'REQUEST_CANCELLED'
  /** A sent connection request was declined. */
  | 'REQUEST_DECLINED'
  /** A sent request expired unanswered (delivered already read: it shows, it does not count). */
  | 'REQUEST_EXPIRED';

/** Who sees a user’s presence besides itself and its tenant’s service tokens. */
export type PresenceSharing =
  /** The user’s connections see its presence (the default). */
  | 'CONNECTIONS'
  /** Nobody but the user itself and its tenant’s service tokens: connections see null. */
  | 'NOBODY';

/** Whether a user is connected, and how it wants to be seen. */
export type PresenceStatus =
  /** Connected but idle (the client says so); kept while a socket is open. */
  | 'AWAY'
  /** Connected, do not disturb (the client or the game says so). */
  | 'BUSY'
  /** Connected, but shown to everyone else exactly as offline. Only the user itself and its tenant’s service tokens ever see this value. */
  | 'INVISIBLE'
  /** Not connected. */
  | 'OFFLINE'
  /** Connected: a live socket (WebSocket or SSE) is open, or the game said so. */
  | 'ONLINE';

export type RelationshipStatus =
  /** The user blocks them. */
  | 'BLOCKED'
  /** Connected; see connectionId. */
  | 'CONNECTED'
  /** Nothing between the two (also for unknown users and the user itself). */
  | 'NONE'
  /** They sent the user a pending request; see requestId. */
  | 'REQUEST_RECEIVED'
  /** The user sent them a pending request; see requestId. */
  | 'REQUEST_SENT';

/** Who may send a user connection requests. */
export type RequestPolicy =
  /** Any user of the tenant (the default). */
  | 'EVERYONE'
  /** Only users who share at least one connection with the user. */
  | 'FRIENDS_OF_FRIENDS'
  /** No one: every request is refused with REQUESTS_NOT_ACCEPTED. */
  | 'NOBODY';

/** Why a user is suggested. */
export type SuggestionReason =
  /** The two share connections (`mutual_count` of them). */
  | 'MUTUAL_CONNECTIONS'
  /** The two recently played together and share no connection. */
  | 'PLAYED_TOGETHER';

export type RestBlockedUserFragment = { blockedAt: string, user: { clientUserId: string, displayName: string } };

export type RestBlockUserMutationVariables = Exact<{
  userId: string;
  otherUserId: string;
}>;


export type RestBlockUserMutation = { blockUser:
    | { __typename: 'BlockUserPayload', message: string, created: boolean, blocked: { blockedAt: string, user: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestUnblockUserMutationVariables = Exact<{
  userId: string;
  otherUserId: string;
}>;


export type RestUnblockUserMutation = { unblockUser:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'UnblockUserPayload', message: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestBlockedUsersQueryVariables = Exact<{
  userId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestBlockedUsersQuery = { blockedUsers:
    | { __typename: 'BlockedUserPage', nodes: Array<{ blockedAt: string, user: { clientUserId: string, displayName: string } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRequestFragment = { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null };

export type RestSendConnectionRequestMutationVariables = Exact<{
  userId: string;
  receiverId?: string | null | undefined;
  friendCode?: string | null | undefined;
  message?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestSendConnectionRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SendConnectionRequestPayload', message: string, request: { id: string } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestAcceptConnectionRequestMutationVariables = Exact<{
  userId: string;
  requestId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestAcceptConnectionRequestMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload', message: string }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestDeclineConnectionRequestMutationVariables = Exact<{
  userId: string;
  requestId: string;
  silent?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestDeclineConnectionRequestMutation = { declineConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeclineConnectionRequestPayload', message: string }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestSentConnectionRequestsQueryVariables = Exact<{
  userId: string;
  status?: ConnectionRequestStatusFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestSentConnectionRequestsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, receiver: { clientUserId: string, displayName: string } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestReceivedConnectionRequestsQueryVariables = Exact<{
  userId: string;
  status?: ConnectionRequestStatusFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestReceivedConnectionRequestsQuery = { receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestCancelConnectionRequestMutationVariables = Exact<{
  userId: string;
  requestId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestCancelConnectionRequestMutation = { cancelConnectionRequest:
    | { __typename: 'CancelConnectionRequestPayload', message: string }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestActiveConnectionsQueryVariables = Exact<{
  userId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  presence?: ConnectionPresenceFilter | null | undefined;
  favorite?: boolean | null | undefined;
  sort?: ConnectionSort | null | undefined;
}>;


export type RestActiveConnectionsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', nodes: Array<{ id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestConnectionFragment = { id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } };

export type RestUpdateConnectionMutationVariables = Exact<{
  userId: string;
  connectionId: string;
  nickname?: string | null | undefined;
  note?: string | null | undefined;
  favorite?: boolean | null | undefined;
}>;


export type RestUpdateConnectionMutation = { updateConnection:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'Connection', id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRemoveConnectionMutationVariables = Exact<{
  userId: string;
  connectionId: string;
}>;


export type RestRemoveConnectionMutation = { removeConnection:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'RemoveConnectionPayload', message: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRelationshipsQueryVariables = Exact<{
  userId: string;
  userIds: Array<string> | string;
}>;


export type RestRelationshipsQuery = { relationships:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RelationshipList', relationships: Array<{ userId: string, status: RelationshipStatus, connectionId: string | null, requestId: string | null }> }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestMutualConnectionsQueryVariables = Exact<{
  userId: string;
  otherUserId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestMutualConnectionsQuery = { mutualConnections:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'MutualConnectionPage', total: number, nodes: Array<{ clientUserId: string, displayName: string }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestConnectionSuggestionsQueryVariables = Exact<{
  userId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestConnectionSuggestionsQuery = { connectionSuggestions:
    | { __typename: 'ConnectionSuggestionPage', nodes: Array<{ mutualCount: number, reason: SuggestionReason, playedTogetherAt: string | null, user: { clientUserId: string, displayName: string } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestFriendCodeQueryVariables = Exact<{
  userId: string;
}>;


export type RestFriendCodeQuery = { friendCode:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'FriendCode', value: string, createdAt: string }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRotateFriendCodeMutationVariables = Exact<{
  userId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestRotateFriendCodeMutation = { rotateFriendCode:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'RotateFriendCodePayload', message: string, friendCode: { value: string, createdAt: string } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestGameNotificationsSentFragment = { message: string, sent: number, notifications: Array<{ userId: string, notification: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, joinInfo: { [key: string]: unknown } } | null } }> };

export type RestSendGameNotificationMutationVariables = Exact<{
  userIds: Array<string> | string;
  type: string;
  message: string;
  payload?: { [key: string]: unknown } | null | undefined;
  expiresInSeconds?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestSendGameNotificationMutation = { sendGameNotification:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SendGameNotificationPayload', message: string, sent: number, notifications: Array<{ userId: string, notification: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, joinInfo: { [key: string]: unknown } } | null } }> }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestSendGameNotificationsMutationVariables = Exact<{
  userIds: Array<string> | string;
  type: string;
  message: string;
  payload?: { [key: string]: unknown } | null | undefined;
  expiresInSeconds?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestSendGameNotificationsMutation = { sendGameNotification:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SendGameNotificationPayload', message: string, sent: number, notifications: Array<{ userId: string, notification: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, joinInfo: { [key: string]: unknown } } | null } }> }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestInviteFragment = { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } };

export type RestSendInviteMutationVariables = Exact<{
  userId: string;
  receiverIds: Array<string> | string;
  message?: string | null | undefined;
  joinInfo: { [key: string]: unknown };
  expiresInSeconds?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestSendInviteMutation = { sendInvite:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SendInvitePayload', message: string, invites: Array<{ id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestAcceptInviteMutationVariables = Exact<{
  userId: string;
  inviteId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestAcceptInviteMutation = { acceptInvite:
    | { __typename: 'AcceptInvitePayload', message: string, joinInfo: { [key: string]: unknown }, invite: { id: string } }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestDeclineInviteMutationVariables = Exact<{
  userId: string;
  inviteId: string;
  silent?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestDeclineInviteMutation = { declineInvite:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeclineInvitePayload', message: string }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestCancelInviteMutationVariables = Exact<{
  userId: string;
  inviteId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestCancelInviteMutation = { cancelInvite:
    | { __typename: 'CancelInvitePayload', message: string }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestInvitesQueryVariables = Exact<{
  userId: string;
  direction?: InviteDirection | null | undefined;
  status?: InviteStatusFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestInvitesQuery = { invites:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'InvitePage', nodes: Array<{ id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestNotificationsQueryVariables = Exact<{
  userId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  unreadOnly?: boolean | null | undefined;
  types?: Array<string> | string | null | undefined;
}>;


export type RestNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'NotificationPage', unreadCount: number, nodes: Array<{ id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, joinInfo: { [key: string]: unknown } } | null }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestMarkNotificationReadMutationVariables = Exact<{
  userId: string;
  notificationId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestMarkNotificationReadMutation = { markNotificationRead:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'MarkNotificationReadPayload', message: string }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestMarkAllNotificationsReadMutationVariables = Exact<{
  userId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type RestMarkAllNotificationsReadMutation = { markAllNotificationsRead:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'MarkAllNotificationsReadPayload', message: string, marked: number }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestDeleteNotificationMutationVariables = Exact<{
  userId: string;
  notificationId: string;
}>;


export type RestDeleteNotificationMutation = { deleteNotification:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeleteNotificationPayload', message: string }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestSearchUsersQueryVariables = Exact<{
  userId?: string | null | undefined;
  query: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestSearchUsersQuery = { searchUsers:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'FoundUserPage', nodes: Array<{ user: { clientUserId: string, displayName: string }, relationship: { status: RelationshipStatus, connectionId: string | null, requestId: string | null } | null }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestPresenceQueryVariables = Exact<{
  userId: string;
}>;


export type RestPresenceQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'User', clientUserId: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestSetPresenceMutationVariables = Exact<{
  userId: string;
  status: PresenceStatus;
  activity?: string | null | undefined;
  joinInfo?: { [key: string]: unknown } | null | undefined;
  expiresInSeconds?: number | null | undefined;
}>;


export type RestSetPresenceMutation = { setPresence:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'SetPresencePayload', user: { clientUserId: string }, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRecentPlayersQueryVariables = Exact<{
  userId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type RestRecentPlayersQuery = { recentPlayers:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RecentPlayerPage', nodes: Array<{ context: string | null, playedAt: string, user: { clientUserId: string, displayName: string }, relationship: { status: RelationshipStatus, connectionId: string | null, requestId: string | null } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestRecordRecentPlayersMutationVariables = Exact<{
  players: Array<string> | string;
  context?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RestRecordRecentPlayersMutation = { recordRecentPlayers:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'RecordRecentPlayersPayload', message: string, players: number }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestSettingsQueryVariables = Exact<{
  userId: string;
}>;


export type RestSettingsQuery = { settings:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'Settings', acceptRequestsFrom: RequestPolicy, sharePresence: PresenceSharing, acceptInvitesFrom: InvitePolicy }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestUpdateSettingsMutationVariables = Exact<{
  userId: string;
  acceptRequestsFrom?: RequestPolicy | null | undefined;
  sharePresence?: PresenceSharing | null | undefined;
  acceptInvitesFrom?: InvitePolicy | null | undefined;
}>;


export type RestUpdateSettingsMutation = { updateSettings:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'Settings', acceptRequestsFrom: RequestPolicy, sharePresence: PresenceSharing, acceptInvitesFrom: InvitePolicy }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestUserQueryVariables = Exact<{
  userId: string;
}>;


export type RestUserQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'User', createdAt: string, clientUserId: string, displayName: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestUpsertUserMutationVariables = Exact<{
  userId: string;
  displayName: string;
}>;


export type RestUpsertUserMutation = { upsertUser:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, message: string, code: ErrorCode }
    | { __typename: 'UpsertUserPayload', created: boolean, user: { createdAt: string, clientUserId: string, displayName: string } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RestUserFragment = { clientUserId: string, displayName: string };

type RestError_ConflictError_Fragment = { message: string, code: ErrorCode };

type RestError_ForbiddenError_Fragment = { message: string, code: ErrorCode };

type RestError_NotFoundError_Fragment = { message: string, code: ErrorCode };

type RestError_RateLimitedError_Fragment = { retryAfterSeconds: number, message: string, code: ErrorCode };

type RestError_ValidationError_Fragment = { message: string, code: ErrorCode };

export type RestErrorFragment =
  | RestError_ConflictError_Fragment
  | RestError_ForbiddenError_Fragment
  | RestError_NotFoundError_Fragment
  | RestError_RateLimitedError_Fragment
  | RestError_ValidationError_Fragment
;

export type RestPaginationFragment = { currentPage: number, totalPages: number, totalItems: number, perPage: number };

export type RestPresenceFragment = { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null };

export type RestNotificationFragment = { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, joinInfo: { [key: string]: unknown } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RestUserFragmentDoc = new TypedDocumentString(`
    fragment RestUser on User {
  clientUserId
  displayName
}
    `, {"fragmentName":"RestUser"}) as unknown as TypedDocumentString<RestUserFragment, unknown>;
export const RestBlockedUserFragmentDoc = new TypedDocumentString(`
    fragment RestBlockedUser on BlockedUser {
  user {
    ...RestUser
  }
  blockedAt
}
    fragment RestUser on User {
  clientUserId
  displayName
}`, {"fragmentName":"RestBlockedUser"}) as unknown as TypedDocumentString<RestBlockedUserFragment, unknown>;
export const RestRequestFragmentDoc = new TypedDocumentString(`
    fragment RestRequest on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
}
    `, {"fragmentName":"RestRequest"}) as unknown as TypedDocumentString<RestRequestFragment, unknown>;
export const RestPresenceFragmentDoc = new TypedDocumentString(`
    fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}
    `, {"fragmentName":"RestPresence"}) as unknown as TypedDocumentString<RestPresenceFragment, unknown>;
export const RestConnectionFragmentDoc = new TypedDocumentString(`
    fragment RestConnection on Connection {
  id
  connectedUser {
    ...RestUser
    presence {
      ...RestPresence
    }
  }
  connectedSince
  nickname
  note
  favorite
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`, {"fragmentName":"RestConnection"}) as unknown as TypedDocumentString<RestConnectionFragment, unknown>;
export const RestNotificationFragmentDoc = new TypedDocumentString(`
    fragment RestNotification on Notification {
  id
  type
  gameType
  connectionRequestId
  otherUser {
    ...RestUser
  }
  message
  payload
  expiresAt
  invite {
    id
    joinInfo
  }
  timestamp
  read
}
    fragment RestUser on User {
  clientUserId
  displayName
}`, {"fragmentName":"RestNotification"}) as unknown as TypedDocumentString<RestNotificationFragment, unknown>;
export const RestGameNotificationsSentFragmentDoc = new TypedDocumentString(`
    fragment RestGameNotificationsSent on SendGameNotificationPayload {
  message
  sent
  notifications {
    userId
    notification {
      ...RestNotification
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestNotification on Notification {
  id
  type
  gameType
  connectionRequestId
  otherUser {
    ...RestUser
  }
  message
  payload
  expiresAt
  invite {
    id
    joinInfo
  }
  timestamp
  read
}`, {"fragmentName":"RestGameNotificationsSent"}) as unknown as TypedDocumentString<RestGameNotificationsSentFragment, unknown>;
export const RestInviteFragmentDoc = new TypedDocumentString(`
    fragment RestInvite on Invite {
  id
  sender {
    ...RestUser
  }
  receiver {
    ...RestUser
  }
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
}
    fragment RestUser on User {
  clientUserId
  displayName
}`, {"fragmentName":"RestInvite"}) as unknown as TypedDocumentString<RestInviteFragment, unknown>;
export const RestErrorFragmentDoc = new TypedDocumentString(`
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
    `, {"fragmentName":"RestError"}) as unknown as TypedDocumentString<RestErrorFragment, unknown>;
export const RestPaginationFragmentDoc = new TypedDocumentString(`
    fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}
    `, {"fragmentName":"RestPagination"}) as unknown as TypedDocumentString<RestPaginationFragment, unknown>;
export const RestBlockUserDocument = new TypedDocumentString(`
    mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {
  blockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ...RestError
    ... on BlockUserPayload {
      message
      created
      blocked {
        ...RestBlockedUser
      }
    }
  }
}
    fragment RestBlockedUser on BlockedUser {
  user {
    ...RestUser
  }
  blockedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestBlockUserMutation, RestBlockUserMutationVariables>;
export const RestUnblockUserDocument = new TypedDocumentString(`
    mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {
  unblockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ...RestError
    ... on UnblockUserPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestUnblockUserMutation, RestUnblockUserMutationVariables>;
export const RestBlockedUsersDocument = new TypedDocumentString(`
    query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {
  blockedUsers(userId: $userId, page: $page, perPage: $perPage) {
    __typename
    ...RestError
    ... on BlockedUserPage {
      nodes {
        ...RestBlockedUser
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestBlockedUser on BlockedUser {
  user {
    ...RestUser
  }
  blockedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestBlockedUsersQuery, RestBlockedUsersQueryVariables>;
export const RestSendConnectionRequestDocument = new TypedDocumentString(`
    mutation RestSendConnectionRequest($userId: ID!, $receiverId: ID, $friendCode: String, $message: String, $idempotencyKey: String) {
  sendConnectionRequest(
    userId: $userId
    receiverId: $receiverId
    friendCode: $friendCode
    message: $message
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on SendConnectionRequestPayload {
      message
      request {
        id
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestSendConnectionRequestMutation, RestSendConnectionRequestMutationVariables>;
export const RestAcceptConnectionRequestDocument = new TypedDocumentString(`
    mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
  acceptConnectionRequest(
    userId: $userId
    requestId: $requestId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on AcceptConnectionRequestPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestAcceptConnectionRequestMutation, RestAcceptConnectionRequestMutationVariables>;
export const RestDeclineConnectionRequestDocument = new TypedDocumentString(`
    mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
  declineConnectionRequest(
    userId: $userId
    requestId: $requestId
    silent: $silent
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on DeclineConnectionRequestPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestDeclineConnectionRequestMutation, RestDeclineConnectionRequestMutationVariables>;
export const RestSentConnectionRequestsDocument = new TypedDocumentString(`
    query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
  sentConnectionRequests(
    userId: $userId
    status: $status
    page: $page
    perPage: $perPage
  ) {
    __typename
    ...RestError
    ... on ConnectionRequestPage {
      nodes {
        ...RestRequest
        receiver {
          ...RestUser
        }
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestRequest on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestSentConnectionRequestsQuery, RestSentConnectionRequestsQueryVariables>;
export const RestReceivedConnectionRequestsDocument = new TypedDocumentString(`
    query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
  receivedConnectionRequests(
    userId: $userId
    status: $status
    page: $page
    perPage: $perPage
  ) {
    __typename
    ...RestError
    ... on ConnectionRequestPage {
      nodes {
        ...RestRequest
        sender {
          ...RestUser
        }
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestRequest on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestReceivedConnectionRequestsQuery, RestReceivedConnectionRequestsQueryVariables>;
export const RestCancelConnectionRequestDocument = new TypedDocumentString(`
    mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
  cancelConnectionRequest(
    userId: $userId
    requestId: $requestId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on CancelConnectionRequestPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestCancelConnectionRequestMutation, RestCancelConnectionRequestMutationVariables>;
export const RestActiveConnectionsDocument = new TypedDocumentString(`
    query RestActiveConnections($userId: ID!, $page: Int, $perPage: Int, $presence: ConnectionPresenceFilter, $favorite: Boolean, $sort: ConnectionSort) {
  activeConnections(
    userId: $userId
    page: $page
    perPage: $perPage
    presence: $presence
    favorite: $favorite
    sort: $sort
  ) {
    __typename
    ...RestError
    ... on ConnectionPage {
      nodes {
        ...RestConnection
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestConnection on Connection {
  id
  connectedUser {
    ...RestUser
    presence {
      ...RestPresence
    }
  }
  connectedSince
  nickname
  note
  favorite
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}
fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<RestActiveConnectionsQuery, RestActiveConnectionsQueryVariables>;
export const RestUpdateConnectionDocument = new TypedDocumentString(`
    mutation RestUpdateConnection($userId: ID!, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {
  updateConnection(
    userId: $userId
    connectionId: $connectionId
    nickname: $nickname
    note: $note
    favorite: $favorite
  ) {
    __typename
    ...RestError
    ... on Connection {
      ...RestConnection
    }
  }
}
    fragment RestConnection on Connection {
  id
  connectedUser {
    ...RestUser
    presence {
      ...RestPresence
    }
  }
  connectedSince
  nickname
  note
  favorite
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<RestUpdateConnectionMutation, RestUpdateConnectionMutationVariables>;
export const RestRemoveConnectionDocument = new TypedDocumentString(`
    mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {
  removeConnection(userId: $userId, connectionId: $connectionId) {
    __typename
    ...RestError
    ... on RemoveConnectionPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestRemoveConnectionMutation, RestRemoveConnectionMutationVariables>;
export const RestRelationshipsDocument = new TypedDocumentString(`
    query RestRelationships($userId: ID!, $userIds: [ID!]!) {
  relationships(userId: $userId, userIds: $userIds) {
    __typename
    ...RestError
    ... on RelationshipList {
      relationships {
        userId
        status
        connectionId
        requestId
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestRelationshipsQuery, RestRelationshipsQueryVariables>;
export const RestMutualConnectionsDocument = new TypedDocumentString(`
    query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {
  mutualConnections(
    userId: $userId
    otherUserId: $otherUserId
    page: $page
    perPage: $perPage
  ) {
    __typename
    ...RestError
    ... on MutualConnectionPage {
      nodes {
        ...RestUser
      }
      total
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestMutualConnectionsQuery, RestMutualConnectionsQueryVariables>;
export const RestConnectionSuggestionsDocument = new TypedDocumentString(`
    query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {
  connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {
    __typename
    ...RestError
    ... on ConnectionSuggestionPage {
      nodes {
        user {
          ...RestUser
        }
        mutualCount
        reason
        playedTogetherAt
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestConnectionSuggestionsQuery, RestConnectionSuggestionsQueryVariables>;
export const RestFriendCodeDocument = new TypedDocumentString(`
    query RestFriendCode($userId: ID!) {
  friendCode(userId: $userId) {
    __typename
    ...RestError
    ... on FriendCode {
      value
      createdAt
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestFriendCodeQuery, RestFriendCodeQueryVariables>;
export const RestRotateFriendCodeDocument = new TypedDocumentString(`
    mutation RestRotateFriendCode($userId: ID!, $idempotencyKey: String) {
  rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {
    __typename
    ...RestError
    ... on RotateFriendCodePayload {
      message
      friendCode {
        value
        createdAt
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestRotateFriendCodeMutation, RestRotateFriendCodeMutationVariables>;
export const RestSendGameNotificationDocument = new TypedDocumentString(`
    mutation RestSendGameNotification($userIds: [ID!]!, $type: String!, $message: String!, $payload: JSONObject, $expiresInSeconds: Int, $idempotencyKey: String) {
  sendGameNotification(
    userIds: $userIds
    type: $type
    message: $message
    payload: $payload
    expiresInSeconds: $expiresInSeconds
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ...RestGameNotificationsSent
  }
}
    fragment RestGameNotificationsSent on SendGameNotificationPayload {
  message
  sent
  notifications {
    userId
    notification {
      ...RestNotification
    }
  }
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestNotification on Notification {
  id
  type
  gameType
  connectionRequestId
  otherUser {
    ...RestUser
  }
  message
  payload
  expiresAt
  invite {
    id
    joinInfo
  }
  timestamp
  read
}`) as unknown as TypedDocumentString<RestSendGameNotificationMutation, RestSendGameNotificationMutationVariables>;
export const RestSendGameNotificationsDocument = new TypedDocumentString(`
    mutation RestSendGameNotifications($userIds: [ID!]!, $type: String!, $message: String!, $payload: JSONObject, $expiresInSeconds: Int, $idempotencyKey: String) {
  sendGameNotification(
    userIds: $userIds
    type: $type
    message: $message
    payload: $payload
    expiresInSeconds: $expiresInSeconds
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ...RestGameNotificationsSent
  }
}
    fragment RestGameNotificationsSent on SendGameNotificationPayload {
  message
  sent
  notifications {
    userId
    notification {
      ...RestNotification
    }
  }
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestNotification on Notification {
  id
  type
  gameType
  connectionRequestId
  otherUser {
    ...RestUser
  }
  message
  payload
  expiresAt
  invite {
    id
    joinInfo
  }
  timestamp
  read
}`) as unknown as TypedDocumentString<RestSendGameNotificationsMutation, RestSendGameNotificationsMutationVariables>;
export const RestSendInviteDocument = new TypedDocumentString(`
    mutation RestSendInvite($userId: ID!, $receiverIds: [ID!]!, $message: String, $joinInfo: JSONObject!, $expiresInSeconds: Int, $idempotencyKey: String) {
  sendInvite(
    userId: $userId
    receiverIds: $receiverIds
    message: $message
    joinInfo: $joinInfo
    expiresInSeconds: $expiresInSeconds
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on SendInvitePayload {
      message
      invites {
        ...RestInvite
      }
    }
  }
}
    fragment RestInvite on Invite {
  id
  sender {
    ...RestUser
  }
  receiver {
    ...RestUser
  }
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestSendInviteMutation, RestSendInviteMutationVariables>;
export const RestAcceptInviteDocument = new TypedDocumentString(`
    mutation RestAcceptInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {
  acceptInvite(
    userId: $userId
    inviteId: $inviteId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on AcceptInvitePayload {
      message
      joinInfo
      invite {
        id
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestAcceptInviteMutation, RestAcceptInviteMutationVariables>;
export const RestDeclineInviteDocument = new TypedDocumentString(`
    mutation RestDeclineInvite($userId: ID!, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {
  declineInvite(
    userId: $userId
    inviteId: $inviteId
    silent: $silent
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on DeclineInvitePayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestDeclineInviteMutation, RestDeclineInviteMutationVariables>;
export const RestCancelInviteDocument = new TypedDocumentString(`
    mutation RestCancelInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {
  cancelInvite(
    userId: $userId
    inviteId: $inviteId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on CancelInvitePayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestCancelInviteMutation, RestCancelInviteMutationVariables>;
export const RestInvitesDocument = new TypedDocumentString(`
    query RestInvites($userId: ID!, $direction: InviteDirection, $status: InviteStatusFilter, $page: Int, $perPage: Int) {
  invites(
    userId: $userId
    direction: $direction
    status: $status
    page: $page
    perPage: $perPage
  ) {
    __typename
    ...RestError
    ... on InvitePage {
      nodes {
        ...RestInvite
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestInvite on Invite {
  id
  sender {
    ...RestUser
  }
  receiver {
    ...RestUser
  }
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
}
fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestInvitesQuery, RestInvitesQueryVariables>;
export const RestNotificationsDocument = new TypedDocumentString(`
    query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean, $types: [String!]) {
  notifications(
    userId: $userId
    page: $page
    perPage: $perPage
    unreadOnly: $unreadOnly
    types: $types
  ) {
    __typename
    ...RestError
    ... on NotificationPage {
      nodes {
        ...RestNotification
      }
      unreadCount
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}
fragment RestNotification on Notification {
  id
  type
  gameType
  connectionRequestId
  otherUser {
    ...RestUser
  }
  message
  payload
  expiresAt
  invite {
    id
    joinInfo
  }
  timestamp
  read
}`) as unknown as TypedDocumentString<RestNotificationsQuery, RestNotificationsQueryVariables>;
export const RestMarkNotificationReadDocument = new TypedDocumentString(`
    mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {
  markNotificationRead(
    userId: $userId
    notificationId: $notificationId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on MarkNotificationReadPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestMarkNotificationReadMutation, RestMarkNotificationReadMutationVariables>;
export const RestMarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {
  markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {
    __typename
    ...RestError
    ... on MarkAllNotificationsReadPayload {
      message
      marked
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestMarkAllNotificationsReadMutation, RestMarkAllNotificationsReadMutationVariables>;
export const RestDeleteNotificationDocument = new TypedDocumentString(`
    mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {
  deleteNotification(userId: $userId, notificationId: $notificationId) {
    __typename
    ...RestError
    ... on DeleteNotificationPayload {
      message
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestDeleteNotificationMutation, RestDeleteNotificationMutationVariables>;
export const RestSearchUsersDocument = new TypedDocumentString(`
    query RestSearchUsers($userId: ID, $query: String!, $page: Int, $perPage: Int) {
  searchUsers(userId: $userId, query: $query, page: $page, perPage: $perPage) {
    __typename
    ...RestError
    ... on FoundUserPage {
      nodes {
        user {
          ...RestUser
        }
        relationship {
          status
          connectionId
          requestId
        }
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestSearchUsersQuery, RestSearchUsersQueryVariables>;
export const RestPresenceDocument = new TypedDocumentString(`
    query RestPresence($userId: ID!) {
  user(userId: $userId) {
    __typename
    ...RestError
    ... on User {
      clientUserId
      presence {
        ...RestPresence
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<RestPresenceQuery, RestPresenceQueryVariables>;
export const RestSetPresenceDocument = new TypedDocumentString(`
    mutation RestSetPresence($userId: ID!, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {
  setPresence(
    userId: $userId
    status: $status
    activity: $activity
    joinInfo: $joinInfo
    expiresInSeconds: $expiresInSeconds
  ) {
    __typename
    ...RestError
    ... on SetPresencePayload {
      user {
        clientUserId
      }
      presence {
        ...RestPresence
      }
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPresence on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<RestSetPresenceMutation, RestSetPresenceMutationVariables>;
export const RestRecentPlayersDocument = new TypedDocumentString(`
    query RestRecentPlayers($userId: ID!, $page: Int, $perPage: Int) {
  recentPlayers(userId: $userId, page: $page, perPage: $perPage) {
    __typename
    ...RestError
    ... on RecentPlayerPage {
      nodes {
        user {
          ...RestUser
        }
        context
        playedAt
        relationship {
          status
          connectionId
          requestId
        }
      }
      pagination {
        ...RestPagination
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}
fragment RestPagination on Pagination {
  currentPage
  totalPages
  totalItems
  perPage
}`) as unknown as TypedDocumentString<RestRecentPlayersQuery, RestRecentPlayersQueryVariables>;
export const RestRecordRecentPlayersDocument = new TypedDocumentString(`
    mutation RestRecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {
  recordRecentPlayers(
    players: $players
    context: $context
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...RestError
    ... on RecordRecentPlayersPayload {
      message
      players
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestRecordRecentPlayersMutation, RestRecordRecentPlayersMutationVariables>;
export const RestSettingsDocument = new TypedDocumentString(`
    query RestSettings($userId: ID!) {
  settings(userId: $userId) {
    __typename
    ...RestError
    ... on Settings {
      acceptRequestsFrom
      sharePresence
      acceptInvitesFrom
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestSettingsQuery, RestSettingsQueryVariables>;
export const RestUpdateSettingsDocument = new TypedDocumentString(`
    mutation RestUpdateSettings($userId: ID!, $acceptRequestsFrom: RequestPolicy, $sharePresence: PresenceSharing, $acceptInvitesFrom: InvitePolicy) {
  updateSettings(
    userId: $userId
    acceptRequestsFrom: $acceptRequestsFrom
    sharePresence: $sharePresence
    acceptInvitesFrom: $acceptInvitesFrom
  ) {
    __typename
    ...RestError
    ... on Settings {
      acceptRequestsFrom
      sharePresence
      acceptInvitesFrom
    }
  }
}
    fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestUpdateSettingsMutation, RestUpdateSettingsMutationVariables>;
export const RestUserDocument = new TypedDocumentString(`
    query RestUser($userId: ID!) {
  user(userId: $userId) {
    __typename
    ...RestError
    ... on User {
      ...RestUser
      createdAt
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestUserQuery, RestUserQueryVariables>;
export const RestUpsertUserDocument = new TypedDocumentString(`
    mutation RestUpsertUser($userId: ID!, $displayName: String!) {
  upsertUser(userId: $userId, displayName: $displayName) {
    __typename
    ...RestError
    ... on UpsertUserPayload {
      created
      user {
        ...RestUser
        createdAt
      }
    }
  }
}
    fragment RestUser on User {
  clientUserId
  displayName
}
fragment RestError on Error {
  message
  code
  ... on RateLimitedError {
    retryAfterSeconds
  }
}`) as unknown as TypedDocumentString<RestUpsertUserMutation, RestUpsertUserMutationVariables>;