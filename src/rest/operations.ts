import { graphql } from '../gql/index.js';

/*
 * The GraphQL operations behind the /v1 REST paths. The shim runs them through the same
 * gateway as any GraphQL client, so authentication, validation, rules and errors are the
 * schema's; `codegen` turns each into a typed document (`npm run codegen`).
 */

graphql(`
  fragment RestUser on User {
    clientUserId
    displayName
  }
`);

graphql(`
  fragment RestError on Error {
    message
    code
    ... on RateLimitedError { retryAfterSeconds }
  }
`);

graphql(`
  fragment RestPagination on Pagination {
    currentPage
    totalPages
    totalItems
    perPage
  }
`);

graphql(`
  fragment RestRequest on ConnectionRequest {
    id
    status
    message
    createdAt
    respondedAt
  }
`);

export const UserOperation = graphql(`
  query RestUser($userId: ID!) {
    user(userId: $userId) {
      __typename
      ...RestError
      ... on User { ...RestUser createdAt }
    }
  }
`);

export const UpsertUserOperation = graphql(`
  mutation RestUpsertUser($userId: ID!, $displayName: String!) {
    upsertUser(userId: $userId, displayName: $displayName) {
      __typename
      ...RestError
      ... on UpsertUserPayload { created user { ...RestUser createdAt } }
    }
  }
`);

export const SendConnectionRequestOperation = graphql(`
  mutation RestSendConnectionRequest($userId: ID!, $receiverId: ID!, $message: String, $idempotencyKey: String) {
    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on SendConnectionRequestPayload { message request { id } }
    }
  }
`);

export const AcceptConnectionRequestOperation = graphql(`
  mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on AcceptConnectionRequestPayload { message }
    }
  }
`);

export const DeclineConnectionRequestOperation = graphql(`
  mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on DeclineConnectionRequestPayload { message }
    }
  }
`);

export const SentConnectionRequestsOperation = graphql(`
  query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionRequestPage {
        nodes { ...RestRequest receiver { ...RestUser } }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const ReceivedConnectionRequestsOperation = graphql(`
  query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionRequestPage {
        nodes { ...RestRequest sender { ...RestUser } }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const ActiveConnectionsOperation = graphql(`
  query RestActiveConnections($userId: ID!, $page: Int, $perPage: Int) {
    activeConnections(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionPage {
        nodes { id connectedUser { ...RestUser } connectedSince }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const NotificationsOperation = graphql(`
  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean) {
    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {
      __typename
      ...RestError
      ... on NotificationPage {
        nodes { id type connectionRequestId otherUser { ...RestUser } message timestamp read }
        unreadCount
        pagination { ...RestPagination }
      }
    }
  }
`);

export const MarkNotificationReadOperation = graphql(`
  mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {
    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on MarkNotificationReadPayload { message }
    }
  }
`);

export const CancelConnectionRequestOperation = graphql(`
  mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on CancelConnectionRequestPayload { message }
    }
  }
`);

export const MarkAllNotificationsReadOperation = graphql(`
  mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {
    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on MarkAllNotificationsReadPayload { message marked }
    }
  }
`);

export const DeleteNotificationOperation = graphql(`
  mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {
    deleteNotification(userId: $userId, notificationId: $notificationId) {
      __typename
      ...RestError
      ... on DeleteNotificationPayload { message }
    }
  }
`);

export const RemoveConnectionOperation = graphql(`
  mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {
    removeConnection(userId: $userId, connectionId: $connectionId) {
      __typename
      ...RestError
      ... on RemoveConnectionPayload { message }
    }
  }
`);

// Blocks, settings and batch status (beyond the documented API)

export const SettingsOperation = graphql(`
  query RestSettings($userId: ID!) {
    settings(userId: $userId) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

export const UpdateSettingsOperation = graphql(`
  mutation RestUpdateSettings($userId: ID!, $acceptRequestsFrom: RequestPolicy!) {
    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {
      __typename
      ...RestError
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

graphql(`
  fragment RestBlockedUser on BlockedUser {
    user { ...RestUser }
    blockedAt
  }
`);

export const BlockUserOperation = graphql(`
  mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {
    blockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ...RestError
      ... on BlockUserPayload { message created blocked { ...RestBlockedUser } }
    }
  }
`);

export const UnblockUserOperation = graphql(`
  mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {
    unblockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ...RestError
      ... on UnblockUserPayload { message }
    }
  }
`);

export const BlockedUsersOperation = graphql(`
  query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {
    blockedUsers(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on BlockedUserPage {
        nodes { ...RestBlockedUser }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const RelationshipsOperation = graphql(`
  query RestRelationships($userId: ID!, $userIds: [ID!]!) {
    relationships(userId: $userId, userIds: $userIds) {
      __typename
      ...RestError
      ... on RelationshipList { relationships { userId status connectionId requestId } }
    }
  }
`);

// Mutual connections and suggestions (beyond the documented API)

export const MutualConnectionsOperation = graphql(`
  query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {
    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on MutualConnectionPage {
        nodes { ...RestUser }
        total
        pagination { ...RestPagination }
      }
    }
  }
`);

export const ConnectionSuggestionsOperation = graphql(`
  query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {
    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionSuggestionPage {
        nodes { user { ...RestUser } mutualCount }
        pagination { ...RestPagination }
      }
    }
  }
`);
