/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserFields on User {\n    clientUserId\n    displayName\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on RateLimitedError { retryAfterSeconds }\n    ... on ValidationError { field }\n  }\n": typeof types.ErrorFieldsFragmentDoc,
    "\n  fragment ConnectionFields on Connection {\n    id\n    connectedSince\n    nickname\n    note\n    favorite\n    connectedUser { ...UserFields }\n  }\n": typeof types.ConnectionFieldsFragmentDoc,
    "\n  fragment ConnectionRequestFields on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n": typeof types.ConnectionRequestFieldsFragmentDoc,
    "\n  fragment PresenceFields on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n": typeof types.PresenceFieldsFragmentDoc,
    "\n  fragment InviteFields on Invite {\n    id\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n": typeof types.InviteFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    message\n    payload\n    expiresAt\n    timestamp\n    read\n    otherUser { ...UserFields }\n    invite { ...InviteFields }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Profile($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on User { ...UserFields createdAt presence { ...PresenceFields } }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  query ActiveConnections(\n    $userId: ID\n    $first: Int = 50\n    $after: String\n    $presence: ConnectionPresenceFilter\n    $sort: ConnectionSort = NEWEST\n    $favorite: Boolean\n  ) {\n    activeConnections(userId: $userId, first: $first, after: $after, presence: $presence, sort: $sort, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionPage {\n        totalCount\n        nodes { ...ConnectionFields connectedUser { presence { ...PresenceFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ActiveConnectionsDocument,
    "\n  query SentRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    sentConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.SentRequestsDocument,
    "\n  query ReceivedRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    receivedConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ReceivedRequestsDocument,
    "\n  query Notifications($userId: ID, $first: Int = 50, $after: String, $unreadOnly: Boolean = false) {\n    notifications(userId: $userId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      __typename\n      ...ErrorFields\n      ... on NotificationPage {\n        unreadCount\n        liveCursor\n        totalCount\n        nodes { ...NotificationFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query Relationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...ErrorFields\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": typeof types.RelationshipsDocument,
    "\n  query Invites($userId: ID, $direction: InviteDirection = RECEIVED, $status: InviteStatusFilter = ALL, $first: Int = 10, $after: String) {\n    invites(userId: $userId, direction: $direction, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on InvitePage {\n        nodes { ...InviteFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.InvitesDocument,
    "\n  query SearchUsers($userId: ID, $query: String!, $first: Int = 20, $after: String) {\n    searchUsers(userId: $userId, query: $query, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on FoundUserPage {\n        nodes {\n          user { ...UserFields }\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.SearchUsersDocument,
    "\n  query FriendCode($userId: ID) {\n    friendCode(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on FriendCode { value createdAt }\n    }\n  }\n": typeof types.FriendCodeDocument,
    "\n  query RecentPlayers($userId: ID, $first: Int = 20, $after: String) {\n    recentPlayers(userId: $userId, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...UserFields }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.RecentPlayersDocument,
    "\n  mutation UpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...ErrorFields\n      ... on UpsertUserPayload { created user { ...UserFields } }\n    }\n  }\n": typeof types.UpsertUserDocument,
    "\n  mutation SendRequest($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": typeof types.SendRequestDocument,
    "\n  mutation SendRequestByCode($userId: ID, $friendCode: String!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, friendCode: $friendCode, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": typeof types.SendRequestByCodeDocument,
    "\n  mutation AcceptRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { ...ConnectionRequestFields }\n        connection { ...ConnectionFields }\n      }\n    }\n  }\n": typeof types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": typeof types.DeclineRequestDocument,
    "\n  mutation CancelRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": typeof types.CancelRequestDocument,
    "\n  mutation RemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...ErrorFields\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n": typeof types.RemoveConnectionDocument,
    "\n  mutation UpdateConnection($userId: ID, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on Connection { ...ConnectionFields }\n    }\n  }\n": typeof types.UpdateConnectionDocument,
    "\n  mutation RotateFriendCode($userId: ID, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n": typeof types.RotateFriendCodeDocument,
    "\n  mutation RecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": typeof types.RecordRecentPlayersDocument,
    "\n  mutation SetPresence($userId: ID, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {\n    setPresence(userId: $userId, status: $status, activity: $activity, joinInfo: $joinInfo, expiresInSeconds: $expiresInSeconds) {\n      __typename\n      ...ErrorFields\n      ... on SetPresencePayload { user { ...UserFields } presence { ...PresenceFields } }\n    }\n  }\n": typeof types.SetPresenceDocument,
    "\n  mutation SendInvite($userId: ID, $receiverIds: [ID!]!, $joinInfo: JSONObject!, $message: String, $expiresInSeconds: Int, $idempotencyKey: String) {\n    sendInvite(userId: $userId, receiverIds: $receiverIds, joinInfo: $joinInfo, message: $message, expiresInSeconds: $expiresInSeconds, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendInvitePayload { message invites { ...InviteFields } }\n    }\n  }\n": typeof types.SendInviteDocument,
    "\n  mutation AcceptInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptInvitePayload { message joinInfo invite { ...InviteFields } }\n    }\n  }\n": typeof types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($userId: ID, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n": typeof types.DeclineInviteDocument,
    "\n  mutation CancelInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n": typeof types.CancelInviteDocument,
    "\n  mutation MarkNotificationRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkNotificationReadPayload { message notification { ...NotificationFields } }\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead($userId: ID, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { ...NotificationFields }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  subscription ConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { ...ConnectionFields } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { ...UserFields } }\n      ... on ConnectionRequestClosedEvent { request { ...ConnectionRequestFields } }\n      ... on UnreadCountChangedEvent { unreadCount }\n      ... on ConnectionsResyncEvent { reason }\n      ... on BlockChangedEvent { blocked user { ...UserFields } }\n    }\n  }\n": typeof types.ConnectionEventsDocument,
    "\n  subscription FriendPresenceChanged($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { ...UserFields }\n      presence { ...PresenceFields }\n    }\n  }\n": typeof types.FriendPresenceChangedDocument,
};
const documents: Documents = {
    "\n  fragment UserFields on User {\n    clientUserId\n    displayName\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on RateLimitedError { retryAfterSeconds }\n    ... on ValidationError { field }\n  }\n": types.ErrorFieldsFragmentDoc,
    "\n  fragment ConnectionFields on Connection {\n    id\n    connectedSince\n    nickname\n    note\n    favorite\n    connectedUser { ...UserFields }\n  }\n": types.ConnectionFieldsFragmentDoc,
    "\n  fragment ConnectionRequestFields on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n": types.ConnectionRequestFieldsFragmentDoc,
    "\n  fragment PresenceFields on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n": types.PresenceFieldsFragmentDoc,
    "\n  fragment InviteFields on Invite {\n    id\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n": types.InviteFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    message\n    payload\n    expiresAt\n    timestamp\n    read\n    otherUser { ...UserFields }\n    invite { ...InviteFields }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Profile($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on User { ...UserFields createdAt presence { ...PresenceFields } }\n    }\n  }\n": types.ProfileDocument,
    "\n  query ActiveConnections(\n    $userId: ID\n    $first: Int = 50\n    $after: String\n    $presence: ConnectionPresenceFilter\n    $sort: ConnectionSort = NEWEST\n    $favorite: Boolean\n  ) {\n    activeConnections(userId: $userId, first: $first, after: $after, presence: $presence, sort: $sort, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionPage {\n        totalCount\n        nodes { ...ConnectionFields connectedUser { presence { ...PresenceFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ActiveConnectionsDocument,
    "\n  query SentRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    sentConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.SentRequestsDocument,
    "\n  query ReceivedRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    receivedConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ReceivedRequestsDocument,
    "\n  query Notifications($userId: ID, $first: Int = 50, $after: String, $unreadOnly: Boolean = false) {\n    notifications(userId: $userId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      __typename\n      ...ErrorFields\n      ... on NotificationPage {\n        unreadCount\n        liveCursor\n        totalCount\n        nodes { ...NotificationFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query Relationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...ErrorFields\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": types.RelationshipsDocument,
    "\n  query Invites($userId: ID, $direction: InviteDirection = RECEIVED, $status: InviteStatusFilter = ALL, $first: Int = 10, $after: String) {\n    invites(userId: $userId, direction: $direction, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on InvitePage {\n        nodes { ...InviteFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.InvitesDocument,
    "\n  query SearchUsers($userId: ID, $query: String!, $first: Int = 20, $after: String) {\n    searchUsers(userId: $userId, query: $query, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on FoundUserPage {\n        nodes {\n          user { ...UserFields }\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.SearchUsersDocument,
    "\n  query FriendCode($userId: ID) {\n    friendCode(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on FriendCode { value createdAt }\n    }\n  }\n": types.FriendCodeDocument,
    "\n  query RecentPlayers($userId: ID, $first: Int = 20, $after: String) {\n    recentPlayers(userId: $userId, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...UserFields }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.RecentPlayersDocument,
    "\n  mutation UpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...ErrorFields\n      ... on UpsertUserPayload { created user { ...UserFields } }\n    }\n  }\n": types.UpsertUserDocument,
    "\n  mutation SendRequest($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": types.SendRequestDocument,
    "\n  mutation SendRequestByCode($userId: ID, $friendCode: String!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, friendCode: $friendCode, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": types.SendRequestByCodeDocument,
    "\n  mutation AcceptRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { ...ConnectionRequestFields }\n        connection { ...ConnectionFields }\n      }\n    }\n  }\n": types.AcceptRequestDocument,
    "\n  mutation DeclineRequest($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": types.DeclineRequestDocument,
    "\n  mutation CancelRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n": types.CancelRequestDocument,
    "\n  mutation RemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...ErrorFields\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n": types.RemoveConnectionDocument,
    "\n  mutation UpdateConnection($userId: ID, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on Connection { ...ConnectionFields }\n    }\n  }\n": types.UpdateConnectionDocument,
    "\n  mutation RotateFriendCode($userId: ID, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n": types.RotateFriendCodeDocument,
    "\n  mutation RecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": types.RecordRecentPlayersDocument,
    "\n  mutation SetPresence($userId: ID, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {\n    setPresence(userId: $userId, status: $status, activity: $activity, joinInfo: $joinInfo, expiresInSeconds: $expiresInSeconds) {\n      __typename\n      ...ErrorFields\n      ... on SetPresencePayload { user { ...UserFields } presence { ...PresenceFields } }\n    }\n  }\n": types.SetPresenceDocument,
    "\n  mutation SendInvite($userId: ID, $receiverIds: [ID!]!, $joinInfo: JSONObject!, $message: String, $expiresInSeconds: Int, $idempotencyKey: String) {\n    sendInvite(userId: $userId, receiverIds: $receiverIds, joinInfo: $joinInfo, message: $message, expiresInSeconds: $expiresInSeconds, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendInvitePayload { message invites { ...InviteFields } }\n    }\n  }\n": types.SendInviteDocument,
    "\n  mutation AcceptInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptInvitePayload { message joinInfo invite { ...InviteFields } }\n    }\n  }\n": types.AcceptInviteDocument,
    "\n  mutation DeclineInvite($userId: ID, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n": types.DeclineInviteDocument,
    "\n  mutation CancelInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n": types.CancelInviteDocument,
    "\n  mutation MarkNotificationRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkNotificationReadPayload { message notification { ...NotificationFields } }\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead($userId: ID, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { ...NotificationFields }\n  }\n": types.NotificationAddedDocument,
    "\n  subscription ConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { ...ConnectionFields } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { ...UserFields } }\n      ... on ConnectionRequestClosedEvent { request { ...ConnectionRequestFields } }\n      ... on UnreadCountChangedEvent { unreadCount }\n      ... on ConnectionsResyncEvent { reason }\n      ... on BlockChangedEvent { blocked user { ...UserFields } }\n    }\n  }\n": types.ConnectionEventsDocument,
    "\n  subscription FriendPresenceChanged($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { ...UserFields }\n      presence { ...PresenceFields }\n    }\n  }\n": types.FriendPresenceChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    clientUserId\n    displayName\n  }\n"): typeof import('./graphql.js').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on RateLimitedError { retryAfterSeconds }\n    ... on ValidationError { field }\n  }\n"): typeof import('./graphql.js').ErrorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConnectionFields on Connection {\n    id\n    connectedSince\n    nickname\n    note\n    favorite\n    connectedUser { ...UserFields }\n  }\n"): typeof import('./graphql.js').ConnectionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConnectionRequestFields on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n"): typeof import('./graphql.js').ConnectionRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PresenceFields on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n"): typeof import('./graphql.js').PresenceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InviteFields on Invite {\n    id\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n    sender { ...UserFields }\n    receiver { ...UserFields }\n  }\n"): typeof import('./graphql.js').InviteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    message\n    payload\n    expiresAt\n    timestamp\n    read\n    otherUser { ...UserFields }\n    invite { ...InviteFields }\n  }\n"): typeof import('./graphql.js').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on User { ...UserFields createdAt presence { ...PresenceFields } }\n    }\n  }\n"): typeof import('./graphql.js').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveConnections(\n    $userId: ID\n    $first: Int = 50\n    $after: String\n    $presence: ConnectionPresenceFilter\n    $sort: ConnectionSort = NEWEST\n    $favorite: Boolean\n  ) {\n    activeConnections(userId: $userId, first: $first, after: $after, presence: $presence, sort: $sort, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionPage {\n        totalCount\n        nodes { ...ConnectionFields connectedUser { presence { ...PresenceFields } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ActiveConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SentRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    sentConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').SentRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {\n    receivedConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { ...ConnectionRequestFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').ReceivedRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($userId: ID, $first: Int = 50, $after: String, $unreadOnly: Boolean = false) {\n    notifications(userId: $userId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      __typename\n      ...ErrorFields\n      ... on NotificationPage {\n        unreadCount\n        liveCursor\n        totalCount\n        nodes { ...NotificationFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Relationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...ErrorFields\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n"): typeof import('./graphql.js').RelationshipsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invites($userId: ID, $direction: InviteDirection = RECEIVED, $status: InviteStatusFilter = ALL, $first: Int = 10, $after: String) {\n    invites(userId: $userId, direction: $direction, status: $status, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on InvitePage {\n        nodes { ...InviteFields }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').InvitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchUsers($userId: ID, $query: String!, $first: Int = 20, $after: String) {\n    searchUsers(userId: $userId, query: $query, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on FoundUserPage {\n        nodes {\n          user { ...UserFields }\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').SearchUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FriendCode($userId: ID) {\n    friendCode(userId: $userId) {\n      __typename\n      ...ErrorFields\n      ... on FriendCode { value createdAt }\n    }\n  }\n"): typeof import('./graphql.js').FriendCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentPlayers($userId: ID, $first: Int = 20, $after: String) {\n    recentPlayers(userId: $userId, first: $first, after: $after) {\n      __typename\n      ...ErrorFields\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...UserFields }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RecentPlayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...ErrorFields\n      ... on UpsertUserPayload { created user { ...UserFields } }\n    }\n  }\n"): typeof import('./graphql.js').UpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendRequest($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n"): typeof import('./graphql.js').SendRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendRequestByCode($userId: ID, $friendCode: String!, $message: String, $idempotencyKey: String) {\n    sendConnectionRequest(userId: $userId, friendCode: $friendCode, message: $message, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n"): typeof import('./graphql.js').SendRequestByCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { ...ConnectionRequestFields }\n        connection { ...ConnectionFields }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AcceptRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineRequest($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n"): typeof import('./graphql.js').DeclineRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelConnectionRequestPayload { message request { ...ConnectionRequestFields } }\n    }\n  }\n"): typeof import('./graphql.js').CancelRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...ErrorFields\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n"): typeof import('./graphql.js').RemoveConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConnection($userId: ID, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...ErrorFields\n      ... on Connection { ...ConnectionFields }\n    }\n  }\n"): typeof import('./graphql.js').UpdateConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateFriendCode($userId: ID, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n"): typeof import('./graphql.js').RotateFriendCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n"): typeof import('./graphql.js').RecordRecentPlayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPresence($userId: ID, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {\n    setPresence(userId: $userId, status: $status, activity: $activity, joinInfo: $joinInfo, expiresInSeconds: $expiresInSeconds) {\n      __typename\n      ...ErrorFields\n      ... on SetPresencePayload { user { ...UserFields } presence { ...PresenceFields } }\n    }\n  }\n"): typeof import('./graphql.js').SetPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendInvite($userId: ID, $receiverIds: [ID!]!, $joinInfo: JSONObject!, $message: String, $expiresInSeconds: Int, $idempotencyKey: String) {\n    sendInvite(userId: $userId, receiverIds: $receiverIds, joinInfo: $joinInfo, message: $message, expiresInSeconds: $expiresInSeconds, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on SendInvitePayload { message invites { ...InviteFields } }\n    }\n  }\n"): typeof import('./graphql.js').SendInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on AcceptInvitePayload { message joinInfo invite { ...InviteFields } }\n    }\n  }\n"): typeof import('./graphql.js').AcceptInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvite($userId: ID, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on DeclineInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n"): typeof import('./graphql.js').DeclineInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on CancelInvitePayload { message invite { ...InviteFields } }\n    }\n  }\n"): typeof import('./graphql.js').CancelInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkNotificationReadPayload { message notification { ...NotificationFields } }\n    }\n  }\n"): typeof import('./graphql.js').MarkNotificationReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead($userId: ID, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...ErrorFields\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n"): typeof import('./graphql.js').MarkAllNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { ...NotificationFields }\n  }\n"): typeof import('./graphql.js').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { ...ConnectionFields } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { ...UserFields } }\n      ... on ConnectionRequestClosedEvent { request { ...ConnectionRequestFields } }\n      ... on UnreadCountChangedEvent { unreadCount }\n      ... on ConnectionsResyncEvent { reason }\n      ... on BlockChangedEvent { blocked user { ...UserFields } }\n    }\n  }\n"): typeof import('./graphql.js').ConnectionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FriendPresenceChanged($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { ...UserFields }\n      presence { ...PresenceFields }\n    }\n  }\n"): typeof import('./graphql.js').FriendPresenceChangedDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
