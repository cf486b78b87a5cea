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
  | 'ACCEPTED'
  | 'ALL'
  | 'CANCELLED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'PENDING';

/** Stable machine-readable reason of an expected failure. */
export type ErrorCode =
  | 'ALREADY_CONNECTED'
  | 'CANNOT_BLOCK_SELF'
  | 'CANNOT_CONNECT_TO_SELF'
  | 'CONNECTION_LIMIT_REACHED'
  | 'CONNECTION_NOT_FOUND'
  | 'CONNECTION_REQUEST_NOT_FOUND'
  | 'FORBIDDEN'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOT_REQUEST_RECEIVER'
  | 'NOT_REQUEST_SENDER'
  | 'RATE_LIMITED'
  | 'REQUESTS_NOT_ACCEPTED'
  | 'REQUEST_ALREADY_PENDING'
  | 'REQUEST_ALREADY_PROCESSED'
  | 'REQUEST_COOLDOWN'
  | 'TOO_MANY_PENDING_REQUESTS'
  | 'USER_BLOCKED'
  | 'USER_NOT_FOUND'
  | 'VALIDATION_FAILED';

export type NotificationType =
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
    | { __typename: 'NotificationPage', unreadCount: number, nodes: Array<{ type: NotificationType, connectionRequestId: string, message: string, read: boolean, otherUser: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ValidationError' }
   };

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
    | { __typename: 'NotificationPage', unreadCount: number, nodes: Array<{ id: string, otherUser: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ValidationError' }
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
    | { __typename: 'NotificationPage', totalCount: number, unreadCount: number, nodes: Array<{ id: string, type: NotificationType, connectionRequestId: string, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, pagination: { currentPage: number, totalPages: number, totalItems: number, perPage: number } | null }
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

export type TestUserQueryVariables = Exact<{
  userId?: string | null | undefined;
}>;


export type TestUserQuery = { user:
    | { __typename: 'ForbiddenError', message: string, code: ErrorCode }
    | { __typename: 'NotFoundError', message: string, code: ErrorCode, id: string }
    | { __typename: 'User', id: string, clientUserId: string, displayName: string, createdAt: string }
    | { __typename: 'ValidationError', message: string, code: ErrorCode, field: string }
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


export type TestRollbackNotificationAddedSubscription = { notificationAdded: { id: string, connectionRequestId: string, message: string } };

export type TestDeliveryNotificationAddedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TestDeliveryNotificationAddedSubscription = { notificationAdded: { id: string, connectionRequestId: string, message: string } };

export type TestDeliveryConnectionEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestDeliveryConnectionEventsSubscription = { connectionEvents:
    | { __typename: 'BlockChangedEvent' }
    | { __typename: 'ConnectionCreatedEvent', connection: { connectedUser: { clientUserId: string } } }
    | { __typename: 'ConnectionRemovedEvent' }
    | { __typename: 'ConnectionRequestClosedEvent' }
    | { __typename: 'ConnectionsResyncEvent', reason: string }
    | { __typename: 'UnreadCountChangedEvent', unreadCount: number }
   };

export type TestNotificationAddedSubscriptionVariables = Exact<{
  userId?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TestNotificationAddedSubscription = { notificationAdded: { id: string, type: NotificationType, connectionRequestId: string, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } } };

export type TestLiveNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestLiveNotificationsQuery = { notifications:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'NotificationPage', liveCursor: string, nodes: Array<{ id: string, type: NotificationType, connectionRequestId: string, message: string, timestamp: string, read: boolean, otherUser: { clientUserId: string, displayName: string } }> }
    | { __typename: 'ValidationError' }
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