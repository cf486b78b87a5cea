/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type TestDataLoaderSendRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  receiverId: string;
}>;


export type TestDataLoaderSendRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestDataLoaderAcceptRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
}>;


export type TestDataLoaderAcceptRequestMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload' }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestDataLoaderActiveConnectionsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestDataLoaderActiveConnectionsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', nodes: Array<{ id: string, connectedUser: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestDataLoaderSentRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestDataLoaderSentRequestsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ id: string, sender: { displayName: string }, receiver: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestDataLoaderReceivedRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestDataLoaderReceivedRequestsQuery = { receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ id: string, sender: { clientUserId: string, displayName: string }, receiver: { displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestDataLoaderNotificationsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestDataLoaderNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', unreadCount: number, nodes: Array<{ id: string, otherUser: { clientUserId: string, displayName: string } | null }> }
    | { __typename: 'ValidationError' }
   };

export type TestLiveCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type TestLiveCursorQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', liveCursor: string }
    | { __typename: 'ValidationError' }
   };

export type IdempotentSendMutationVariables = Exact<{
  receiverId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type IdempotentSendMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RateLimitedSendMutationVariables = Exact<{
  receiverId: string;
}>;


export type RateLimitedSendMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode, retryAfterSeconds: number }
    | { __typename: 'SendConnectionRequestPayload' }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type RateLimitedConnectionEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RateLimitedConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent' }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestBlockUserMutationVariables = Exact<{
  userId?: string | null | undefined;
  otherUserId: string;
}>;


export type TestBlockUserMutation = { blockUser:
    | { __typename: 'BlockUserPayload', message: string, created: boolean, blocked: { blockedAt: string, user: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestUnblockUserMutationVariables = Exact<{
  userId?: string | null | undefined;
  otherUserId: string;
}>;


export type TestUnblockUserMutation = { unblockUser:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UnblockUserPayload', message: string, user: { clientUserId: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestBlockedUsersQueryVariables = Exact<{
  userId?: string | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestBlockedUsersQuery = { blockedUsers:
    | { __typename: 'BlockedUserPage', totalCount: number, nodes: Array<{ blockedAt: string, user: { clientUserId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestBlockEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestBlockEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent', blocked: boolean, user: { clientUserId: string } }
    | { __typename: 'ConnectionCreatedEvent' }
    | { __typename: 'ConnectionRemovedEvent', connectionId: string, connectedUser: { clientUserId: string } }
    | { __typename: 'ConnectionRequestClosedEvent', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestUpdateConnectionLiteralsMutationVariables = Exact<{
  which: string;
}>;


export type TestUpdateConnectionLiteralsMutation = { starred:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'Connection', nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestMyConnectionsWithNotesQueryVariables = Exact<{
  as?: string | null | undefined;
  fav?: boolean | null | undefined;
  order?: ConnectionSort | null | undefined;
  n?: number | null | undefined;
  from?: string | null | undefined;
}>;


export type TestMyConnectionsWithNotesQuery = { activeConnections:
    | { __typename: 'ConnectionPage', nodes: Array<{ nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type FeatureCancelRequestMutationVariables = Exact<{
  requestId: string;
}>;


export type FeatureCancelRequestMutation = { cancelConnectionRequest:
    | { __typename: 'CancelConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, respondedAt: string | null } }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type FeatureCancelEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type FeatureCancelEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent' }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent', request: { id: string, status: ConnectionRequestStatus, sender: { clientUserId: string } } }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestSendConnectionRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  receiverId: string;
  message?: string | null | undefined;
}>;


export type TestSendConnectionRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'SendConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type TestAcceptConnectionRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
}>;


export type TestAcceptConnectionRequestMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, respondedAt: string | null, sender: { clientUserId: string }, receiver: { clientUserId: string } }, connection: { id: string, connectedSince: string, connectedUser: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestDeclineConnectionRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
}>;


export type TestDeclineConnectionRequestMutation = { declineConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeclineConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, respondedAt: string | null, sender: { clientUserId: string }, receiver: { clientUserId: string } } }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestSentConnectionRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  status?: ConnectionRequestStatusFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestSentConnectionRequestsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, receiver: { clientUserId: string, displayName: string } }>, edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type TestReceivedConnectionRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  status?: ConnectionRequestStatusFilter | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestReceivedConnectionRequestsQuery = { receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type TestRequestsActiveConnectionsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestRequestsActiveConnectionsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', nodes: Array<{ id: string, connectedUser: { clientUserId: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestRequestsNotificationsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestRequestsNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', unreadCount: number, nodes: Array<{ type: NotificationType, connectionRequestId: string | null, message: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null }> }
    | { __typename: 'ValidationError' }
   };

export type TestSilentDeclineMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
  silent?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type TestSilentDeclineMutation = { declineConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeclineConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string }, receiver: { clientUserId: string } } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSilentDeclineSendMutationVariables = Exact<{
  receiverId: string;
}>;


export type TestSilentDeclineSendMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSilentDeclineCancelMutationVariables = Exact<{
  requestId: string;
}>;


export type TestSilentDeclineCancelMutation = { cancelConnectionRequest:
    | { __typename: 'CancelConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSilentDeclineAcceptMutationVariables = Exact<{
  requestId: string;
}>;


export type TestSilentDeclineAcceptMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSilentDeclineRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestSilentDeclineRequestsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, mutualConnectionCount: number, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
  , receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, mutualConnectionCount: number, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestSilentDeclineNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestSilentDeclineNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', totalCount: number, unreadCount: number, liveCursor: string, nodes: Array<{ id: string, type: NotificationType, connectionRequestId: string | null, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null }> }
    | { __typename: 'ValidationError' }
   };

export type TestSilentDeclineOtherQueryVariables = Exact<{
  otherId: string;
}>;


export type TestSilentDeclineOtherQuery = { relationships:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RelationshipList', relationships: Array<{ userId: string, status: RelationshipStatus, connectionId: string | null, requestId: string | null }> }
    | { __typename: 'ValidationError' }
  , user:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'User', clientUserId: string, displayName: string, createdAt: string, mutualConnectionCount: number | null }
    | { __typename: 'ValidationError' }
  , mutualConnections:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'MutualConnectionPage', total: number, nodes: Array<{ clientUserId: string, displayName: string }> }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'ValidationError' }
  , activeConnections:
    | { __typename: 'ConnectionPage', totalCount: number, nodes: Array<{ id: string, connectedUser: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestSilentDeclineSuggestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestSilentDeclineSuggestionsQuery = { connectionSuggestions:
    | { __typename: 'ConnectionSuggestionPage', totalCount: number, nodes: Array<{ mutualCount: number, user: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'ValidationError' }
   };

export type TestSilentDeclineConnectionEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestSilentDeclineConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent', blocked: boolean, user: { clientUserId: string } }
    | { __typename: 'ConnectionCreatedEvent', connection: { id: string, connectedUser: { clientUserId: string } } }
    | { __typename: 'ConnectionRemovedEvent', connectionId: string, connectedUser: { clientUserId: string } }
    | { __typename: 'ConnectionRequestClosedEvent', request: { id: string, status: ConnectionRequestStatus, respondedAt: string | null, sender: { clientUserId: string } } }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestSilentDeclineNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TestSilentDeclineNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, connectionRequestId: string | null, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null } };

export type TestActiveConnectionsQueryVariables = Exact<{
  userId?: string | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestActiveConnectionsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', totalCount: number, nodes: Array<{ id: string, connectedSince: string, connectedUser: { clientUserId: string, displayName: string } }>, edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type TestRemoveConnectionMutationVariables = Exact<{
  userId?: string | null | undefined;
  connectionId: string;
}>;


export type TestRemoveConnectionMutation = { removeConnection:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'RemoveConnectionPayload', message: string, connectionId: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestConnectionsSendRequestMutationVariables = Exact<{
  receiverId: string;
}>;


export type TestConnectionsSendRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestMutualConnectionsQueryVariables = Exact<{
  userId?: string | null | undefined;
  otherUserId: string;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestMutualConnectionsQuery = { mutualConnections:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'MutualConnectionPage', total: number, totalCount: number, nodes: Array<{ clientUserId: string, displayName: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestMutualReceivedWithCountsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestMutualReceivedWithCountsQuery = { receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ mutualConnectionCount: number, sender: { clientUserId: string, mutualConnectionCount: number | null } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestMutualSentWithCountsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestMutualSentWithCountsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', nodes: Array<{ mutualConnectionCount: number, receiver: { clientUserId: string } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestMutualConnectionsWithCountsQueryVariables = Exact<{
  userId?: string | null | undefined;
  perPage?: number | null | undefined;
  withUserId?: string | null | undefined;
}>;


export type TestMutualConnectionsWithCountsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', nodes: Array<{ connectedUser: { clientUserId: string, mutualConnectionCount: number | null } }> }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestMutualUserWithCountQueryVariables = Exact<{
  userId?: string | null | undefined;
  withUserId?: string | null | undefined;
}>;


export type TestMutualUserWithCountQuery = { user:
    | { __typename: 'ForbiddenError', code: ErrorCode }
    | { __typename: 'NotFoundError', code: ErrorCode }
    | { __typename: 'User', clientUserId: string, mutualConnectionCount: number | null }
    | { __typename: 'ValidationError', code: ErrorCode }
   };

export type TestMutualSendRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  receiverId: string;
}>;


export type TestMutualSendRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestMutualAcceptRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
}>;


export type TestMutualAcceptRequestMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload' }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestRelationshipsQueryVariables = Exact<{
  userId?: string | null | undefined;
  userIds: Array<string> | string;
}>;


export type TestRelationshipsQuery = { relationships:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RelationshipList', relationships: Array<{ userId: string, status: RelationshipStatus, connectionId: string | null, requestId: string | null }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSuggestionsQueryVariables = Exact<{
  userId?: string | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
}>;


export type TestSuggestionsQuery = { connectionSuggestions:
    | { __typename: 'ConnectionSuggestionPage', totalCount: number, nodes: Array<{ mutualCount: number, user: { clientUserId: string, displayName: string, mutualConnectionCount: number | null } }>, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSendByCodeMutationVariables = Exact<{
  me: string;
  code: string;
}>;


export type TestSendByCodeMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SendConnectionRequestPayload', request: { receiver: { clientUserId: string } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestRotateCodeMutationVariables = Exact<{ [key: string]: never; }>;


export type TestRotateCodeMutation = { rotateFriendCode:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'RotateFriendCodePayload', message: string, friendCode: { value: string, user: { clientUserId: string } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestMyCodeQueryVariables = Exact<{ [key: string]: never; }>;


export type TestMyCodeQuery = { friendCode:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'FriendCode', value: string, createdAt: string }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestGameNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TestGameNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, read: boolean, otherUser: { clientUserId: string } | null } };

export type TestGameUnreadCountsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestGameUnreadCountsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent' }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestGameLiveCursorQueryVariables = Exact<{ [key: string]: never; }>;


export type TestGameLiveCursorQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', liveCursor: string }
    | { __typename: 'ValidationError' }
   };

export type TestSendGameNotificationMutationVariables = Exact<{
  to: Array<string> | string;
  kind: string;
  text: string;
  data?: { [key: string]: unknown } | null | undefined;
  ttl?: number | null | undefined;
}>;


export type TestSendGameNotificationMutation = { sendGameNotification:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SendGameNotificationPayload', sent: number, notifications: Array<{ userId: string, notification: { id: string, gameType: string | null } }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestNotificationsOfTypesQueryVariables = Exact<{
  only?: Array<string> | string | null | undefined;
}>;


export type TestNotificationsOfTypesQuery = { notifications:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'NotificationPage', totalCount: number, unreadCount: number, nodes: Array<{ type: NotificationType, gameType: string | null }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestInviteNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TestInviteNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, message: string, expiresAt: string | null, read: boolean, otherUser: { clientUserId: string } | null, invite: { id: string, status: InviteStatus, joinInfo: { [key: string]: unknown }, expiresAt: string, sender: { clientUserId: string }, receiver: { clientUserId: string } } | null } };

export type TestInviteUnreadCountsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestInviteUnreadCountsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent' }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestInviteToPlayMutationVariables = Exact<{
  friends: Array<string> | string;
  lobby: { [key: string]: unknown };
  note?: string | null | undefined;
  seconds?: number | null | undefined;
  key?: string | null | undefined;
}>;


export type TestInviteToPlayMutation = { sendInvite:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SendInvitePayload', message: string, invites: Array<{ id: string, status: InviteStatus, joinInfo: { [key: string]: unknown }, receiver: { clientUserId: string } }> }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestAcceptInviteMutationVariables = Exact<{
  invite: string;
}>;


export type TestAcceptInviteMutation = { acceptInvite:
    | { __typename: 'AcceptInvitePayload', joinInfo: { [key: string]: unknown }, invite: { status: InviteStatus, respondedAt: string | null } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestReceivedInvitesQueryVariables = Exact<{
  status?: InviteStatusFilter | null | undefined;
}>;


export type TestReceivedInvitesQuery = { invites:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvitePage', totalCount: number, nodes: Array<{ id: string, status: InviteStatus, sender: { clientUserId: string } }> }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type TestConnectionEventsSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent', connection: { id: string, connectedSince: string, connectedUser: { clientUserId: string } } }
    | { __typename: 'ConnectionRemovedEvent', connectionId: string, connectedUser: { clientUserId: string } }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestRollbackNotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestRollbackNotificationAddedSubscription = { notificationAdded: { id: string, connectionRequestId: string | null, message: string } };

export type TestNotificationAddedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TestNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, connectionRequestId: string | null, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null } };

export type TestLiveNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestLiveNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', liveCursor: string, nodes: Array<{ id: string, type: NotificationType, connectionRequestId: string | null, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null }> }
    | { __typename: 'ValidationError' }
   };

export type FeatureMarkAllReadMutationVariables = Exact<{ [key: string]: never; }>;


export type FeatureMarkAllReadMutation = { markAllNotificationsRead:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'MarkAllNotificationsReadPayload', message: string, marked: number }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type FeatureDeleteNotificationMutationVariables = Exact<{
  notificationId: string;
}>;


export type FeatureDeleteNotificationMutation = { deleteNotification:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'DeleteNotificationPayload', message: string, notificationId: string }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestNotificationsQueryVariables = Exact<{
  userId?: string | null | undefined;
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type TestNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'NotificationPage', totalCount: number, unreadCount: number, nodes: Array<{ id: string, type: NotificationType, connectionRequestId: string | null, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type TestMarkNotificationReadMutationVariables = Exact<{
  userId?: string | null | undefined;
  notificationId: string;
}>;


export type TestMarkNotificationReadMutation = { markNotificationRead:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'MarkNotificationReadPayload', message: string, notification: { id: string, type: NotificationType, read: boolean } }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestSearchUsersQueryVariables = Exact<{
  text: string;
  count?: number | null | undefined;
  cursor?: string | null | undefined;
  as?: string | null | undefined;
}>;


export type TestSearchUsersQuery = { searchUsers:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'FoundUserPage', totalCount: number, nodes: Array<{ user: { clientUserId: string, displayName: string }, relationship: { status: RelationshipStatus } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestFriendPresenceSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestFriendPresenceSubscription = { friendPresenceChanged: { user: { clientUserId: string }, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } };

export type TestUserPresenceQueryVariables = Exact<{
  userId: string;
}>;


export type TestUserPresenceQuery = { user:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'User', presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null }
    | { __typename: 'ValidationError' }
   };

export type TestSetPresenceMutationVariables = Exact<{
  userId?: string | null | undefined;
  state: PresenceStatus;
  doing?: string | null | undefined;
  join?: { [key: string]: unknown } | null | undefined;
  ttl?: number | null | undefined;
}>;


export type TestSetPresenceMutation = { setPresence:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SetPresencePayload', presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestFriendPresenceWithMutualsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestFriendPresenceWithMutualsSubscription = { friendPresenceChanged: { user: { clientUserId: string, mutualConnectionCount: number | null }, presence: { status: PresenceStatus } | null } };

export type TestFriendPresenceMaybeActivitySubscriptionVariables = Exact<{
  me?: string | null | undefined;
  withActivity: boolean;
}>;


export type TestFriendPresenceMaybeActivitySubscription = { friendPresenceChanged: { user: { clientUserId: string }, presence: { status: PresenceStatus, activity?: string | null } | null } };

export type TestFriendPresenceProfileSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestFriendPresenceProfileSubscription = { friendPresenceChanged: { user: { clientUserId: string, displayName: string, createdAt: string }, presence: { status: PresenceStatus } | null } };

export type TestUserProfileQueryVariables = Exact<{
  userId: string;
}>;


export type TestUserProfileQuery = { user:
    | { clientUserId: string, displayName: string, createdAt: string }
    | Record<PropertyKey, never>
   };

export type TestRecentPlayersQueryVariables = Exact<{
  n?: number | null | undefined;
  from?: string | null | undefined;
}>;


export type TestRecentPlayersQuery = { recentPlayers:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RecentPlayerPage', nodes: Array<{ context: string | null, user: { clientUserId: string }, relationship: { status: RelationshipStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestRecordMatchMutationVariables = Exact<{
  a: string;
  b: string;
}>;


export type TestRecordMatchMutation = { played:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'RecordRecentPlayersPayload', message: string, players: number }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSettingsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestSettingsQuery = { settings:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'Settings', acceptRequestsFrom: RequestPolicy }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestUpdateSettingsMutationVariables = Exact<{
  userId?: string | null | undefined;
  acceptRequestsFrom: RequestPolicy;
}>;


export type TestUpdateSettingsMutation = { updateSettings:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'Settings', acceptRequestsFrom: RequestPolicy }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestSettingsSendMutationVariables = Exact<{
  receiverId: string;
}>;


export type TestSettingsSendMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SendConnectionRequestPayload', request: { id: string, status: ConnectionRequestStatus } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type TestUserQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestUserQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'User', id: string, clientUserId: string, displayName: string, createdAt: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type LookUpProfileQueryVariables = Exact<{
  who?: string | null | undefined;
}>;


export type LookUpProfileQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'User', id: string, clientUserId: string, displayName: string, createdAt: string, mutualConnectionCount: number | null }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type LookUpBobLiterallyQueryVariables = Exact<{ [key: string]: never; }>;


export type LookUpBobLiterallyQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'User', id: string, clientUserId: string, displayName: string, createdAt: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type LookUpMutualCountWithAnotherQueryVariables = Exact<{
  who?: string | null | undefined;
  with?: string | null | undefined;
}>;


export type LookUpMutualCountWithAnotherQuery = { user:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'User', clientUserId: string, mutualConnectionCount: number | null }
    | { __typename: 'ValidationError' }
   };

export type LookUpAsAnotherUserReadsQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type LookUpAsAnotherUserReadsQuery = { settings:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'Settings', acceptRequestsFrom: RequestPolicy }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
  , blockedUsers:
    | { __typename: 'BlockedUserPage', totalCount: number, nodes: Array<{ user: { clientUserId: string } }> }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type LookUpAsAnotherUserWritesMutationVariables = Exact<{
  userId?: string | null | undefined;
  otherUserId: string;
}>;


export type LookUpAsAnotherUserWritesMutation = { updateSettings:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'Settings' }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
  , blockUser:
    | { __typename: 'BlockUserPayload' }
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
  , unblockUser:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'UnblockUserPayload' }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestUpsertUserMutationVariables = Exact<{
  userId?: string | null | undefined;
  displayName: string;
}>;


export type TestUpsertUserMutation = { upsertUser:
    | { __typename: 'ConflictError', message: string, code: ErrorCode }
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'RateLimitedError', message: string, code: ErrorCode }
    | { __typename: 'UpsertUserPayload', created: boolean, user: { id: string, clientUserId: string, displayName: string, createdAt: string } }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
   };

export type PublicIdsNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PublicIdsNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, otherUser: { clientUserId: string } | null } };

export type PublicIdsNotificationsAfterQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PublicIdsNotificationsAfterQuery = { notifications:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode }
    | { __typename: 'NotificationPage', nodes: Array<{ id: string, type: NotificationType, otherUser: { clientUserId: string } | null }> }
    | { __typename: 'ValidationError', message: string, code: ErrorCode }
   };

export type TestDeliveryNotificationAddedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TestDeliveryNotificationAddedSubscription = { notificationAdded: { id: string, connectionRequestId: string | null, message: string } };

export type TestDeliveryConnectionEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestDeliveryConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent', connection: { connectedUser: { clientUserId: string } } }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent', reason: string }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestRedisNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TestRedisNotificationAddedSubscription = { notificationAdded: { id: string, connectionRequestId: string | null, message: string } };

export type TestRedisInviteNotificationsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestRedisInviteNotificationsSubscription = { notificationAdded: { type: NotificationType, otherUser: { clientUserId: string } | null, invite: { id: string, status: InviteStatus, joinInfo: { [key: string]: unknown } } | null } };

export type TestRedisConnectionEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestRedisConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent', connection: { connectedUser: { clientUserId: string } } }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent' }
    | { __typename: 'UnreadCountChangedEvent' }
   };

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

export const TestDataLoaderSendRequestDocument = new TypedDocumentString(`
    mutation TestDataLoaderSendRequest($userId: ID, $receiverId: ID!) {
  sendConnectionRequest(userId: $userId, receiverId: $receiverId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on SendConnectionRequestPayload {
      request {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderSendRequestMutation, TestDataLoaderSendRequestMutationVariables>;
export const TestDataLoaderAcceptRequestDocument = new TypedDocumentString(`
    mutation TestDataLoaderAcceptRequest($userId: ID, $requestId: ID!) {
  acceptConnectionRequest(userId: $userId, requestId: $requestId) {
    __typename
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderAcceptRequestMutation, TestDataLoaderAcceptRequestMutationVariables>;
export const TestDataLoaderActiveConnectionsDocument = new TypedDocumentString(`
    query TestDataLoaderActiveConnections($userId: ID, $perPage: Int) {
  activeConnections(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionPage {
      nodes {
        id
        connectedUser {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderActiveConnectionsQuery, TestDataLoaderActiveConnectionsQueryVariables>;
export const TestDataLoaderSentRequestsDocument = new TypedDocumentString(`
    query TestDataLoaderSentRequests($userId: ID, $perPage: Int) {
  sentConnectionRequests(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionRequestPage {
      nodes {
        id
        sender {
          displayName
        }
        receiver {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderSentRequestsQuery, TestDataLoaderSentRequestsQueryVariables>;
export const TestDataLoaderReceivedRequestsDocument = new TypedDocumentString(`
    query TestDataLoaderReceivedRequests($userId: ID, $perPage: Int) {
  receivedConnectionRequests(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionRequestPage {
      nodes {
        id
        sender {
          clientUserId
          displayName
        }
        receiver {
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderReceivedRequestsQuery, TestDataLoaderReceivedRequestsQueryVariables>;
export const TestDataLoaderNotificationsDocument = new TypedDocumentString(`
    query TestDataLoaderNotifications($userId: ID, $perPage: Int) {
  notifications(userId: $userId, perPage: $perPage) {
    __typename
    ... on NotificationPage {
      unreadCount
      nodes {
        id
        otherUser {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDataLoaderNotificationsQuery, TestDataLoaderNotificationsQueryVariables>;
export const TestLiveCursorDocument = new TypedDocumentString(`
    query TestLiveCursor {
  notifications {
    __typename
    ... on NotificationPage {
      liveCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TestLiveCursorQuery, TestLiveCursorQueryVariables>;
export const IdempotentSendDocument = new TypedDocumentString(`
    mutation IdempotentSend($receiverId: ID!, $idempotencyKey: String) {
  sendConnectionRequest(receiverId: $receiverId, idempotencyKey: $idempotencyKey) {
    __typename
    ... on Error {
      message
      code
    }
    ... on SendConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IdempotentSendMutation, IdempotentSendMutationVariables>;
export const RateLimitedSendDocument = new TypedDocumentString(`
    mutation RateLimitedSend($receiverId: ID!) {
  sendConnectionRequest(receiverId: $receiverId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
  }
}
    `) as unknown as TypedDocumentString<RateLimitedSendMutation, RateLimitedSendMutationVariables>;
export const RateLimitedConnectionEventsDocument = new TypedDocumentString(`
    subscription RateLimitedConnectionEvents {
  connectionEvents {
    __typename
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<RateLimitedConnectionEventsSubscription, RateLimitedConnectionEventsSubscriptionVariables>;
export const TestBlockUserDocument = new TypedDocumentString(`
    mutation TestBlockUser($userId: ID, $otherUserId: ID!) {
  blockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on BlockUserPayload {
      message
      created
      blocked {
        blockedAt
        user {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestBlockUserMutation, TestBlockUserMutationVariables>;
export const TestUnblockUserDocument = new TypedDocumentString(`
    mutation TestUnblockUser($userId: ID, $otherUserId: ID!) {
  unblockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on UnblockUserPayload {
      message
      user {
        clientUserId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestUnblockUserMutation, TestUnblockUserMutationVariables>;
export const TestBlockedUsersDocument = new TypedDocumentString(`
    query TestBlockedUsers($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {
  blockedUsers(
    userId: $userId
    page: $page
    perPage: $perPage
    first: $first
    after: $after
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on BlockedUserPage {
      totalCount
      nodes {
        blockedAt
        user {
          clientUserId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestBlockedUsersQuery, TestBlockedUsersQueryVariables>;
export const TestBlockEventsDocument = new TypedDocumentString(`
    subscription TestBlockEvents {
  connectionEvents {
    __typename
    ... on ConnectionRemovedEvent {
      connectionId
      connectedUser {
        clientUserId
      }
    }
    ... on BlockChangedEvent {
      blocked
      user {
        clientUserId
      }
    }
    ... on ConnectionRequestClosedEvent {
      request {
        id
        status
      }
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestBlockEventsSubscription, TestBlockEventsSubscriptionVariables>;
export const TestUpdateConnectionLiteralsDocument = new TypedDocumentString(`
    mutation TestUpdateConnectionLiterals($which: ID!) {
  starred: updateConnection(
    connectionId: $which
    favorite: true
    nickname: "  Tanky  "
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on Connection {
      nickname
      note
      favorite
      connectedUser {
        clientUserId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestUpdateConnectionLiteralsMutation, TestUpdateConnectionLiteralsMutationVariables>;
export const TestMyConnectionsWithNotesDocument = new TypedDocumentString(`
    query TestMyConnectionsWithNotes($as: ID, $fav: Boolean, $order: ConnectionSort, $n: Int, $from: String) {
  activeConnections(
    userId: $as
    favorite: $fav
    sort: $order
    first: $n
    after: $from
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on ConnectionPage {
      nodes {
        nickname
        note
        favorite
        connectedUser {
          clientUserId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMyConnectionsWithNotesQuery, TestMyConnectionsWithNotesQueryVariables>;
export const FeatureCancelRequestDocument = new TypedDocumentString(`
    mutation FeatureCancelRequest($requestId: ID!) {
  cancelConnectionRequest(requestId: $requestId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on CancelConnectionRequestPayload {
      message
      request {
        id
        status
        respondedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureCancelRequestMutation, FeatureCancelRequestMutationVariables>;
export const FeatureCancelEventsDocument = new TypedDocumentString(`
    subscription FeatureCancelEvents {
  connectionEvents {
    __typename
    ... on ConnectionRequestClosedEvent {
      request {
        id
        status
        sender {
          clientUserId
        }
      }
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureCancelEventsSubscription, FeatureCancelEventsSubscriptionVariables>;
export const TestSendConnectionRequestDocument = new TypedDocumentString(`
    mutation TestSendConnectionRequest($userId: ID, $receiverId: ID!, $message: String) {
  sendConnectionRequest(
    userId: $userId
    receiverId: $receiverId
    message: $message
  ) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on NotFoundError {
      id
    }
    ... on SendConnectionRequestPayload {
      message
      request {
        id
        status
        message
        createdAt
        respondedAt
        sender {
          clientUserId
          displayName
        }
        receiver {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSendConnectionRequestMutation, TestSendConnectionRequestMutationVariables>;
export const TestAcceptConnectionRequestDocument = new TypedDocumentString(`
    mutation TestAcceptConnectionRequest($userId: ID, $requestId: ID!) {
  acceptConnectionRequest(userId: $userId, requestId: $requestId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on AcceptConnectionRequestPayload {
      message
      request {
        id
        status
        respondedAt
        sender {
          clientUserId
        }
        receiver {
          clientUserId
        }
      }
      connection {
        id
        connectedSince
        connectedUser {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestAcceptConnectionRequestMutation, TestAcceptConnectionRequestMutationVariables>;
export const TestDeclineConnectionRequestDocument = new TypedDocumentString(`
    mutation TestDeclineConnectionRequest($userId: ID, $requestId: ID!) {
  declineConnectionRequest(userId: $userId, requestId: $requestId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on DeclineConnectionRequestPayload {
      message
      request {
        id
        status
        respondedAt
        sender {
          clientUserId
        }
        receiver {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestDeclineConnectionRequestMutation, TestDeclineConnectionRequestMutationVariables>;
export const TestSentConnectionRequestsDocument = new TypedDocumentString(`
    query TestSentConnectionRequests($userId: ID, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int, $first: Int, $after: String) {
  sentConnectionRequests(
    userId: $userId
    status: $status
    page: $page
    perPage: $perPage
    first: $first
    after: $after
  ) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        id
        status
        message
        receiver {
          clientUserId
          displayName
        }
      }
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSentConnectionRequestsQuery, TestSentConnectionRequestsQueryVariables>;
export const TestReceivedConnectionRequestsDocument = new TypedDocumentString(`
    query TestReceivedConnectionRequests($userId: ID, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int, $first: Int, $after: String) {
  receivedConnectionRequests(
    userId: $userId
    status: $status
    page: $page
    perPage: $perPage
    first: $first
    after: $after
  ) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        id
        status
        message
        createdAt
        respondedAt
        sender {
          clientUserId
          displayName
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestReceivedConnectionRequestsQuery, TestReceivedConnectionRequestsQueryVariables>;
export const TestRequestsActiveConnectionsDocument = new TypedDocumentString(`
    query TestRequestsActiveConnections($userId: ID) {
  activeConnections(userId: $userId) {
    __typename
    ... on ConnectionPage {
      nodes {
        id
        connectedUser {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestRequestsActiveConnectionsQuery, TestRequestsActiveConnectionsQueryVariables>;
export const TestRequestsNotificationsDocument = new TypedDocumentString(`
    query TestRequestsNotifications($userId: ID) {
  notifications(userId: $userId) {
    __typename
    ... on NotificationPage {
      unreadCount
      nodes {
        type
        connectionRequestId
        message
        read
        otherUser {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestRequestsNotificationsQuery, TestRequestsNotificationsQueryVariables>;
export const TestSilentDeclineDocument = new TypedDocumentString(`
    mutation TestSilentDecline($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
  declineConnectionRequest(
    userId: $userId
    requestId: $requestId
    silent: $silent
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on DeclineConnectionRequestPayload {
      message
      request {
        id
        status
        message
        createdAt
        respondedAt
        sender {
          clientUserId
        }
        receiver {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineMutation, TestSilentDeclineMutationVariables>;
export const TestSilentDeclineSendDocument = new TypedDocumentString(`
    mutation TestSilentDeclineSend($receiverId: ID!) {
  sendConnectionRequest(receiverId: $receiverId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on SendConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineSendMutation, TestSilentDeclineSendMutationVariables>;
export const TestSilentDeclineCancelDocument = new TypedDocumentString(`
    mutation TestSilentDeclineCancel($requestId: ID!) {
  cancelConnectionRequest(requestId: $requestId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on CancelConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineCancelMutation, TestSilentDeclineCancelMutationVariables>;
export const TestSilentDeclineAcceptDocument = new TypedDocumentString(`
    mutation TestSilentDeclineAccept($requestId: ID!) {
  acceptConnectionRequest(requestId: $requestId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on AcceptConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineAcceptMutation, TestSilentDeclineAcceptMutationVariables>;
export const TestSilentDeclineRequestsDocument = new TypedDocumentString(`
    query TestSilentDeclineRequests {
  sentConnectionRequests(perPage: 10) {
    __typename
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        id
        status
        message
        createdAt
        respondedAt
        mutualConnectionCount
        sender {
          clientUserId
          displayName
        }
        receiver {
          clientUserId
          displayName
        }
      }
    }
  }
  receivedConnectionRequests(perPage: 10) {
    __typename
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        id
        status
        message
        createdAt
        respondedAt
        mutualConnectionCount
        sender {
          clientUserId
          displayName
        }
        receiver {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineRequestsQuery, TestSilentDeclineRequestsQueryVariables>;
export const TestSilentDeclineNotificationsDocument = new TypedDocumentString(`
    query TestSilentDeclineNotifications {
  notifications(perPage: 10) {
    __typename
    ... on NotificationPage {
      totalCount
      unreadCount
      liveCursor
      nodes {
        id
        type
        connectionRequestId
        otherUser {
          clientUserId
          displayName
        }
        message
        timestamp
        read
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineNotificationsQuery, TestSilentDeclineNotificationsQueryVariables>;
export const TestSilentDeclineOtherDocument = new TypedDocumentString(`
    query TestSilentDeclineOther($otherId: ID!) {
  relationships(userIds: [$otherId]) {
    __typename
    ... on RelationshipList {
      relationships {
        userId
        status
        connectionId
        requestId
      }
    }
  }
  user(userId: $otherId) {
    __typename
    ... on User {
      clientUserId
      displayName
      createdAt
      mutualConnectionCount
    }
  }
  mutualConnections(otherUserId: $otherId, perPage: 10) {
    __typename
    ... on MutualConnectionPage {
      total
      nodes {
        clientUserId
        displayName
      }
    }
  }
  activeConnections(perPage: 10) {
    __typename
    ... on ConnectionPage {
      totalCount
      nodes {
        id
        connectedUser {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineOtherQuery, TestSilentDeclineOtherQueryVariables>;
export const TestSilentDeclineSuggestionsDocument = new TypedDocumentString(`
    query TestSilentDeclineSuggestions {
  connectionSuggestions(perPage: 10) {
    __typename
    ... on ConnectionSuggestionPage {
      totalCount
      nodes {
        mutualCount
        user {
          clientUserId
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineSuggestionsQuery, TestSilentDeclineSuggestionsQueryVariables>;
export const TestSilentDeclineConnectionEventsDocument = new TypedDocumentString(`
    subscription TestSilentDeclineConnectionEvents {
  connectionEvents {
    __typename
    ... on ConnectionCreatedEvent {
      connection {
        id
        connectedUser {
          clientUserId
        }
      }
    }
    ... on ConnectionRemovedEvent {
      connectionId
      connectedUser {
        clientUserId
      }
    }
    ... on ConnectionRequestClosedEvent {
      request {
        id
        status
        respondedAt
        sender {
          clientUserId
        }
      }
    }
    ... on BlockChangedEvent {
      blocked
      user {
        clientUserId
      }
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineConnectionEventsSubscription, TestSilentDeclineConnectionEventsSubscriptionVariables>;
export const TestSilentDeclineNotificationAddedDocument = new TypedDocumentString(`
    subscription TestSilentDeclineNotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    id
    type
    connectionRequestId
    otherUser {
      clientUserId
      displayName
    }
    message
    timestamp
    read
  }
}
    `) as unknown as TypedDocumentString<TestSilentDeclineNotificationAddedSubscription, TestSilentDeclineNotificationAddedSubscriptionVariables>;
export const TestActiveConnectionsDocument = new TypedDocumentString(`
    query TestActiveConnections($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {
  activeConnections(
    userId: $userId
    page: $page
    perPage: $perPage
    first: $first
    after: $after
  ) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on NotFoundError {
      id
    }
    ... on ConnectionPage {
      totalCount
      nodes {
        id
        connectedSince
        connectedUser {
          clientUserId
          displayName
        }
      }
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestActiveConnectionsQuery, TestActiveConnectionsQueryVariables>;
export const TestRemoveConnectionDocument = new TypedDocumentString(`
    mutation TestRemoveConnection($userId: ID, $connectionId: ID!) {
  removeConnection(userId: $userId, connectionId: $connectionId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on RemoveConnectionPayload {
      message
      connectionId
    }
  }
}
    `) as unknown as TypedDocumentString<TestRemoveConnectionMutation, TestRemoveConnectionMutationVariables>;
export const TestConnectionsSendRequestDocument = new TypedDocumentString(`
    mutation TestConnectionsSendRequest($receiverId: ID!) {
  sendConnectionRequest(receiverId: $receiverId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on SendConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestConnectionsSendRequestMutation, TestConnectionsSendRequestMutationVariables>;
export const TestMutualConnectionsDocument = new TypedDocumentString(`
    query TestMutualConnections($userId: ID, $otherUserId: ID!, $page: Int, $perPage: Int, $first: Int, $after: String) {
  mutualConnections(
    userId: $userId
    otherUserId: $otherUserId
    page: $page
    perPage: $perPage
    first: $first
    after: $after
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on MutualConnectionPage {
      total
      totalCount
      nodes {
        clientUserId
        displayName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualConnectionsQuery, TestMutualConnectionsQueryVariables>;
export const TestMutualReceivedWithCountsDocument = new TypedDocumentString(`
    query TestMutualReceivedWithCounts($userId: ID, $perPage: Int) {
  receivedConnectionRequests(userId: $userId, perPage: $perPage, status: PENDING) {
    __typename
    ... on ConnectionRequestPage {
      nodes {
        mutualConnectionCount
        sender {
          clientUserId
          mutualConnectionCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualReceivedWithCountsQuery, TestMutualReceivedWithCountsQueryVariables>;
export const TestMutualSentWithCountsDocument = new TypedDocumentString(`
    query TestMutualSentWithCounts($userId: ID) {
  sentConnectionRequests(userId: $userId, status: PENDING) {
    __typename
    ... on ConnectionRequestPage {
      nodes {
        mutualConnectionCount
        receiver {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualSentWithCountsQuery, TestMutualSentWithCountsQueryVariables>;
export const TestMutualConnectionsWithCountsDocument = new TypedDocumentString(`
    query TestMutualConnectionsWithCounts($userId: ID, $perPage: Int, $withUserId: ID) {
  activeConnections(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionPage {
      nodes {
        connectedUser {
          clientUserId
          mutualConnectionCount(withUserId: $withUserId)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualConnectionsWithCountsQuery, TestMutualConnectionsWithCountsQueryVariables>;
export const TestMutualUserWithCountDocument = new TypedDocumentString(`
    query TestMutualUserWithCount($userId: ID, $withUserId: ID) {
  user(userId: $userId) {
    __typename
    ... on Error {
      code
    }
    ... on User {
      clientUserId
      mutualConnectionCount(withUserId: $withUserId)
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualUserWithCountQuery, TestMutualUserWithCountQueryVariables>;
export const TestMutualSendRequestDocument = new TypedDocumentString(`
    mutation TestMutualSendRequest($userId: ID, $receiverId: ID!) {
  sendConnectionRequest(userId: $userId, receiverId: $receiverId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SendConnectionRequestPayload {
      request {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualSendRequestMutation, TestMutualSendRequestMutationVariables>;
export const TestMutualAcceptRequestDocument = new TypedDocumentString(`
    mutation TestMutualAcceptRequest($userId: ID, $requestId: ID!) {
  acceptConnectionRequest(userId: $userId, requestId: $requestId) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TestMutualAcceptRequestMutation, TestMutualAcceptRequestMutationVariables>;
export const TestRelationshipsDocument = new TypedDocumentString(`
    query TestRelationships($userId: ID, $userIds: [ID!]!) {
  relationships(userId: $userId, userIds: $userIds) {
    __typename
    ... on Error {
      code
      message
    }
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
    `) as unknown as TypedDocumentString<TestRelationshipsQuery, TestRelationshipsQueryVariables>;
export const TestSuggestionsDocument = new TypedDocumentString(`
    query TestSuggestions($userId: ID, $page: Int, $perPage: Int) {
  connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {
    __typename
    ... on Error {
      code
      message
    }
    ... on ConnectionSuggestionPage {
      totalCount
      nodes {
        mutualCount
        user {
          clientUserId
          displayName
          mutualConnectionCount
        }
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSuggestionsQuery, TestSuggestionsQueryVariables>;
export const TestSendByCodeDocument = new TypedDocumentString(`
    mutation TestSendByCode($me: ID!, $code: String!) {
  sendConnectionRequest(userId: $me, friendCode: $code) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SendConnectionRequestPayload {
      request {
        receiver {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSendByCodeMutation, TestSendByCodeMutationVariables>;
export const TestRotateCodeDocument = new TypedDocumentString(`
    mutation TestRotateCode {
  rotateFriendCode {
    __typename
    ... on Error {
      code
      message
    }
    ... on RotateFriendCodePayload {
      message
      friendCode {
        value
        user {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestRotateCodeMutation, TestRotateCodeMutationVariables>;
export const TestMyCodeDocument = new TypedDocumentString(`
    query TestMyCode {
  friendCode {
    __typename
    ... on FriendCode {
      value
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<TestMyCodeQuery, TestMyCodeQueryVariables>;
export const TestGameNotificationAddedDocument = new TypedDocumentString(`
    subscription TestGameNotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    id
    type
    gameType
    connectionRequestId
    otherUser {
      clientUserId
    }
    message
    payload
    expiresAt
    read
  }
}
    `) as unknown as TypedDocumentString<TestGameNotificationAddedSubscription, TestGameNotificationAddedSubscriptionVariables>;
export const TestGameUnreadCountsDocument = new TypedDocumentString(`
    subscription TestGameUnreadCounts {
  connectionEvents {
    __typename
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestGameUnreadCountsSubscription, TestGameUnreadCountsSubscriptionVariables>;
export const TestGameLiveCursorDocument = new TypedDocumentString(`
    query TestGameLiveCursor {
  notifications {
    __typename
    ... on NotificationPage {
      liveCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TestGameLiveCursorQuery, TestGameLiveCursorQueryVariables>;
export const TestSendGameNotificationDocument = new TypedDocumentString(`
    mutation TestSendGameNotification($to: [ID!]!, $kind: String!, $text: String!, $data: JSONObject, $ttl: Int) {
  sendGameNotification(
    userIds: $to
    type: $kind
    message: $text
    payload: $data
    expiresInSeconds: $ttl
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SendGameNotificationPayload {
      sent
      notifications {
        userId
        notification {
          id
          gameType
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSendGameNotificationMutation, TestSendGameNotificationMutationVariables>;
export const TestNotificationsOfTypesDocument = new TypedDocumentString(`
    query TestNotificationsOfTypes($only: [String!]) {
  notifications(types: $only) {
    __typename
    ... on Error {
      code
      message
    }
    ... on NotificationPage {
      totalCount
      unreadCount
      nodes {
        type
        gameType
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestNotificationsOfTypesQuery, TestNotificationsOfTypesQueryVariables>;
export const TestInviteNotificationAddedDocument = new TypedDocumentString(`
    subscription TestInviteNotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    id
    type
    otherUser {
      clientUserId
    }
    message
    expiresAt
    read
    invite {
      id
      status
      joinInfo
      expiresAt
      sender {
        clientUserId
      }
      receiver {
        clientUserId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestInviteNotificationAddedSubscription, TestInviteNotificationAddedSubscriptionVariables>;
export const TestInviteUnreadCountsDocument = new TypedDocumentString(`
    subscription TestInviteUnreadCounts {
  connectionEvents {
    __typename
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestInviteUnreadCountsSubscription, TestInviteUnreadCountsSubscriptionVariables>;
export const TestInviteToPlayDocument = new TypedDocumentString(`
    mutation TestInviteToPlay($friends: [ID!]!, $lobby: JSONObject!, $note: String, $seconds: Int, $key: String) {
  sendInvite(
    receiverIds: $friends
    joinInfo: $lobby
    message: $note
    expiresInSeconds: $seconds
    idempotencyKey: $key
  ) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SendInvitePayload {
      message
      invites {
        id
        status
        receiver {
          clientUserId
        }
        joinInfo
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestInviteToPlayMutation, TestInviteToPlayMutationVariables>;
export const TestAcceptInviteDocument = new TypedDocumentString(`
    mutation TestAcceptInvite($invite: ID!) {
  acceptInvite(inviteId: $invite) {
    __typename
    ... on Error {
      code
      message
    }
    ... on AcceptInvitePayload {
      joinInfo
      invite {
        status
        respondedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestAcceptInviteMutation, TestAcceptInviteMutationVariables>;
export const TestReceivedInvitesDocument = new TypedDocumentString(`
    query TestReceivedInvites($status: InviteStatusFilter) {
  invites(status: $status) {
    __typename
    ... on InvitePage {
      totalCount
      nodes {
        id
        status
        sender {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestReceivedInvitesQuery, TestReceivedInvitesQueryVariables>;
export const TestConnectionEventsDocument = new TypedDocumentString(`
    subscription TestConnectionEvents($userId: ID) {
  connectionEvents(userId: $userId) {
    __typename
    ... on ConnectionCreatedEvent {
      connection {
        id
        connectedSince
        connectedUser {
          clientUserId
        }
      }
    }
    ... on ConnectionRemovedEvent {
      connectionId
      connectedUser {
        clientUserId
      }
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestConnectionEventsSubscription, TestConnectionEventsSubscriptionVariables>;
export const TestRollbackNotificationAddedDocument = new TypedDocumentString(`
    subscription TestRollbackNotificationAdded {
  notificationAdded {
    id
    connectionRequestId
    message
  }
}
    `) as unknown as TypedDocumentString<TestRollbackNotificationAddedSubscription, TestRollbackNotificationAddedSubscriptionVariables>;
export const TestNotificationAddedDocument = new TypedDocumentString(`
    subscription TestNotificationAdded($userId: ID, $after: ID) {
  notificationAdded(userId: $userId, after: $after) {
    id
    type
    connectionRequestId
    otherUser {
      clientUserId
      displayName
    }
    message
    timestamp
    read
  }
}
    `) as unknown as TypedDocumentString<TestNotificationAddedSubscription, TestNotificationAddedSubscriptionVariables>;
export const TestLiveNotificationsDocument = new TypedDocumentString(`
    query TestLiveNotifications {
  notifications {
    __typename
    ... on NotificationPage {
      liveCursor
      nodes {
        id
        type
        connectionRequestId
        otherUser {
          clientUserId
          displayName
        }
        message
        timestamp
        read
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestLiveNotificationsQuery, TestLiveNotificationsQueryVariables>;
export const FeatureMarkAllReadDocument = new TypedDocumentString(`
    mutation FeatureMarkAllRead {
  markAllNotificationsRead {
    __typename
    ... on Error {
      message
      code
    }
    ... on MarkAllNotificationsReadPayload {
      message
      marked
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureMarkAllReadMutation, FeatureMarkAllReadMutationVariables>;
export const FeatureDeleteNotificationDocument = new TypedDocumentString(`
    mutation FeatureDeleteNotification($notificationId: ID!) {
  deleteNotification(notificationId: $notificationId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on DeleteNotificationPayload {
      message
      notificationId
    }
  }
}
    `) as unknown as TypedDocumentString<FeatureDeleteNotificationMutation, FeatureDeleteNotificationMutationVariables>;
export const TestNotificationsDocument = new TypedDocumentString(`
    query TestNotifications($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(
    userId: $userId
    page: $page
    perPage: $perPage
    first: $first
    after: $after
    unreadOnly: $unreadOnly
  ) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on NotFoundError {
      id
    }
    ... on NotificationPage {
      totalCount
      unreadCount
      nodes {
        id
        type
        connectionRequestId
        message
        timestamp
        read
        otherUser {
          clientUserId
          displayName
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      pagination {
        currentPage
        totalPages
        totalItems
        perPage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestNotificationsQuery, TestNotificationsQueryVariables>;
export const TestMarkNotificationReadDocument = new TypedDocumentString(`
    mutation TestMarkNotificationRead($userId: ID, $notificationId: ID!) {
  markNotificationRead(userId: $userId, notificationId: $notificationId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on MarkNotificationReadPayload {
      message
      notification {
        id
        type
        read
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestMarkNotificationReadMutation, TestMarkNotificationReadMutationVariables>;
export const TestSearchUsersDocument = new TypedDocumentString(`
    query TestSearchUsers($text: String!, $count: Int, $cursor: String, $as: ID) {
  searchUsers(query: $text, first: $count, after: $cursor, userId: $as) {
    __typename
    ... on Error {
      code
      message
    }
    ... on FoundUserPage {
      totalCount
      nodes {
        user {
          clientUserId
          displayName
        }
        relationship {
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSearchUsersQuery, TestSearchUsersQueryVariables>;
export const TestFriendPresenceDocument = new TypedDocumentString(`
    subscription TestFriendPresence($userId: ID) {
  friendPresenceChanged(userId: $userId) {
    user {
      clientUserId
    }
    presence {
      status
      activity
      joinInfo
      lastSeenAt
    }
  }
}
    `) as unknown as TypedDocumentString<TestFriendPresenceSubscription, TestFriendPresenceSubscriptionVariables>;
export const TestUserPresenceDocument = new TypedDocumentString(`
    query TestUserPresence($userId: ID!) {
  user(userId: $userId) {
    __typename
    ... on User {
      presence {
        status
        activity
        joinInfo
        lastSeenAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestUserPresenceQuery, TestUserPresenceQueryVariables>;
export const TestSetPresenceDocument = new TypedDocumentString(`
    mutation TestSetPresence($userId: ID, $state: PresenceStatus!, $doing: String, $join: JSONObject, $ttl: Int) {
  setPresence(
    userId: $userId
    status: $state
    activity: $doing
    joinInfo: $join
    expiresInSeconds: $ttl
  ) {
    __typename
    ... on SetPresencePayload {
      presence {
        status
        activity
        joinInfo
        lastSeenAt
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TestSetPresenceMutation, TestSetPresenceMutationVariables>;
export const TestFriendPresenceWithMutualsDocument = new TypedDocumentString(`
    subscription TestFriendPresenceWithMutuals {
  friendPresenceChanged {
    user {
      clientUserId
      mutualConnectionCount
    }
    presence {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<TestFriendPresenceWithMutualsSubscription, TestFriendPresenceWithMutualsSubscriptionVariables>;
export const TestFriendPresenceMaybeActivityDocument = new TypedDocumentString(`
    subscription TestFriendPresenceMaybeActivity($me: ID, $withActivity: Boolean!) {
  friendPresenceChanged(userId: $me) {
    user {
      clientUserId
    }
    presence {
      status
      activity @include(if: $withActivity)
    }
  }
}
    `) as unknown as TypedDocumentString<TestFriendPresenceMaybeActivitySubscription, TestFriendPresenceMaybeActivitySubscriptionVariables>;
export const TestFriendPresenceProfileDocument = new TypedDocumentString(`
    subscription TestFriendPresenceProfile {
  friendPresenceChanged {
    user {
      clientUserId
      displayName
      createdAt
    }
    presence {
      status
    }
  }
}
    `) as unknown as TypedDocumentString<TestFriendPresenceProfileSubscription, TestFriendPresenceProfileSubscriptionVariables>;
export const TestUserProfileDocument = new TypedDocumentString(`
    query TestUserProfile($userId: ID!) {
  user(userId: $userId) {
    ... on User {
      clientUserId
      displayName
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<TestUserProfileQuery, TestUserProfileQueryVariables>;
export const TestRecentPlayersDocument = new TypedDocumentString(`
    query TestRecentPlayers($n: Int, $from: String) {
  recentPlayers(first: $n, after: $from) {
    __typename
    ... on Error {
      code
      message
    }
    ... on RecentPlayerPage {
      nodes {
        user {
          clientUserId
        }
        context
        relationship {
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestRecentPlayersQuery, TestRecentPlayersQueryVariables>;
export const TestRecordMatchDocument = new TypedDocumentString(`
    mutation TestRecordMatch($a: ID!, $b: ID!) {
  played: recordRecentPlayers(players: [$a, $b], context: "duel-7") {
    __typename
    ... on Error {
      code
      message
    }
    ... on RecordRecentPlayersPayload {
      message
      players
    }
  }
}
    `) as unknown as TypedDocumentString<TestRecordMatchMutation, TestRecordMatchMutationVariables>;
export const TestSettingsDocument = new TypedDocumentString(`
    query TestSettings($userId: ID) {
  settings(userId: $userId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on Settings {
      acceptRequestsFrom
    }
  }
}
    `) as unknown as TypedDocumentString<TestSettingsQuery, TestSettingsQueryVariables>;
export const TestUpdateSettingsDocument = new TypedDocumentString(`
    mutation TestUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {
  updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {
    __typename
    ... on Error {
      code
      message
    }
    ... on Settings {
      acceptRequestsFrom
    }
  }
}
    `) as unknown as TypedDocumentString<TestUpdateSettingsMutation, TestUpdateSettingsMutationVariables>;
export const TestSettingsSendDocument = new TypedDocumentString(`
    mutation TestSettingsSend($receiverId: ID!) {
  sendConnectionRequest(receiverId: $receiverId) {
    __typename
    ... on Error {
      code
      message
    }
    ... on SendConnectionRequestPayload {
      request {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestSettingsSendMutation, TestSettingsSendMutationVariables>;
export const TestUserDocument = new TypedDocumentString(`
    query TestUser($userId: ID) {
  user(userId: $userId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on ValidationError {
      field
    }
    ... on User {
      id
      clientUserId
      displayName
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<TestUserQuery, TestUserQueryVariables>;
export const LookUpProfileDocument = new TypedDocumentString(`
    query LookUpProfile($who: ID) {
  user(userId: $who) {
    __typename
    ... on Error {
      message
      code
    }
    ... on NotFoundError {
      id
    }
    ... on User {
      id
      clientUserId
      displayName
      createdAt
      mutualConnectionCount
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpProfileQuery, LookUpProfileQueryVariables>;
export const LookUpBobLiterallyDocument = new TypedDocumentString(`
    query LookUpBobLiterally {
  user(userId: "bob") {
    __typename
    ... on Error {
      message
      code
    }
    ... on User {
      id
      clientUserId
      displayName
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpBobLiterallyQuery, LookUpBobLiterallyQueryVariables>;
export const LookUpMutualCountWithAnotherDocument = new TypedDocumentString(`
    query LookUpMutualCountWithAnother($who: ID, $with: ID) {
  user(userId: $who) {
    __typename
    ... on User {
      clientUserId
      mutualConnectionCount(withUserId: $with)
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpMutualCountWithAnotherQuery, LookUpMutualCountWithAnotherQueryVariables>;
export const LookUpAsAnotherUserReadsDocument = new TypedDocumentString(`
    query LookUpAsAnotherUserReads($userId: ID) {
  settings(userId: $userId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on Settings {
      acceptRequestsFrom
    }
  }
  blockedUsers(userId: $userId) {
    __typename
    ... on Error {
      message
      code
    }
    ... on BlockedUserPage {
      totalCount
      nodes {
        user {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpAsAnotherUserReadsQuery, LookUpAsAnotherUserReadsQueryVariables>;
export const LookUpAsAnotherUserWritesDocument = new TypedDocumentString(`
    mutation LookUpAsAnotherUserWrites($userId: ID, $otherUserId: ID!) {
  updateSettings(userId: $userId, acceptRequestsFrom: NOBODY) {
    __typename
    ... on Error {
      message
      code
    }
  }
  blockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ... on Error {
      message
      code
    }
  }
  unblockUser(userId: $userId, otherUserId: $otherUserId) {
    __typename
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<LookUpAsAnotherUserWritesMutation, LookUpAsAnotherUserWritesMutationVariables>;
export const TestUpsertUserDocument = new TypedDocumentString(`
    mutation TestUpsertUser($userId: ID, $displayName: String!) {
  upsertUser(userId: $userId, displayName: $displayName) {
    __typename
    ... on Error {
      message
      code
    }
    ... on ValidationError {
      field
    }
    ... on UpsertUserPayload {
      created
      user {
        id
        clientUserId
        displayName
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestUpsertUserMutation, TestUpsertUserMutationVariables>;
export const PublicIdsNotificationAddedDocument = new TypedDocumentString(`
    subscription PublicIdsNotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    id
    type
    otherUser {
      clientUserId
    }
  }
}
    `) as unknown as TypedDocumentString<PublicIdsNotificationAddedSubscription, PublicIdsNotificationAddedSubscriptionVariables>;
export const PublicIdsNotificationsAfterDocument = new TypedDocumentString(`
    query PublicIdsNotificationsAfter($after: String) {
  notifications(first: 10, after: $after) {
    __typename
    ... on NotificationPage {
      nodes {
        id
        type
        otherUser {
          clientUserId
        }
      }
    }
    ... on Error {
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PublicIdsNotificationsAfterQuery, PublicIdsNotificationsAfterQueryVariables>;
export const TestDeliveryNotificationAddedDocument = new TypedDocumentString(`
    subscription TestDeliveryNotificationAdded($userId: ID, $after: ID) {
  notificationAdded(userId: $userId, after: $after) {
    id
    connectionRequestId
    message
  }
}
    `) as unknown as TypedDocumentString<TestDeliveryNotificationAddedSubscription, TestDeliveryNotificationAddedSubscriptionVariables>;
export const TestDeliveryConnectionEventsDocument = new TypedDocumentString(`
    subscription TestDeliveryConnectionEvents {
  connectionEvents {
    __typename
    ... on ConnectionCreatedEvent {
      connection {
        connectedUser {
          clientUserId
        }
      }
    }
    ... on ConnectionsResyncEvent {
      reason
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TestDeliveryConnectionEventsSubscription, TestDeliveryConnectionEventsSubscriptionVariables>;
export const TestRedisNotificationAddedDocument = new TypedDocumentString(`
    subscription TestRedisNotificationAdded($after: ID) {
  notificationAdded(after: $after) {
    id
    connectionRequestId
    message
  }
}
    `) as unknown as TypedDocumentString<TestRedisNotificationAddedSubscription, TestRedisNotificationAddedSubscriptionVariables>;
export const TestRedisInviteNotificationsDocument = new TypedDocumentString(`
    subscription TestRedisInviteNotifications {
  notificationAdded {
    type
    otherUser {
      clientUserId
    }
    invite {
      id
      status
      joinInfo
    }
  }
}
    `) as unknown as TypedDocumentString<TestRedisInviteNotificationsSubscription, TestRedisInviteNotificationsSubscriptionVariables>;
export const TestRedisConnectionEventsDocument = new TypedDocumentString(`
    subscription TestRedisConnectionEvents {
  connectionEvents {
    __typename
    ... on ConnectionCreatedEvent {
      connection {
        connectedUser {
          clientUserId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TestRedisConnectionEventsSubscription, TestRedisConnectionEventsSubscriptionVariables>;