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
    "\n  fragment RestBlockedUser on BlockedUser {\n    user { ...RestUser }\n    blockedAt\n  }\n": typeof types.RestBlockedUserFragmentDoc,
    "\n  mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on BlockUserPayload { message created blocked { ...RestBlockedUser } }\n    }\n  }\n": typeof types.RestBlockUserDocument,
    "\n  mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on UnblockUserPayload { message }\n    }\n  }\n": typeof types.RestUnblockUserDocument,
    "\n  query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on BlockedUserPage {\n        nodes { ...RestBlockedUser }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestBlockedUsersDocument,
    "\n  fragment RestRequest on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n  }\n": typeof types.RestRequestFragmentDoc,
    "\n  mutation RestSendConnectionRequest(\n    $userId: ID!\n    $receiverId: ID\n    $friendCode: String\n    $message: String\n    $idempotencyKey: String\n  ) {\n    sendConnectionRequest(\n      userId: $userId\n      receiverId: $receiverId\n      friendCode: $friendCode\n      message: $message\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendConnectionRequestPayload { message request { id } }\n    }\n  }\n": typeof types.RestSendConnectionRequestDocument,
    "\n  mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptConnectionRequestPayload { message }\n    }\n  }\n": typeof types.RestAcceptConnectionRequestDocument,
    "\n  mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineConnectionRequestPayload { message }\n    }\n  }\n": typeof types.RestDeclineConnectionRequestDocument,
    "\n  query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest receiver { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestSentConnectionRequestsDocument,
    "\n  query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest sender { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestReceivedConnectionRequestsDocument,
    "\n  mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelConnectionRequestPayload { message }\n    }\n  }\n": typeof types.RestCancelConnectionRequestDocument,
    "\n  query RestActiveConnections(\n    $userId: ID!\n    $page: Int\n    $perPage: Int\n    $presence: ConnectionPresenceFilter\n    $favorite: Boolean\n    $sort: ConnectionSort\n  ) {\n    activeConnections(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      presence: $presence\n      favorite: $favorite\n      sort: $sort\n    ) {\n      __typename\n      ...RestError\n      ... on ConnectionPage {\n        nodes { ...RestConnection }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestActiveConnectionsDocument,
    "\n  fragment RestConnection on Connection {\n    id\n    connectedUser { ...RestUser presence { ...RestPresence } }\n    connectedSince\n    nickname\n    note\n    favorite\n  }\n": typeof types.RestConnectionFragmentDoc,
    "\n  mutation RestUpdateConnection($userId: ID!, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...RestError\n      ... on Connection { ...RestConnection }\n    }\n  }\n": typeof types.RestUpdateConnectionDocument,
    "\n  mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...RestError\n      ... on RemoveConnectionPayload { message }\n    }\n  }\n": typeof types.RestRemoveConnectionDocument,
    "\n  query RestRelationships($userId: ID!, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...RestError\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": typeof types.RestRelationshipsDocument,
    "\n  query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on MutualConnectionPage {\n        nodes { ...RestUser }\n        total\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestMutualConnectionsDocument,
    "\n  query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionSuggestionPage {\n        nodes { user { ...RestUser } mutualCount reason playedTogetherAt }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestConnectionSuggestionsDocument,
    "\n  query RestFriendCode($userId: ID!) {\n    friendCode(userId: $userId) {\n      __typename\n      ...RestError\n      ... on FriendCode { value createdAt }\n    }\n  }\n": typeof types.RestFriendCodeDocument,
    "\n  mutation RestRotateFriendCode($userId: ID!, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n": typeof types.RestRotateFriendCodeDocument,
    "\n  fragment RestGameNotificationsSent on SendGameNotificationPayload {\n    message\n    sent\n    notifications { userId notification { ...RestNotification } }\n  }\n": typeof types.RestGameNotificationsSentFragmentDoc,
    "\n  mutation RestSendGameNotification(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n": typeof types.RestSendGameNotificationDocument,
    "\n  mutation RestSendGameNotifications(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n": typeof types.RestSendGameNotificationsDocument,
    "\n  fragment RestInvite on Invite {\n    id\n    sender { ...RestUser }\n    receiver { ...RestUser }\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n  }\n": typeof types.RestInviteFragmentDoc,
    "\n  mutation RestSendInvite(\n    $userId: ID!\n    $receiverIds: [ID!]!\n    $message: String\n    $joinInfo: JSONObject!\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendInvite(\n      userId: $userId\n      receiverIds: $receiverIds\n      message: $message\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendInvitePayload { message invites { ...RestInvite } }\n    }\n  }\n": typeof types.RestSendInviteDocument,
    "\n  mutation RestAcceptInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptInvitePayload { message joinInfo invite { id } }\n    }\n  }\n": typeof types.RestAcceptInviteDocument,
    "\n  mutation RestDeclineInvite($userId: ID!, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineInvitePayload { message }\n    }\n  }\n": typeof types.RestDeclineInviteDocument,
    "\n  mutation RestCancelInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelInvitePayload { message }\n    }\n  }\n": typeof types.RestCancelInviteDocument,
    "\n  query RestInvites(\n    $userId: ID!\n    $direction: InviteDirection\n    $status: InviteStatusFilter\n    $page: Int\n    $perPage: Int\n  ) {\n    invites(userId: $userId, direction: $direction, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on InvitePage {\n        nodes { ...RestInvite }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestInvitesDocument,
    "\n  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean, $types: [String!]) {\n    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly, types: $types) {\n      __typename\n      ...RestError\n      ... on NotificationPage {\n        nodes { ...RestNotification }\n        unreadCount\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestNotificationsDocument,
    "\n  mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkNotificationReadPayload { message }\n    }\n  }\n": typeof types.RestMarkNotificationReadDocument,
    "\n  mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": typeof types.RestMarkAllNotificationsReadDocument,
    "\n  mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {\n    deleteNotification(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ...RestError\n      ... on DeleteNotificationPayload { message }\n    }\n  }\n": typeof types.RestDeleteNotificationDocument,
    "\n  query RestSearchUsers($userId: ID, $query: String!, $page: Int, $perPage: Int) {\n    searchUsers(userId: $userId, query: $query, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on FoundUserPage {\n        nodes {\n          user { ...RestUser }\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestSearchUsersDocument,
    "\n  query RestPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { clientUserId presence { ...RestPresence } }\n    }\n  }\n": typeof types.RestPresenceDocument,
    "\n  mutation RestSetPresence(\n    $userId: ID!\n    $status: PresenceStatus!\n    $activity: String\n    $joinInfo: JSONObject\n    $expiresInSeconds: Int\n  ) {\n    setPresence(\n      userId: $userId\n      status: $status\n      activity: $activity\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n    ) {\n      __typename\n      ...RestError\n      ... on SetPresencePayload { user { clientUserId } presence { ...RestPresence } }\n    }\n  }\n": typeof types.RestSetPresenceDocument,
    "\n  query RestRecentPlayers($userId: ID!, $page: Int, $perPage: Int) {\n    recentPlayers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...RestUser }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": typeof types.RestRecentPlayersDocument,
    "\n  mutation RestRecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": typeof types.RestRecordRecentPlayersDocument,
    "\n  query RestSettings($userId: ID!) {\n    settings(userId: $userId) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n": typeof types.RestSettingsDocument,
    "\n  mutation RestUpdateSettings(\n    $userId: ID!\n    $acceptRequestsFrom: RequestPolicy\n    $sharePresence: PresenceSharing\n    $acceptInvitesFrom: InvitePolicy\n  ) {\n    updateSettings(\n      userId: $userId\n      acceptRequestsFrom: $acceptRequestsFrom\n      sharePresence: $sharePresence\n      acceptInvitesFrom: $acceptInvitesFrom\n    ) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n": typeof types.RestUpdateSettingsDocument,
    "\n  query RestUser($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { ...RestUser createdAt }\n    }\n  }\n": typeof types.RestUserDocument,
    "\n  mutation RestUpsertUser($userId: ID!, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...RestError\n      ... on UpsertUserPayload { created user { ...RestUser createdAt } }\n    }\n  }\n": typeof types.RestUpsertUserDocument,
    "\n  fragment RestUser on User {\n    clientUserId\n    displayName\n  }\n": typeof types.RestUserFragmentDoc,
    "\n  fragment RestError on Error {\n    message\n    code\n    ... on RateLimitedError { retryAfterSeconds }\n  }\n": typeof types.RestErrorFragmentDoc,
    "\n  fragment RestPagination on Pagination {\n    currentPage\n    totalPages\n    totalItems\n    perPage\n  }\n": typeof types.RestPaginationFragmentDoc,
    "\n  fragment RestPresence on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n": typeof types.RestPresenceFragmentDoc,
    "\n  fragment RestNotification on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    otherUser { ...RestUser }\n    message\n    payload\n    expiresAt\n    invite { id joinInfo }\n    timestamp\n    read\n  }\n": typeof types.RestNotificationFragmentDoc,
};
const documents: Documents = {
    "\n  fragment RestBlockedUser on BlockedUser {\n    user { ...RestUser }\n    blockedAt\n  }\n": types.RestBlockedUserFragmentDoc,
    "\n  mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on BlockUserPayload { message created blocked { ...RestBlockedUser } }\n    }\n  }\n": types.RestBlockUserDocument,
    "\n  mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on UnblockUserPayload { message }\n    }\n  }\n": types.RestUnblockUserDocument,
    "\n  query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on BlockedUserPage {\n        nodes { ...RestBlockedUser }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestBlockedUsersDocument,
    "\n  fragment RestRequest on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n  }\n": types.RestRequestFragmentDoc,
    "\n  mutation RestSendConnectionRequest(\n    $userId: ID!\n    $receiverId: ID\n    $friendCode: String\n    $message: String\n    $idempotencyKey: String\n  ) {\n    sendConnectionRequest(\n      userId: $userId\n      receiverId: $receiverId\n      friendCode: $friendCode\n      message: $message\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendConnectionRequestPayload { message request { id } }\n    }\n  }\n": types.RestSendConnectionRequestDocument,
    "\n  mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptConnectionRequestPayload { message }\n    }\n  }\n": types.RestAcceptConnectionRequestDocument,
    "\n  mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineConnectionRequestPayload { message }\n    }\n  }\n": types.RestDeclineConnectionRequestDocument,
    "\n  query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest receiver { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestSentConnectionRequestsDocument,
    "\n  query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest sender { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestReceivedConnectionRequestsDocument,
    "\n  mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelConnectionRequestPayload { message }\n    }\n  }\n": types.RestCancelConnectionRequestDocument,
    "\n  query RestActiveConnections(\n    $userId: ID!\n    $page: Int\n    $perPage: Int\n    $presence: ConnectionPresenceFilter\n    $favorite: Boolean\n    $sort: ConnectionSort\n  ) {\n    activeConnections(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      presence: $presence\n      favorite: $favorite\n      sort: $sort\n    ) {\n      __typename\n      ...RestError\n      ... on ConnectionPage {\n        nodes { ...RestConnection }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestActiveConnectionsDocument,
    "\n  fragment RestConnection on Connection {\n    id\n    connectedUser { ...RestUser presence { ...RestPresence } }\n    connectedSince\n    nickname\n    note\n    favorite\n  }\n": types.RestConnectionFragmentDoc,
    "\n  mutation RestUpdateConnection($userId: ID!, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...RestError\n      ... on Connection { ...RestConnection }\n    }\n  }\n": types.RestUpdateConnectionDocument,
    "\n  mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...RestError\n      ... on RemoveConnectionPayload { message }\n    }\n  }\n": types.RestRemoveConnectionDocument,
    "\n  query RestRelationships($userId: ID!, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...RestError\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": types.RestRelationshipsDocument,
    "\n  query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on MutualConnectionPage {\n        nodes { ...RestUser }\n        total\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestMutualConnectionsDocument,
    "\n  query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionSuggestionPage {\n        nodes { user { ...RestUser } mutualCount reason playedTogetherAt }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestConnectionSuggestionsDocument,
    "\n  query RestFriendCode($userId: ID!) {\n    friendCode(userId: $userId) {\n      __typename\n      ...RestError\n      ... on FriendCode { value createdAt }\n    }\n  }\n": types.RestFriendCodeDocument,
    "\n  mutation RestRotateFriendCode($userId: ID!, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n": types.RestRotateFriendCodeDocument,
    "\n  fragment RestGameNotificationsSent on SendGameNotificationPayload {\n    message\n    sent\n    notifications { userId notification { ...RestNotification } }\n  }\n": types.RestGameNotificationsSentFragmentDoc,
    "\n  mutation RestSendGameNotification(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n": types.RestSendGameNotificationDocument,
    "\n  mutation RestSendGameNotifications(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n": types.RestSendGameNotificationsDocument,
    "\n  fragment RestInvite on Invite {\n    id\n    sender { ...RestUser }\n    receiver { ...RestUser }\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n  }\n": types.RestInviteFragmentDoc,
    "\n  mutation RestSendInvite(\n    $userId: ID!\n    $receiverIds: [ID!]!\n    $message: String\n    $joinInfo: JSONObject!\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendInvite(\n      userId: $userId\n      receiverIds: $receiverIds\n      message: $message\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendInvitePayload { message invites { ...RestInvite } }\n    }\n  }\n": types.RestSendInviteDocument,
    "\n  mutation RestAcceptInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptInvitePayload { message joinInfo invite { id } }\n    }\n  }\n": types.RestAcceptInviteDocument,
    "\n  mutation RestDeclineInvite($userId: ID!, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineInvitePayload { message }\n    }\n  }\n": types.RestDeclineInviteDocument,
    "\n  mutation RestCancelInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelInvitePayload { message }\n    }\n  }\n": types.RestCancelInviteDocument,
    "\n  query RestInvites(\n    $userId: ID!\n    $direction: InviteDirection\n    $status: InviteStatusFilter\n    $page: Int\n    $perPage: Int\n  ) {\n    invites(userId: $userId, direction: $direction, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on InvitePage {\n        nodes { ...RestInvite }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestInvitesDocument,
    "\n  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean, $types: [String!]) {\n    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly, types: $types) {\n      __typename\n      ...RestError\n      ... on NotificationPage {\n        nodes { ...RestNotification }\n        unreadCount\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestNotificationsDocument,
    "\n  mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkNotificationReadPayload { message }\n    }\n  }\n": types.RestMarkNotificationReadDocument,
    "\n  mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": types.RestMarkAllNotificationsReadDocument,
    "\n  mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {\n    deleteNotification(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ...RestError\n      ... on DeleteNotificationPayload { message }\n    }\n  }\n": types.RestDeleteNotificationDocument,
    "\n  query RestSearchUsers($userId: ID, $query: String!, $page: Int, $perPage: Int) {\n    searchUsers(userId: $userId, query: $query, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on FoundUserPage {\n        nodes {\n          user { ...RestUser }\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestSearchUsersDocument,
    "\n  query RestPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { clientUserId presence { ...RestPresence } }\n    }\n  }\n": types.RestPresenceDocument,
    "\n  mutation RestSetPresence(\n    $userId: ID!\n    $status: PresenceStatus!\n    $activity: String\n    $joinInfo: JSONObject\n    $expiresInSeconds: Int\n  ) {\n    setPresence(\n      userId: $userId\n      status: $status\n      activity: $activity\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n    ) {\n      __typename\n      ...RestError\n      ... on SetPresencePayload { user { clientUserId } presence { ...RestPresence } }\n    }\n  }\n": types.RestSetPresenceDocument,
    "\n  query RestRecentPlayers($userId: ID!, $page: Int, $perPage: Int) {\n    recentPlayers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...RestUser }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n": types.RestRecentPlayersDocument,
    "\n  mutation RestRecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": types.RestRecordRecentPlayersDocument,
    "\n  query RestSettings($userId: ID!) {\n    settings(userId: $userId) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n": types.RestSettingsDocument,
    "\n  mutation RestUpdateSettings(\n    $userId: ID!\n    $acceptRequestsFrom: RequestPolicy\n    $sharePresence: PresenceSharing\n    $acceptInvitesFrom: InvitePolicy\n  ) {\n    updateSettings(\n      userId: $userId\n      acceptRequestsFrom: $acceptRequestsFrom\n      sharePresence: $sharePresence\n      acceptInvitesFrom: $acceptInvitesFrom\n    ) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n": types.RestUpdateSettingsDocument,
    "\n  query RestUser($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { ...RestUser createdAt }\n    }\n  }\n": types.RestUserDocument,
    "\n  mutation RestUpsertUser($userId: ID!, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...RestError\n      ... on UpsertUserPayload { created user { ...RestUser createdAt } }\n    }\n  }\n": types.RestUpsertUserDocument,
    "\n  fragment RestUser on User {\n    clientUserId\n    displayName\n  }\n": types.RestUserFragmentDoc,
    "\n  fragment RestError on Error {\n    message\n    code\n    ... on RateLimitedError { retryAfterSeconds }\n  }\n": types.RestErrorFragmentDoc,
    "\n  fragment RestPagination on Pagination {\n    currentPage\n    totalPages\n    totalItems\n    perPage\n  }\n": types.RestPaginationFragmentDoc,
    "\n  fragment RestPresence on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n": types.RestPresenceFragmentDoc,
    "\n  fragment RestNotification on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    otherUser { ...RestUser }\n    message\n    payload\n    expiresAt\n    invite { id joinInfo }\n    timestamp\n    read\n  }\n": types.RestNotificationFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestBlockedUser on BlockedUser {\n    user { ...RestUser }\n    blockedAt\n  }\n"): typeof import('./graphql.js').RestBlockedUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on BlockUserPayload { message created blocked { ...RestBlockedUser } }\n    }\n  }\n"): typeof import('./graphql.js').RestBlockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ...RestError\n      ... on UnblockUserPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestUnblockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on BlockedUserPage {\n        nodes { ...RestBlockedUser }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestBlockedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestRequest on ConnectionRequest {\n    id\n    status\n    message\n    createdAt\n    respondedAt\n  }\n"): typeof import('./graphql.js').RestRequestFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestSendConnectionRequest(\n    $userId: ID!\n    $receiverId: ID\n    $friendCode: String\n    $message: String\n    $idempotencyKey: String\n  ) {\n    sendConnectionRequest(\n      userId: $userId\n      receiverId: $receiverId\n      friendCode: $friendCode\n      message: $message\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendConnectionRequestPayload { message request { id } }\n    }\n  }\n"): typeof import('./graphql.js').RestSendConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptConnectionRequestPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestAcceptConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineConnectionRequestPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestDeclineConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest receiver { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestSentConnectionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionRequestPage {\n        nodes { ...RestRequest sender { ...RestUser } }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestReceivedConnectionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {\n    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelConnectionRequestPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestCancelConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestActiveConnections(\n    $userId: ID!\n    $page: Int\n    $perPage: Int\n    $presence: ConnectionPresenceFilter\n    $favorite: Boolean\n    $sort: ConnectionSort\n  ) {\n    activeConnections(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      presence: $presence\n      favorite: $favorite\n      sort: $sort\n    ) {\n      __typename\n      ...RestError\n      ... on ConnectionPage {\n        nodes { ...RestConnection }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestActiveConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestConnection on Connection {\n    id\n    connectedUser { ...RestUser presence { ...RestPresence } }\n    connectedSince\n    nickname\n    note\n    favorite\n  }\n"): typeof import('./graphql.js').RestConnectionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestUpdateConnection($userId: ID!, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {\n    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {\n      __typename\n      ...RestError\n      ... on Connection { ...RestConnection }\n    }\n  }\n"): typeof import('./graphql.js').RestUpdateConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ...RestError\n      ... on RemoveConnectionPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestRemoveConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestRelationships($userId: ID!, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ...RestError\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n"): typeof import('./graphql.js').RestRelationshipsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on MutualConnectionPage {\n        nodes { ...RestUser }\n        total\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestMutualConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on ConnectionSuggestionPage {\n        nodes { user { ...RestUser } mutualCount reason playedTogetherAt }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestConnectionSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestFriendCode($userId: ID!) {\n    friendCode(userId: $userId) {\n      __typename\n      ...RestError\n      ... on FriendCode { value createdAt }\n    }\n  }\n"): typeof import('./graphql.js').RestFriendCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestRotateFriendCode($userId: ID!, $idempotencyKey: String) {\n    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RotateFriendCodePayload { message friendCode { value createdAt } }\n    }\n  }\n"): typeof import('./graphql.js').RestRotateFriendCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestGameNotificationsSent on SendGameNotificationPayload {\n    message\n    sent\n    notifications { userId notification { ...RestNotification } }\n  }\n"): typeof import('./graphql.js').RestGameNotificationsSentFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestSendGameNotification(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n"): typeof import('./graphql.js').RestSendGameNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestSendGameNotifications(\n    $userIds: [ID!]!\n    $type: String!\n    $message: String!\n    $payload: JSONObject\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendGameNotification(\n      userIds: $userIds\n      type: $type\n      message: $message\n      payload: $payload\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ...RestGameNotificationsSent\n    }\n  }\n"): typeof import('./graphql.js').RestSendGameNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestInvite on Invite {\n    id\n    sender { ...RestUser }\n    receiver { ...RestUser }\n    status\n    message\n    joinInfo\n    createdAt\n    expiresAt\n    respondedAt\n  }\n"): typeof import('./graphql.js').RestInviteFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestSendInvite(\n    $userId: ID!\n    $receiverIds: [ID!]!\n    $message: String\n    $joinInfo: JSONObject!\n    $expiresInSeconds: Int\n    $idempotencyKey: String\n  ) {\n    sendInvite(\n      userId: $userId\n      receiverIds: $receiverIds\n      message: $message\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n      idempotencyKey: $idempotencyKey\n    ) {\n      __typename\n      ...RestError\n      ... on SendInvitePayload { message invites { ...RestInvite } }\n    }\n  }\n"): typeof import('./graphql.js').RestSendInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestAcceptInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on AcceptInvitePayload { message joinInfo invite { id } }\n    }\n  }\n"): typeof import('./graphql.js').RestAcceptInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestDeclineInvite($userId: ID!, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on DeclineInvitePayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestDeclineInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestCancelInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {\n    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on CancelInvitePayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestCancelInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestInvites(\n    $userId: ID!\n    $direction: InviteDirection\n    $status: InviteStatusFilter\n    $page: Int\n    $perPage: Int\n  ) {\n    invites(userId: $userId, direction: $direction, status: $status, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on InvitePage {\n        nodes { ...RestInvite }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestInvitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean, $types: [String!]) {\n    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly, types: $types) {\n      __typename\n      ...RestError\n      ... on NotificationPage {\n        nodes { ...RestNotification }\n        unreadCount\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkNotificationReadPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestMarkNotificationReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {\n    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n"): typeof import('./graphql.js').RestMarkAllNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {\n    deleteNotification(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ...RestError\n      ... on DeleteNotificationPayload { message }\n    }\n  }\n"): typeof import('./graphql.js').RestDeleteNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestSearchUsers($userId: ID, $query: String!, $page: Int, $perPage: Int) {\n    searchUsers(userId: $userId, query: $query, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on FoundUserPage {\n        nodes {\n          user { ...RestUser }\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestSearchUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { clientUserId presence { ...RestPresence } }\n    }\n  }\n"): typeof import('./graphql.js').RestPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestSetPresence(\n    $userId: ID!\n    $status: PresenceStatus!\n    $activity: String\n    $joinInfo: JSONObject\n    $expiresInSeconds: Int\n  ) {\n    setPresence(\n      userId: $userId\n      status: $status\n      activity: $activity\n      joinInfo: $joinInfo\n      expiresInSeconds: $expiresInSeconds\n    ) {\n      __typename\n      ...RestError\n      ... on SetPresencePayload { user { clientUserId } presence { ...RestPresence } }\n    }\n  }\n"): typeof import('./graphql.js').RestSetPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestRecentPlayers($userId: ID!, $page: Int, $perPage: Int) {\n    recentPlayers(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ...RestError\n      ... on RecentPlayerPage {\n        nodes {\n          user { ...RestUser }\n          context\n          playedAt\n          relationship { status connectionId requestId }\n        }\n        pagination { ...RestPagination }\n      }\n    }\n  }\n"): typeof import('./graphql.js').RestRecentPlayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestRecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {\n    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {\n      __typename\n      ...RestError\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n"): typeof import('./graphql.js').RestRecordRecentPlayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestSettings($userId: ID!) {\n    settings(userId: $userId) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n"): typeof import('./graphql.js').RestSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestUpdateSettings(\n    $userId: ID!\n    $acceptRequestsFrom: RequestPolicy\n    $sharePresence: PresenceSharing\n    $acceptInvitesFrom: InvitePolicy\n  ) {\n    updateSettings(\n      userId: $userId\n      acceptRequestsFrom: $acceptRequestsFrom\n      sharePresence: $sharePresence\n      acceptInvitesFrom: $acceptInvitesFrom\n    ) {\n      __typename\n      ...RestError\n      ... on Settings { acceptRequestsFrom sharePresence acceptInvitesFrom }\n    }\n  }\n"): typeof import('./graphql.js').RestUpdateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestUser($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ...RestError\n      ... on User { ...RestUser createdAt }\n    }\n  }\n"): typeof import('./graphql.js').RestUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestUpsertUser($userId: ID!, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ...RestError\n      ... on UpsertUserPayload { created user { ...RestUser createdAt } }\n    }\n  }\n"): typeof import('./graphql.js').RestUpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestUser on User {\n    clientUserId\n    displayName\n  }\n"): typeof import('./graphql.js').RestUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestError on Error {\n    message\n    code\n    ... on RateLimitedError { retryAfterSeconds }\n  }\n"): typeof import('./graphql.js').RestErrorFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestPagination on Pagination {\n    currentPage\n    totalPages\n    totalItems\n    perPage\n  }\n"): typeof import('./graphql.js').RestPaginationFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestPresence on Presence {\n    status\n    activity\n    joinInfo\n    lastSeenAt\n  }\n"): typeof import('./graphql.js').RestPresenceFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RestNotification on Notification {\n    id\n    type\n    gameType\n    connectionRequestId\n    otherUser { ...RestUser }\n    message\n    payload\n    expiresAt\n    invite { id joinInfo }\n    timestamp\n    read\n  }\n"): typeof import('./graphql.js').RestNotificationFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
