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

export type UserFieldsFragment = { clientUserId: string, displayName: string };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', code: ErrorCode, message: string };

type ErrorFields_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: ErrorCode, message: string };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', field: string, code: ErrorCode, message: string };

export type ErrorFieldsFragment =
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_ForbiddenError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_RateLimitedError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type ConnectionFieldsFragment = { id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string } };

export type ConnectionRequestFieldsFragment = { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } };

export type PresenceFieldsFragment = { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null };

export type InviteFieldsFragment = { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } };

export type NotificationFieldsFragment = { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } | null };

export type ProfileQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type ProfileQuery = { user:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'User', createdAt: string, clientUserId: string, displayName: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type ActiveConnectionsQueryVariables = Exact<{
  userId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  presence?: ConnectionPresenceFilter | null | undefined;
  sort?: ConnectionSort | null | undefined;
  favorite?: boolean | null | undefined;
}>;


export type ActiveConnectionsQuery = { activeConnections:
    | { __typename: 'ConnectionPage', totalCount: number, nodes: Array<{ id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SentRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  status?: ConnectionRequestStatusFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SentRequestsQuery = { sentConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type ReceivedRequestsQueryVariables = Exact<{
  userId?: string | null | undefined;
  status?: ConnectionRequestStatusFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReceivedRequestsQuery = { receivedConnectionRequests:
    | { __typename: 'ConnectionRequestPage', totalCount: number, nodes: Array<{ id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type NotificationsQueryVariables = Exact<{
  userId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'NotificationPage', unreadCount: number, liveCursor: string, totalCount: number, nodes: Array<{ id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RelationshipsQueryVariables = Exact<{
  userId?: string | null | undefined;
  userIds: Array<string> | string;
}>;


export type RelationshipsQuery = { relationships:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RelationshipList', relationships: Array<{ userId: string, status: RelationshipStatus, connectionId: string | null, requestId: string | null }> }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type InvitesQueryVariables = Exact<{
  userId?: string | null | undefined;
  direction?: InviteDirection | null | undefined;
  status?: InviteStatusFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InvitesQuery = { invites:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'InvitePage', nodes: Array<{ id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SearchUsersQueryVariables = Exact<{
  userId?: string | null | undefined;
  query: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchUsersQuery = { searchUsers:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'FoundUserPage', nodes: Array<{ user: { clientUserId: string, displayName: string }, relationship: { status: RelationshipStatus, connectionId: string | null, requestId: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type FriendCodeQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type FriendCodeQuery = { friendCode:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'FriendCode', value: string, createdAt: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RecentPlayersQueryVariables = Exact<{
  userId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecentPlayersQuery = { recentPlayers:
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RecentPlayerPage', nodes: Array<{ context: string | null, playedAt: string, user: { clientUserId: string, displayName: string }, relationship: { status: RelationshipStatus, connectionId: string | null, requestId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type UpsertUserMutationVariables = Exact<{
  userId?: string | null | undefined;
  displayName: string;
}>;


export type UpsertUserMutation = { upsertUser:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'UpsertUserPayload', created: boolean, user: { clientUserId: string, displayName: string } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SendRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  receiverId: string;
  message?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SendRequestMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SendConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SendRequestByCodeMutationVariables = Exact<{
  userId?: string | null | undefined;
  friendCode: string;
  message?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SendRequestByCodeMutation = { sendConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SendConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type AcceptRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type AcceptRequestMutation = { acceptConnectionRequest:
    | { __typename: 'AcceptConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }, connection: { id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type DeclineRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
  silent?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type DeclineRequestMutation = { declineConnectionRequest:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeclineConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type CancelRequestMutationVariables = Exact<{
  userId?: string | null | undefined;
  requestId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type CancelRequestMutation = { cancelConnectionRequest:
    | { __typename: 'CancelConnectionRequestPayload', message: string, request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RemoveConnectionMutationVariables = Exact<{
  userId?: string | null | undefined;
  connectionId: string;
}>;


export type RemoveConnectionMutation = { removeConnection:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'RemoveConnectionPayload', message: string, connectionId: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type UpdateConnectionMutationVariables = Exact<{
  userId?: string | null | undefined;
  connectionId: string;
  nickname?: string | null | undefined;
  note?: string | null | undefined;
  favorite?: boolean | null | undefined;
}>;


export type UpdateConnectionMutation = { updateConnection:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'Connection', id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RotateFriendCodeMutationVariables = Exact<{
  userId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RotateFriendCodeMutation = { rotateFriendCode:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'RotateFriendCodePayload', message: string, friendCode: { value: string, createdAt: string } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type RecordRecentPlayersMutationVariables = Exact<{
  players: Array<string> | string;
  context?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordRecentPlayersMutation = { recordRecentPlayers:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'RecordRecentPlayersPayload', message: string, players: number }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SetPresenceMutationVariables = Exact<{
  userId?: string | null | undefined;
  status: PresenceStatus;
  activity?: string | null | undefined;
  joinInfo?: { [key: string]: unknown } | null | undefined;
  expiresInSeconds?: number | null | undefined;
}>;


export type SetPresenceMutation = { setPresence:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SetPresencePayload', user: { clientUserId: string, displayName: string }, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type SendInviteMutationVariables = Exact<{
  userId?: string | null | undefined;
  receiverIds: Array<string> | string;
  joinInfo: { [key: string]: unknown };
  message?: string | null | undefined;
  expiresInSeconds?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type SendInviteMutation = { sendInvite:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SendInvitePayload', message: string, invites: Array<{ id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type AcceptInviteMutationVariables = Exact<{
  userId?: string | null | undefined;
  inviteId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type AcceptInviteMutation = { acceptInvite:
    | { __typename: 'AcceptInvitePayload', message: string, joinInfo: { [key: string]: unknown }, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type DeclineInviteMutationVariables = Exact<{
  userId?: string | null | undefined;
  inviteId: string;
  silent?: boolean | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type DeclineInviteMutation = { declineInvite:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'DeclineInvitePayload', message: string, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type CancelInviteMutationVariables = Exact<{
  userId?: string | null | undefined;
  inviteId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type CancelInviteMutation = { cancelInvite:
    | { __typename: 'CancelInvitePayload', message: string, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type MarkNotificationReadMutationVariables = Exact<{
  userId?: string | null | undefined;
  notificationId: string;
  idempotencyKey?: string | null | undefined;
}>;


export type MarkNotificationReadMutation = { markNotificationRead:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'MarkNotificationReadPayload', message: string, notification: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } | null } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type MarkAllNotificationsReadMutationVariables = Exact<{
  userId?: string | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead:
    | { __typename: 'ConflictError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'MarkAllNotificationsReadPayload', message: string, marked: number }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', field: string, code: ErrorCode, message: string }
   };

export type NotificationAddedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, gameType: string | null, connectionRequestId: string | null, message: string, payload: { [key: string]: unknown } | null, expiresAt: string | null, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } | null, invite: { id: string, status: InviteStatus, message: string | null, joinInfo: { [key: string]: unknown }, createdAt: string, expiresAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } | null } };

export type ConnectionEventsSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type ConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent', blocked: boolean, user: { clientUserId: string, displayName: string } }
    | { __typename: 'ConnectionCreatedEvent', connection: { id: string, connectedSince: string, nickname: string | null, note: string | null, favorite: boolean, connectedUser: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConnectionRemovedEvent', connectionId: string, connectedUser: { clientUserId: string, displayName: string } }
    | { __typename: 'ConnectionRequestClosedEvent', request: { id: string, status: ConnectionRequestStatus, message: string | null, createdAt: string, respondedAt: string | null, sender: { clientUserId: string, displayName: string }, receiver: { clientUserId: string, displayName: string } } }
    | { __typename: 'ConnectionsResyncEvent', reason: string }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type FriendPresenceChangedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type FriendPresenceChangedSubscription = { friendPresenceChanged: { user: { clientUserId: string, displayName: string }, presence: { status: PresenceStatus, activity: string | null, joinInfo: { [key: string]: unknown } | null, lastSeenAt: string | null } | null } };

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
export const ErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
    `, {"fragmentName":"ErrorFields"}) as unknown as TypedDocumentString<ErrorFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  clientUserId
  displayName
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const ConnectionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConnectionFields on Connection {
  id
  connectedSince
  nickname
  note
  favorite
  connectedUser {
    ...UserFields
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}`, {"fragmentName":"ConnectionFields"}) as unknown as TypedDocumentString<ConnectionFieldsFragment, unknown>;
export const ConnectionRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}`, {"fragmentName":"ConnectionRequestFields"}) as unknown as TypedDocumentString<ConnectionRequestFieldsFragment, unknown>;
export const PresenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment PresenceFields on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}
    `, {"fragmentName":"PresenceFields"}) as unknown as TypedDocumentString<PresenceFieldsFragment, unknown>;
export const InviteFieldsFragmentDoc = new TypedDocumentString(`
    fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}`, {"fragmentName":"InviteFields"}) as unknown as TypedDocumentString<InviteFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  type
  gameType
  connectionRequestId
  message
  payload
  expiresAt
  timestamp
  read
  otherUser {
    ...UserFields
  }
  invite {
    ...InviteFields
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile($userId: ID) {
  user(userId: $userId) {
    __typename
    ...ErrorFields
    ... on User {
      ...UserFields
      createdAt
      presence {
        ...PresenceFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment PresenceFields on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const ActiveConnectionsDocument = new TypedDocumentString(`
    query ActiveConnections($userId: ID, $first: Int = 50, $after: String, $presence: ConnectionPresenceFilter, $sort: ConnectionSort = NEWEST, $favorite: Boolean) {
  activeConnections(
    userId: $userId
    first: $first
    after: $after
    presence: $presence
    sort: $sort
    favorite: $favorite
  ) {
    __typename
    ...ErrorFields
    ... on ConnectionPage {
      totalCount
      nodes {
        ...ConnectionFields
        connectedUser {
          presence {
            ...PresenceFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionFields on Connection {
  id
  connectedSince
  nickname
  note
  favorite
  connectedUser {
    ...UserFields
  }
}
fragment PresenceFields on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<ActiveConnectionsQuery, ActiveConnectionsQueryVariables>;
export const SentRequestsDocument = new TypedDocumentString(`
    query SentRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {
  sentConnectionRequests(
    userId: $userId
    status: $status
    first: $first
    after: $after
  ) {
    __typename
    ...ErrorFields
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        ...ConnectionRequestFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<SentRequestsQuery, SentRequestsQueryVariables>;
export const ReceivedRequestsDocument = new TypedDocumentString(`
    query ReceivedRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {
  receivedConnectionRequests(
    userId: $userId
    status: $status
    first: $first
    after: $after
  ) {
    __typename
    ...ErrorFields
    ... on ConnectionRequestPage {
      totalCount
      nodes {
        ...ConnectionRequestFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<ReceivedRequestsQuery, ReceivedRequestsQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($userId: ID, $first: Int = 50, $after: String, $unreadOnly: Boolean = false) {
  notifications(
    userId: $userId
    first: $first
    after: $after
    unreadOnly: $unreadOnly
  ) {
    __typename
    ...ErrorFields
    ... on NotificationPage {
      unreadCount
      liveCursor
      totalCount
      nodes {
        ...NotificationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}
fragment NotificationFields on Notification {
  id
  type
  gameType
  connectionRequestId
  message
  payload
  expiresAt
  timestamp
  read
  otherUser {
    ...UserFields
  }
  invite {
    ...InviteFields
  }
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const RelationshipsDocument = new TypedDocumentString(`
    query Relationships($userId: ID, $userIds: [ID!]!) {
  relationships(userId: $userId, userIds: $userIds) {
    __typename
    ...ErrorFields
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
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<RelationshipsQuery, RelationshipsQueryVariables>;
export const InvitesDocument = new TypedDocumentString(`
    query Invites($userId: ID, $direction: InviteDirection = RECEIVED, $status: InviteStatusFilter = ALL, $first: Int = 10, $after: String) {
  invites(
    userId: $userId
    direction: $direction
    status: $status
    first: $first
    after: $after
  ) {
    __typename
    ...ErrorFields
    ... on InvitePage {
      nodes {
        ...InviteFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<InvitesQuery, InvitesQueryVariables>;
export const SearchUsersDocument = new TypedDocumentString(`
    query SearchUsers($userId: ID, $query: String!, $first: Int = 20, $after: String) {
  searchUsers(userId: $userId, query: $query, first: $first, after: $after) {
    __typename
    ...ErrorFields
    ... on FoundUserPage {
      nodes {
        user {
          ...UserFields
        }
        relationship {
          status
          connectionId
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<SearchUsersQuery, SearchUsersQueryVariables>;
export const FriendCodeDocument = new TypedDocumentString(`
    query FriendCode($userId: ID) {
  friendCode(userId: $userId) {
    __typename
    ...ErrorFields
    ... on FriendCode {
      value
      createdAt
    }
  }
}
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<FriendCodeQuery, FriendCodeQueryVariables>;
export const RecentPlayersDocument = new TypedDocumentString(`
    query RecentPlayers($userId: ID, $first: Int = 20, $after: String) {
  recentPlayers(userId: $userId, first: $first, after: $after) {
    __typename
    ...ErrorFields
    ... on RecentPlayerPage {
      nodes {
        user {
          ...UserFields
        }
        context
        playedAt
        relationship {
          status
          connectionId
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<RecentPlayersQuery, RecentPlayersQueryVariables>;
export const UpsertUserDocument = new TypedDocumentString(`
    mutation UpsertUser($userId: ID, $displayName: String!) {
  upsertUser(userId: $userId, displayName: $displayName) {
    __typename
    ...ErrorFields
    ... on UpsertUserPayload {
      created
      user {
        ...UserFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<UpsertUserMutation, UpsertUserMutationVariables>;
export const SendRequestDocument = new TypedDocumentString(`
    mutation SendRequest($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {
  sendConnectionRequest(
    userId: $userId
    receiverId: $receiverId
    message: $message
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on SendConnectionRequestPayload {
      message
      request {
        ...ConnectionRequestFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<SendRequestMutation, SendRequestMutationVariables>;
export const SendRequestByCodeDocument = new TypedDocumentString(`
    mutation SendRequestByCode($userId: ID, $friendCode: String!, $message: String, $idempotencyKey: String) {
  sendConnectionRequest(
    userId: $userId
    friendCode: $friendCode
    message: $message
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on SendConnectionRequestPayload {
      message
      request {
        ...ConnectionRequestFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<SendRequestByCodeMutation, SendRequestByCodeMutationVariables>;
export const AcceptRequestDocument = new TypedDocumentString(`
    mutation AcceptRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {
  acceptConnectionRequest(
    userId: $userId
    requestId: $requestId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on AcceptConnectionRequestPayload {
      message
      request {
        ...ConnectionRequestFields
      }
      connection {
        ...ConnectionFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionFields on Connection {
  id
  connectedSince
  nickname
  note
  favorite
  connectedUser {
    ...UserFields
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<AcceptRequestMutation, AcceptRequestMutationVariables>;
export const DeclineRequestDocument = new TypedDocumentString(`
    mutation DeclineRequest($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
  declineConnectionRequest(
    userId: $userId
    requestId: $requestId
    silent: $silent
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on DeclineConnectionRequestPayload {
      message
      request {
        ...ConnectionRequestFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<DeclineRequestMutation, DeclineRequestMutationVariables>;
export const CancelRequestDocument = new TypedDocumentString(`
    mutation CancelRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {
  cancelConnectionRequest(
    userId: $userId
    requestId: $requestId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on CancelConnectionRequestPayload {
      message
      request {
        ...ConnectionRequestFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<CancelRequestMutation, CancelRequestMutationVariables>;
export const RemoveConnectionDocument = new TypedDocumentString(`
    mutation RemoveConnection($userId: ID, $connectionId: ID!) {
  removeConnection(userId: $userId, connectionId: $connectionId) {
    __typename
    ...ErrorFields
    ... on RemoveConnectionPayload {
      message
      connectionId
    }
  }
}
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<RemoveConnectionMutation, RemoveConnectionMutationVariables>;
export const UpdateConnectionDocument = new TypedDocumentString(`
    mutation UpdateConnection($userId: ID, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {
  updateConnection(
    userId: $userId
    connectionId: $connectionId
    nickname: $nickname
    note: $note
    favorite: $favorite
  ) {
    __typename
    ...ErrorFields
    ... on Connection {
      ...ConnectionFields
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment ConnectionFields on Connection {
  id
  connectedSince
  nickname
  note
  favorite
  connectedUser {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<UpdateConnectionMutation, UpdateConnectionMutationVariables>;
export const RotateFriendCodeDocument = new TypedDocumentString(`
    mutation RotateFriendCode($userId: ID, $idempotencyKey: String) {
  rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {
    __typename
    ...ErrorFields
    ... on RotateFriendCodePayload {
      message
      friendCode {
        value
        createdAt
      }
    }
  }
}
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<RotateFriendCodeMutation, RotateFriendCodeMutationVariables>;
export const RecordRecentPlayersDocument = new TypedDocumentString(`
    mutation RecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {
  recordRecentPlayers(
    players: $players
    context: $context
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on RecordRecentPlayersPayload {
      message
      players
    }
  }
}
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<RecordRecentPlayersMutation, RecordRecentPlayersMutationVariables>;
export const SetPresenceDocument = new TypedDocumentString(`
    mutation SetPresence($userId: ID, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {
  setPresence(
    userId: $userId
    status: $status
    activity: $activity
    joinInfo: $joinInfo
    expiresInSeconds: $expiresInSeconds
  ) {
    __typename
    ...ErrorFields
    ... on SetPresencePayload {
      user {
        ...UserFields
      }
      presence {
        ...PresenceFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment PresenceFields on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<SetPresenceMutation, SetPresenceMutationVariables>;
export const SendInviteDocument = new TypedDocumentString(`
    mutation SendInvite($userId: ID, $receiverIds: [ID!]!, $joinInfo: JSONObject!, $message: String, $expiresInSeconds: Int, $idempotencyKey: String) {
  sendInvite(
    userId: $userId
    receiverIds: $receiverIds
    joinInfo: $joinInfo
    message: $message
    expiresInSeconds: $expiresInSeconds
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on SendInvitePayload {
      message
      invites {
        ...InviteFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<SendInviteMutation, SendInviteMutationVariables>;
export const AcceptInviteDocument = new TypedDocumentString(`
    mutation AcceptInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {
  acceptInvite(
    userId: $userId
    inviteId: $inviteId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on AcceptInvitePayload {
      message
      joinInfo
      invite {
        ...InviteFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<AcceptInviteMutation, AcceptInviteMutationVariables>;
export const DeclineInviteDocument = new TypedDocumentString(`
    mutation DeclineInvite($userId: ID, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {
  declineInvite(
    userId: $userId
    inviteId: $inviteId
    silent: $silent
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on DeclineInvitePayload {
      message
      invite {
        ...InviteFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<DeclineInviteMutation, DeclineInviteMutationVariables>;
export const CancelInviteDocument = new TypedDocumentString(`
    mutation CancelInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {
  cancelInvite(
    userId: $userId
    inviteId: $inviteId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on CancelInvitePayload {
      message
      invite {
        ...InviteFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<CancelInviteMutation, CancelInviteMutationVariables>;
export const MarkNotificationReadDocument = new TypedDocumentString(`
    mutation MarkNotificationRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {
  markNotificationRead(
    userId: $userId
    notificationId: $notificationId
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ...ErrorFields
    ... on MarkNotificationReadPayload {
      message
      notification {
        ...NotificationFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}
fragment NotificationFields on Notification {
  id
  type
  gameType
  connectionRequestId
  message
  payload
  expiresAt
  timestamp
  read
  otherUser {
    ...UserFields
  }
  invite {
    ...InviteFields
  }
}`) as unknown as TypedDocumentString<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkAllNotificationsRead($userId: ID, $idempotencyKey: String) {
  markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {
    __typename
    ...ErrorFields
    ... on MarkAllNotificationsReadPayload {
      message
      marked
    }
  }
}
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on RateLimitedError {
    retryAfterSeconds
  }
  ... on ValidationError {
    field
  }
}`) as unknown as TypedDocumentString<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded($userId: ID, $after: ID) {
  notificationAdded(userId: $userId, after: $after) {
    ...NotificationFields
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment InviteFields on Invite {
  id
  status
  message
  joinInfo
  createdAt
  expiresAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}
fragment NotificationFields on Notification {
  id
  type
  gameType
  connectionRequestId
  message
  payload
  expiresAt
  timestamp
  read
  otherUser {
    ...UserFields
  }
  invite {
    ...InviteFields
  }
}`) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const ConnectionEventsDocument = new TypedDocumentString(`
    subscription ConnectionEvents($userId: ID) {
  connectionEvents(userId: $userId) {
    __typename
    ... on ConnectionCreatedEvent {
      connection {
        ...ConnectionFields
      }
    }
    ... on ConnectionRemovedEvent {
      connectionId
      connectedUser {
        ...UserFields
      }
    }
    ... on ConnectionRequestClosedEvent {
      request {
        ...ConnectionRequestFields
      }
    }
    ... on UnreadCountChangedEvent {
      unreadCount
    }
    ... on ConnectionsResyncEvent {
      reason
    }
    ... on BlockChangedEvent {
      blocked
      user {
        ...UserFields
      }
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment ConnectionFields on Connection {
  id
  connectedSince
  nickname
  note
  favorite
  connectedUser {
    ...UserFields
  }
}
fragment ConnectionRequestFields on ConnectionRequest {
  id
  status
  message
  createdAt
  respondedAt
  sender {
    ...UserFields
  }
  receiver {
    ...UserFields
  }
}`) as unknown as TypedDocumentString<ConnectionEventsSubscription, ConnectionEventsSubscriptionVariables>;
export const FriendPresenceChangedDocument = new TypedDocumentString(`
    subscription FriendPresenceChanged($userId: ID) {
  friendPresenceChanged(userId: $userId) {
    user {
      ...UserFields
    }
    presence {
      ...PresenceFields
    }
  }
}
    fragment UserFields on User {
  clientUserId
  displayName
}
fragment PresenceFields on Presence {
  status
  activity
  joinInfo
  lastSeenAt
}`) as unknown as TypedDocumentString<FriendPresenceChangedSubscription, FriendPresenceChangedSubscriptionVariables>;