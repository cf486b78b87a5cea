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
    "\n  mutation TestDataLoaderSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n": typeof types.TestDataLoaderSendRequestDocument,
    "\n  mutation TestDataLoaderAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n    }\n  }\n": typeof types.TestDataLoaderAcceptRequestDocument,
    "\n  query TestDataLoaderActiveConnections($userId: ID, $perPage: Int) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n": typeof types.TestDataLoaderActiveConnectionsDocument,
    "\n  query TestDataLoaderSentRequests($userId: ID, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { displayName } receiver { clientUserId displayName } }\n      }\n    }\n  }\n": typeof types.TestDataLoaderSentRequestsDocument,
    "\n  query TestDataLoaderReceivedRequests($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { clientUserId displayName } receiver { displayName } }\n      }\n    }\n  }\n": typeof types.TestDataLoaderReceivedRequestsDocument,
    "\n  query TestDataLoaderNotifications($userId: ID, $perPage: Int) {\n    notifications(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on NotificationPage { unreadCount nodes { id otherUser { clientUserId displayName } } }\n    }\n  }\n": typeof types.TestDataLoaderNotificationsDocument,
    "\n  query TestLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n": typeof types.TestLiveCursorDocument,
    "\n  mutation IdempotentSend($receiverId: ID!, $idempotencyKey: String) {\n    sendConnectionRequest(receiverId: $receiverId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.IdempotentSendDocument,
    "\n  mutation RateLimitedSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": typeof types.RateLimitedSendDocument,
    "\n  subscription RateLimitedConnectionEvents {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": typeof types.RateLimitedConnectionEventsDocument,
    "\n  mutation TestBlockUser($userId: ID, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on BlockUserPayload { message created blocked { blockedAt user { clientUserId displayName } } }\n    }\n  }\n": typeof types.TestBlockUserDocument,
    "\n  mutation TestUnblockUser($userId: ID, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on UnblockUserPayload { message user { clientUserId } }\n    }\n  }\n": typeof types.TestUnblockUserDocument,
    "\n  query TestBlockedUsers($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on BlockedUserPage {\n        totalCount\n        nodes { blockedAt user { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestBlockedUsersDocument,
    "\n  subscription TestBlockEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": typeof types.TestBlockEventsDocument,
    "\n  mutation TestUpdateConnectionLiterals($which: ID!) {\n    starred: updateConnection(connectionId: $which, favorite: true, nickname: \"  Tanky  \") {\n      __typename\n      ... on Error { code message }\n      ... on Connection { nickname note favorite connectedUser { clientUserId } }\n    }\n  }\n": typeof types.TestUpdateConnectionLiteralsDocument,
    "\n  query TestMyConnectionsWithNotes($as: ID, $fav: Boolean, $order: ConnectionSort, $n: Int, $from: String) {\n    activeConnections(userId: $as, favorite: $fav, sort: $order, first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionPage {\n        nodes { nickname note favorite connectedUser { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.TestMyConnectionsWithNotesDocument,
    "\n  mutation FeatureCancelRequest($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on CancelConnectionRequestPayload { message request { id status respondedAt } }\n    }\n  }\n": typeof types.FeatureCancelRequestDocument,
    "\n  subscription FeatureCancelEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRequestClosedEvent { request { id status sender { clientUserId } } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": typeof types.FeatureCancelEventsDocument,
    "\n  mutation TestSendConnectionRequest($userId: ID, $receiverId: ID!, $message: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on SendConnectionRequestPayload {\n        message\n        request {\n          id\n          status\n          message\n          createdAt\n          respondedAt\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n": typeof types.TestSendConnectionRequestDocument,
    "\n  mutation TestAcceptConnectionRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n        connection { id connectedSince connectedUser { clientUserId displayName } }\n      }\n    }\n  }\n": typeof types.TestAcceptConnectionRequestDocument,
    "\n  mutation TestDeclineConnectionRequest($userId: ID, $requestId: ID!) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n": typeof types.TestDeclineConnectionRequestDocument,
    "\n  query TestSentConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    sentConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message receiver { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestSentConnectionRequestsDocument,
    "\n  query TestReceivedConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    receivedConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message createdAt respondedAt sender { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestReceivedConnectionRequestsDocument,
    "\n  query TestRequestsActiveConnections($userId: ID) {\n    activeConnections(userId: $userId) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId } } }\n    }\n  }\n": typeof types.TestRequestsActiveConnectionsDocument,
    "\n  query TestRequestsNotifications($userId: ID) {\n    notifications(userId: $userId) {\n      __typename\n      ... on NotificationPage {\n        unreadCount\n        nodes { type connectionRequestId message read otherUser { clientUserId displayName } }\n      }\n    }\n  }\n": typeof types.TestRequestsNotificationsDocument,
    "\n  mutation TestSilentDecline($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { code message }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status message createdAt respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n": typeof types.TestSilentDeclineDocument,
    "\n  mutation TestSilentDeclineSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.TestSilentDeclineSendDocument,
    "\n  mutation TestSilentDeclineCancel($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on CancelConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.TestSilentDeclineCancelDocument,
    "\n  mutation TestSilentDeclineAccept($requestId: ID!) {\n    acceptConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.TestSilentDeclineAcceptDocument,
    "\n  query TestSilentDeclineRequests {\n    sentConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n    receivedConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n": typeof types.TestSilentDeclineRequestsDocument,
    "\n  query TestSilentDeclineNotifications {\n    notifications(perPage: 10) {\n      __typename\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n": typeof types.TestSilentDeclineNotificationsDocument,
    "\n  query TestSilentDeclineOther($otherId: ID!) {\n    relationships(userIds: [$otherId]) {\n      __typename\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n    user(userId: $otherId) {\n      __typename\n      ... on User { clientUserId displayName createdAt mutualConnectionCount }\n    }\n    mutualConnections(otherUserId: $otherId, perPage: 10) {\n      __typename\n      ... on MutualConnectionPage { total nodes { clientUserId displayName } }\n    }\n    activeConnections(perPage: 10) {\n      __typename\n      ... on ConnectionPage { totalCount nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n": typeof types.TestSilentDeclineOtherDocument,
    "\n  query TestSilentDeclineSuggestions {\n    connectionSuggestions(perPage: 10) {\n      __typename\n      ... on ConnectionSuggestionPage { totalCount nodes { mutualCount user { clientUserId displayName } } }\n    }\n  }\n": typeof types.TestSilentDeclineSuggestionsDocument,
    "\n  subscription TestSilentDeclineConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status respondedAt sender { clientUserId } } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": typeof types.TestSilentDeclineConnectionEventsDocument,
    "\n  subscription TestSilentDeclineNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id type connectionRequestId otherUser { clientUserId displayName } message timestamp read\n    }\n  }\n": typeof types.TestSilentDeclineNotificationAddedDocument,
    "\n  query TestActiveConnections($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    activeConnections(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on ConnectionPage {\n        totalCount\n        nodes { id connectedSince connectedUser { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestActiveConnectionsDocument,
    "\n  mutation TestRemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n": typeof types.TestRemoveConnectionDocument,
    "\n  mutation TestConnectionsSendRequest($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.TestConnectionsSendRequestDocument,
    "\n  query TestMutualConnections($userId: ID, $otherUserId: ID!, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on MutualConnectionPage {\n        total\n        totalCount\n        nodes { clientUserId displayName }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestMutualConnectionsDocument,
    "\n  query TestMutualReceivedWithCounts($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount sender { clientUserId mutualConnectionCount } }\n      }\n    }\n  }\n": typeof types.TestMutualReceivedWithCountsDocument,
    "\n  query TestMutualSentWithCounts($userId: ID) {\n    sentConnectionRequests(userId: $userId, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount receiver { clientUserId } }\n      }\n    }\n  }\n": typeof types.TestMutualSentWithCountsDocument,
    "\n  query TestMutualConnectionsWithCounts($userId: ID, $perPage: Int, $withUserId: ID) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage {\n        nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $withUserId) } }\n      }\n    }\n  }\n": typeof types.TestMutualConnectionsWithCountsDocument,
    "\n  query TestMutualUserWithCount($userId: ID, $withUserId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { code }\n      ... on User { clientUserId mutualConnectionCount(withUserId: $withUserId) }\n    }\n  }\n": typeof types.TestMutualUserWithCountDocument,
    "\n  mutation TestMutualSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n": typeof types.TestMutualSendRequestDocument,
    "\n  mutation TestMutualAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": typeof types.TestMutualAcceptRequestDocument,
    "\n  query TestRelationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ... on Error { code message }\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": typeof types.TestRelationshipsDocument,
    "\n  query TestSuggestions($userId: ID, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionSuggestionPage {\n        totalCount\n        nodes { mutualCount user { clientUserId displayName mutualConnectionCount } }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestSuggestionsDocument,
    "\n  mutation TestSendByCode($me: ID!, $code: String!) {\n    sendConnectionRequest(userId: $me, friendCode: $code) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { receiver { clientUserId } } }\n    }\n  }\n": typeof types.TestSendByCodeDocument,
    "\n  mutation TestRotateCode {\n    rotateFriendCode {\n      __typename\n      ... on Error { code message }\n      ... on RotateFriendCodePayload { message friendCode { value user { clientUserId } } }\n    }\n  }\n": typeof types.TestRotateCodeDocument,
    "\n  query TestMyCode {\n    friendCode {\n      __typename\n      ... on FriendCode { value createdAt }\n    }\n  }\n": typeof types.TestMyCodeDocument,
    "\n  subscription TestGameNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      gameType\n      connectionRequestId\n      otherUser { clientUserId }\n      message\n      payload\n      expiresAt\n      read\n    }\n  }\n": typeof types.TestGameNotificationAddedDocument,
    "\n  subscription TestGameUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": typeof types.TestGameUnreadCountsDocument,
    "\n  query TestGameLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n": typeof types.TestGameLiveCursorDocument,
    "\n  mutation TestSendGameNotification($to: [ID!]!, $kind: String!, $text: String!, $data: JSONObject, $ttl: Int) {\n    sendGameNotification(userIds: $to, type: $kind, message: $text, payload: $data, expiresInSeconds: $ttl) {\n      __typename\n      ... on Error { code message }\n      ... on SendGameNotificationPayload { sent notifications { userId notification { id gameType } } }\n    }\n  }\n": typeof types.TestSendGameNotificationDocument,
    "\n  query TestNotificationsOfTypes($only: [String!]) {\n    notifications(types: $only) {\n      __typename\n      ... on Error { code message }\n      ... on NotificationPage { totalCount unreadCount nodes { type gameType } }\n    }\n  }\n": typeof types.TestNotificationsOfTypesDocument,
    "\n  subscription TestInviteNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      otherUser { clientUserId }\n      message\n      expiresAt\n      read\n      invite { id status joinInfo expiresAt sender { clientUserId } receiver { clientUserId } }\n    }\n  }\n": typeof types.TestInviteNotificationAddedDocument,
    "\n  subscription TestInviteUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": typeof types.TestInviteUnreadCountsDocument,
    "\n  mutation TestInviteToPlay($friends: [ID!]!, $lobby: JSONObject!, $note: String, $seconds: Int, $key: String) {\n    sendInvite(receiverIds: $friends, joinInfo: $lobby, message: $note, expiresInSeconds: $seconds, idempotencyKey: $key) {\n      __typename\n      ... on Error { code message }\n      ... on SendInvitePayload { message invites { id status receiver { clientUserId } joinInfo } }\n    }\n  }\n": typeof types.TestInviteToPlayDocument,
    "\n  mutation TestAcceptInvite($invite: ID!) {\n    acceptInvite(inviteId: $invite) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptInvitePayload { joinInfo invite { status respondedAt } }\n    }\n  }\n": typeof types.TestAcceptInviteDocument,
    "\n  query TestReceivedInvites($status: InviteStatusFilter) {\n    invites(status: $status) {\n      __typename\n      ... on InvitePage { totalCount nodes { id status sender { clientUserId } } }\n    }\n  }\n": typeof types.TestReceivedInvitesDocument,
    "\n  subscription TestConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedSince connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": typeof types.TestConnectionEventsDocument,
    "\n  subscription TestRollbackNotificationAdded {\n    notificationAdded { id connectionRequestId message }\n  }\n": typeof types.TestRollbackNotificationAddedDocument,
    "\n  subscription TestNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) {\n      id\n      type\n      connectionRequestId\n      otherUser { clientUserId displayName }\n      message\n      timestamp\n      read\n    }\n  }\n": typeof types.TestNotificationAddedDocument,
    "\n  query TestLiveNotifications {\n    notifications {\n      __typename\n      ... on NotificationPage {\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n": typeof types.TestLiveNotificationsDocument,
    "\n  mutation FeatureMarkAllRead {\n    markAllNotificationsRead {\n      __typename\n      ... on Error { message code }\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": typeof types.FeatureMarkAllReadDocument,
    "\n  mutation FeatureDeleteNotification($notificationId: ID!) {\n    deleteNotification(notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on DeleteNotificationPayload { message notificationId }\n    }\n  }\n": typeof types.FeatureDeleteNotificationDocument,
    "\n  query TestNotifications(\n    $userId: ID\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n    $unreadOnly: Boolean\n  ) {\n    notifications(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n      unreadOnly: $unreadOnly\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        nodes { id type connectionRequestId message timestamp read otherUser { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": typeof types.TestNotificationsDocument,
    "\n  mutation TestMarkNotificationRead($userId: ID, $notificationId: ID!) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on MarkNotificationReadPayload { message notification { id type read } }\n    }\n  }\n": typeof types.TestMarkNotificationReadDocument,
    "\n  query TestSearchUsers($text: String!, $count: Int, $cursor: String, $as: ID) {\n    searchUsers(query: $text, first: $count, after: $cursor, userId: $as) {\n      __typename\n      ... on Error { code message }\n      ... on FoundUserPage {\n        totalCount\n        nodes { user { clientUserId displayName } relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.TestSearchUsersDocument,
    "\n  subscription TestFriendPresence($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { clientUserId }\n      presence { status activity joinInfo lastSeenAt }\n    }\n  }\n": typeof types.TestFriendPresenceDocument,
    "\n  query TestUserPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ... on User { presence { status activity joinInfo lastSeenAt } }\n    }\n  }\n": typeof types.TestUserPresenceDocument,
    "\n  mutation TestSetPresence($userId: ID, $state: PresenceStatus!, $doing: String, $join: JSONObject, $ttl: Int) {\n    setPresence(userId: $userId, status: $state, activity: $doing, joinInfo: $join, expiresInSeconds: $ttl) {\n      __typename\n      ... on SetPresencePayload { presence { status activity joinInfo lastSeenAt } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.TestSetPresenceDocument,
    "\n  subscription TestFriendPresenceWithMutuals {\n    friendPresenceChanged {\n      user { clientUserId mutualConnectionCount }\n      presence { status }\n    }\n  }\n": typeof types.TestFriendPresenceWithMutualsDocument,
    "\n  subscription TestFriendPresenceMaybeActivity($me: ID, $withActivity: Boolean!) {\n    friendPresenceChanged(userId: $me) {\n      user { clientUserId }\n      presence { status activity @include(if: $withActivity) }\n    }\n  }\n": typeof types.TestFriendPresenceMaybeActivityDocument,
    "\n  subscription TestFriendPresenceProfile {\n    friendPresenceChanged {\n      user { clientUserId displayName createdAt }\n      presence { status }\n    }\n  }\n": typeof types.TestFriendPresenceProfileDocument,
    "\n  query TestUserProfile($userId: ID!) {\n    user(userId: $userId) {\n      ... on User { clientUserId displayName createdAt }\n    }\n  }\n": typeof types.TestUserProfileDocument,
    "\n  query TestRecentPlayers($n: Int, $from: String) {\n    recentPlayers(first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on RecentPlayerPage {\n        nodes { user { clientUserId } context relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.TestRecentPlayersDocument,
    "\n  mutation TestRecordMatch($a: ID!, $b: ID!) {\n    played: recordRecentPlayers(players: [$a, $b], context: \"duel-7\") {\n      __typename\n      ... on Error { code message }\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": typeof types.TestRecordMatchDocument,
    "\n  query TestSettings($userId: ID) {\n    settings(userId: $userId) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n": typeof types.TestSettingsDocument,
    "\n  mutation TestUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n": typeof types.TestUpdateSettingsDocument,
    "\n  mutation TestSettingsSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": typeof types.TestSettingsSendDocument,
    "\n  query TestUser($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on ValidationError { field }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n": typeof types.TestUserDocument,
    "\n  query LookUpProfile($who: ID) {\n    user(userId: $who) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on User { id clientUserId displayName createdAt mutualConnectionCount }\n    }\n  }\n": typeof types.LookUpProfileDocument,
    "\n  query LookUpBobLiterally {\n    user(userId: \"bob\") {\n      __typename\n      ... on Error { message code }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n": typeof types.LookUpBobLiterallyDocument,
    "\n  query LookUpMutualCountWithAnother($who: ID, $with: ID) {\n    user(userId: $who) {\n      __typename\n      ... on User { clientUserId mutualConnectionCount(withUserId: $with) }\n    }\n  }\n": typeof types.LookUpMutualCountWithAnotherDocument,
    "\n  query LookUpAsAnotherUserReads($userId: ID) {\n    settings(userId: $userId) { __typename ... on Error { message code } ... on Settings { acceptRequestsFrom } }\n    blockedUsers(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on BlockedUserPage { totalCount nodes { user { clientUserId } } }\n    }\n  }\n": typeof types.LookUpAsAnotherUserReadsDocument,
    "\n  mutation LookUpAsAnotherUserWrites($userId: ID, $otherUserId: ID!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: NOBODY) { __typename ... on Error { message code } }\n    blockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n    unblockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n  }\n": typeof types.LookUpAsAnotherUserWritesDocument,
    "\n  mutation TestUpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on UpsertUserPayload { created user { id clientUserId displayName createdAt } }\n    }\n  }\n": typeof types.TestUpsertUserDocument,
    "\n  subscription PublicIdsNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id type otherUser { clientUserId } }\n  }\n": typeof types.PublicIdsNotificationAddedDocument,
    "\n  query PublicIdsNotificationsAfter($after: String) {\n    notifications(first: 10, after: $after) {\n      __typename\n      ... on NotificationPage { nodes { id type otherUser { clientUserId } } }\n      ... on Error { message code }\n    }\n  }\n": typeof types.PublicIdsNotificationsAfterDocument,
    "\n  subscription TestDeliveryNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { id connectionRequestId message }\n  }\n": typeof types.TestDeliveryNotificationAddedDocument,
    "\n  subscription TestDeliveryConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n      ... on ConnectionsResyncEvent { reason }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": typeof types.TestDeliveryConnectionEventsDocument,
    "\n  subscription TestRedisNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id connectionRequestId message }\n  }\n": typeof types.TestRedisNotificationAddedDocument,
    "\n  subscription TestRedisInviteNotifications {\n    notificationAdded { type otherUser { clientUserId } invite { id status joinInfo } }\n  }\n": typeof types.TestRedisInviteNotificationsDocument,
    "\n  subscription TestRedisConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n    }\n  }\n": typeof types.TestRedisConnectionEventsDocument,
};
const documents: Documents = {
    "\n  mutation TestDataLoaderSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n": types.TestDataLoaderSendRequestDocument,
    "\n  mutation TestDataLoaderAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n    }\n  }\n": types.TestDataLoaderAcceptRequestDocument,
    "\n  query TestDataLoaderActiveConnections($userId: ID, $perPage: Int) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n": types.TestDataLoaderActiveConnectionsDocument,
    "\n  query TestDataLoaderSentRequests($userId: ID, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { displayName } receiver { clientUserId displayName } }\n      }\n    }\n  }\n": types.TestDataLoaderSentRequestsDocument,
    "\n  query TestDataLoaderReceivedRequests($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { clientUserId displayName } receiver { displayName } }\n      }\n    }\n  }\n": types.TestDataLoaderReceivedRequestsDocument,
    "\n  query TestDataLoaderNotifications($userId: ID, $perPage: Int) {\n    notifications(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on NotificationPage { unreadCount nodes { id otherUser { clientUserId displayName } } }\n    }\n  }\n": types.TestDataLoaderNotificationsDocument,
    "\n  query TestLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n": types.TestLiveCursorDocument,
    "\n  mutation IdempotentSend($receiverId: ID!, $idempotencyKey: String) {\n    sendConnectionRequest(receiverId: $receiverId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.IdempotentSendDocument,
    "\n  mutation RateLimitedSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n": types.RateLimitedSendDocument,
    "\n  subscription RateLimitedConnectionEvents {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": types.RateLimitedConnectionEventsDocument,
    "\n  mutation TestBlockUser($userId: ID, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on BlockUserPayload { message created blocked { blockedAt user { clientUserId displayName } } }\n    }\n  }\n": types.TestBlockUserDocument,
    "\n  mutation TestUnblockUser($userId: ID, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on UnblockUserPayload { message user { clientUserId } }\n    }\n  }\n": types.TestUnblockUserDocument,
    "\n  query TestBlockedUsers($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on BlockedUserPage {\n        totalCount\n        nodes { blockedAt user { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestBlockedUsersDocument,
    "\n  subscription TestBlockEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": types.TestBlockEventsDocument,
    "\n  mutation TestUpdateConnectionLiterals($which: ID!) {\n    starred: updateConnection(connectionId: $which, favorite: true, nickname: \"  Tanky  \") {\n      __typename\n      ... on Error { code message }\n      ... on Connection { nickname note favorite connectedUser { clientUserId } }\n    }\n  }\n": types.TestUpdateConnectionLiteralsDocument,
    "\n  query TestMyConnectionsWithNotes($as: ID, $fav: Boolean, $order: ConnectionSort, $n: Int, $from: String) {\n    activeConnections(userId: $as, favorite: $fav, sort: $order, first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionPage {\n        nodes { nickname note favorite connectedUser { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.TestMyConnectionsWithNotesDocument,
    "\n  mutation FeatureCancelRequest($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on CancelConnectionRequestPayload { message request { id status respondedAt } }\n    }\n  }\n": types.FeatureCancelRequestDocument,
    "\n  subscription FeatureCancelEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRequestClosedEvent { request { id status sender { clientUserId } } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": types.FeatureCancelEventsDocument,
    "\n  mutation TestSendConnectionRequest($userId: ID, $receiverId: ID!, $message: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on SendConnectionRequestPayload {\n        message\n        request {\n          id\n          status\n          message\n          createdAt\n          respondedAt\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n": types.TestSendConnectionRequestDocument,
    "\n  mutation TestAcceptConnectionRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n        connection { id connectedSince connectedUser { clientUserId displayName } }\n      }\n    }\n  }\n": types.TestAcceptConnectionRequestDocument,
    "\n  mutation TestDeclineConnectionRequest($userId: ID, $requestId: ID!) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n": types.TestDeclineConnectionRequestDocument,
    "\n  query TestSentConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    sentConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message receiver { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestSentConnectionRequestsDocument,
    "\n  query TestReceivedConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    receivedConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message createdAt respondedAt sender { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestReceivedConnectionRequestsDocument,
    "\n  query TestRequestsActiveConnections($userId: ID) {\n    activeConnections(userId: $userId) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId } } }\n    }\n  }\n": types.TestRequestsActiveConnectionsDocument,
    "\n  query TestRequestsNotifications($userId: ID) {\n    notifications(userId: $userId) {\n      __typename\n      ... on NotificationPage {\n        unreadCount\n        nodes { type connectionRequestId message read otherUser { clientUserId displayName } }\n      }\n    }\n  }\n": types.TestRequestsNotificationsDocument,
    "\n  mutation TestSilentDecline($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { code message }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status message createdAt respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n": types.TestSilentDeclineDocument,
    "\n  mutation TestSilentDeclineSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.TestSilentDeclineSendDocument,
    "\n  mutation TestSilentDeclineCancel($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on CancelConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.TestSilentDeclineCancelDocument,
    "\n  mutation TestSilentDeclineAccept($requestId: ID!) {\n    acceptConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.TestSilentDeclineAcceptDocument,
    "\n  query TestSilentDeclineRequests {\n    sentConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n    receivedConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n": types.TestSilentDeclineRequestsDocument,
    "\n  query TestSilentDeclineNotifications {\n    notifications(perPage: 10) {\n      __typename\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n": types.TestSilentDeclineNotificationsDocument,
    "\n  query TestSilentDeclineOther($otherId: ID!) {\n    relationships(userIds: [$otherId]) {\n      __typename\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n    user(userId: $otherId) {\n      __typename\n      ... on User { clientUserId displayName createdAt mutualConnectionCount }\n    }\n    mutualConnections(otherUserId: $otherId, perPage: 10) {\n      __typename\n      ... on MutualConnectionPage { total nodes { clientUserId displayName } }\n    }\n    activeConnections(perPage: 10) {\n      __typename\n      ... on ConnectionPage { totalCount nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n": types.TestSilentDeclineOtherDocument,
    "\n  query TestSilentDeclineSuggestions {\n    connectionSuggestions(perPage: 10) {\n      __typename\n      ... on ConnectionSuggestionPage { totalCount nodes { mutualCount user { clientUserId displayName } } }\n    }\n  }\n": types.TestSilentDeclineSuggestionsDocument,
    "\n  subscription TestSilentDeclineConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status respondedAt sender { clientUserId } } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": types.TestSilentDeclineConnectionEventsDocument,
    "\n  subscription TestSilentDeclineNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id type connectionRequestId otherUser { clientUserId displayName } message timestamp read\n    }\n  }\n": types.TestSilentDeclineNotificationAddedDocument,
    "\n  query TestActiveConnections($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    activeConnections(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on ConnectionPage {\n        totalCount\n        nodes { id connectedSince connectedUser { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestActiveConnectionsDocument,
    "\n  mutation TestRemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n": types.TestRemoveConnectionDocument,
    "\n  mutation TestConnectionsSendRequest($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.TestConnectionsSendRequestDocument,
    "\n  query TestMutualConnections($userId: ID, $otherUserId: ID!, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on MutualConnectionPage {\n        total\n        totalCount\n        nodes { clientUserId displayName }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestMutualConnectionsDocument,
    "\n  query TestMutualReceivedWithCounts($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount sender { clientUserId mutualConnectionCount } }\n      }\n    }\n  }\n": types.TestMutualReceivedWithCountsDocument,
    "\n  query TestMutualSentWithCounts($userId: ID) {\n    sentConnectionRequests(userId: $userId, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount receiver { clientUserId } }\n      }\n    }\n  }\n": types.TestMutualSentWithCountsDocument,
    "\n  query TestMutualConnectionsWithCounts($userId: ID, $perPage: Int, $withUserId: ID) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage {\n        nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $withUserId) } }\n      }\n    }\n  }\n": types.TestMutualConnectionsWithCountsDocument,
    "\n  query TestMutualUserWithCount($userId: ID, $withUserId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { code }\n      ... on User { clientUserId mutualConnectionCount(withUserId: $withUserId) }\n    }\n  }\n": types.TestMutualUserWithCountDocument,
    "\n  mutation TestMutualSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n": types.TestMutualSendRequestDocument,
    "\n  mutation TestMutualAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": types.TestMutualAcceptRequestDocument,
    "\n  query TestRelationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ... on Error { code message }\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n": types.TestRelationshipsDocument,
    "\n  query TestSuggestions($userId: ID, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionSuggestionPage {\n        totalCount\n        nodes { mutualCount user { clientUserId displayName mutualConnectionCount } }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestSuggestionsDocument,
    "\n  mutation TestSendByCode($me: ID!, $code: String!) {\n    sendConnectionRequest(userId: $me, friendCode: $code) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { receiver { clientUserId } } }\n    }\n  }\n": types.TestSendByCodeDocument,
    "\n  mutation TestRotateCode {\n    rotateFriendCode {\n      __typename\n      ... on Error { code message }\n      ... on RotateFriendCodePayload { message friendCode { value user { clientUserId } } }\n    }\n  }\n": types.TestRotateCodeDocument,
    "\n  query TestMyCode {\n    friendCode {\n      __typename\n      ... on FriendCode { value createdAt }\n    }\n  }\n": types.TestMyCodeDocument,
    "\n  subscription TestGameNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      gameType\n      connectionRequestId\n      otherUser { clientUserId }\n      message\n      payload\n      expiresAt\n      read\n    }\n  }\n": types.TestGameNotificationAddedDocument,
    "\n  subscription TestGameUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": types.TestGameUnreadCountsDocument,
    "\n  query TestGameLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n": types.TestGameLiveCursorDocument,
    "\n  mutation TestSendGameNotification($to: [ID!]!, $kind: String!, $text: String!, $data: JSONObject, $ttl: Int) {\n    sendGameNotification(userIds: $to, type: $kind, message: $text, payload: $data, expiresInSeconds: $ttl) {\n      __typename\n      ... on Error { code message }\n      ... on SendGameNotificationPayload { sent notifications { userId notification { id gameType } } }\n    }\n  }\n": types.TestSendGameNotificationDocument,
    "\n  query TestNotificationsOfTypes($only: [String!]) {\n    notifications(types: $only) {\n      __typename\n      ... on Error { code message }\n      ... on NotificationPage { totalCount unreadCount nodes { type gameType } }\n    }\n  }\n": types.TestNotificationsOfTypesDocument,
    "\n  subscription TestInviteNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      otherUser { clientUserId }\n      message\n      expiresAt\n      read\n      invite { id status joinInfo expiresAt sender { clientUserId } receiver { clientUserId } }\n    }\n  }\n": types.TestInviteNotificationAddedDocument,
    "\n  subscription TestInviteUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n": types.TestInviteUnreadCountsDocument,
    "\n  mutation TestInviteToPlay($friends: [ID!]!, $lobby: JSONObject!, $note: String, $seconds: Int, $key: String) {\n    sendInvite(receiverIds: $friends, joinInfo: $lobby, message: $note, expiresInSeconds: $seconds, idempotencyKey: $key) {\n      __typename\n      ... on Error { code message }\n      ... on SendInvitePayload { message invites { id status receiver { clientUserId } joinInfo } }\n    }\n  }\n": types.TestInviteToPlayDocument,
    "\n  mutation TestAcceptInvite($invite: ID!) {\n    acceptInvite(inviteId: $invite) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptInvitePayload { joinInfo invite { status respondedAt } }\n    }\n  }\n": types.TestAcceptInviteDocument,
    "\n  query TestReceivedInvites($status: InviteStatusFilter) {\n    invites(status: $status) {\n      __typename\n      ... on InvitePage { totalCount nodes { id status sender { clientUserId } } }\n    }\n  }\n": types.TestReceivedInvitesDocument,
    "\n  subscription TestConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedSince connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": types.TestConnectionEventsDocument,
    "\n  subscription TestRollbackNotificationAdded {\n    notificationAdded { id connectionRequestId message }\n  }\n": types.TestRollbackNotificationAddedDocument,
    "\n  subscription TestNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) {\n      id\n      type\n      connectionRequestId\n      otherUser { clientUserId displayName }\n      message\n      timestamp\n      read\n    }\n  }\n": types.TestNotificationAddedDocument,
    "\n  query TestLiveNotifications {\n    notifications {\n      __typename\n      ... on NotificationPage {\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n": types.TestLiveNotificationsDocument,
    "\n  mutation FeatureMarkAllRead {\n    markAllNotificationsRead {\n      __typename\n      ... on Error { message code }\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n": types.FeatureMarkAllReadDocument,
    "\n  mutation FeatureDeleteNotification($notificationId: ID!) {\n    deleteNotification(notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on DeleteNotificationPayload { message notificationId }\n    }\n  }\n": types.FeatureDeleteNotificationDocument,
    "\n  query TestNotifications(\n    $userId: ID\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n    $unreadOnly: Boolean\n  ) {\n    notifications(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n      unreadOnly: $unreadOnly\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        nodes { id type connectionRequestId message timestamp read otherUser { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n": types.TestNotificationsDocument,
    "\n  mutation TestMarkNotificationRead($userId: ID, $notificationId: ID!) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on MarkNotificationReadPayload { message notification { id type read } }\n    }\n  }\n": types.TestMarkNotificationReadDocument,
    "\n  query TestSearchUsers($text: String!, $count: Int, $cursor: String, $as: ID) {\n    searchUsers(query: $text, first: $count, after: $cursor, userId: $as) {\n      __typename\n      ... on Error { code message }\n      ... on FoundUserPage {\n        totalCount\n        nodes { user { clientUserId displayName } relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.TestSearchUsersDocument,
    "\n  subscription TestFriendPresence($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { clientUserId }\n      presence { status activity joinInfo lastSeenAt }\n    }\n  }\n": types.TestFriendPresenceDocument,
    "\n  query TestUserPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ... on User { presence { status activity joinInfo lastSeenAt } }\n    }\n  }\n": types.TestUserPresenceDocument,
    "\n  mutation TestSetPresence($userId: ID, $state: PresenceStatus!, $doing: String, $join: JSONObject, $ttl: Int) {\n    setPresence(userId: $userId, status: $state, activity: $doing, joinInfo: $join, expiresInSeconds: $ttl) {\n      __typename\n      ... on SetPresencePayload { presence { status activity joinInfo lastSeenAt } }\n      ... on Error { code message }\n    }\n  }\n": types.TestSetPresenceDocument,
    "\n  subscription TestFriendPresenceWithMutuals {\n    friendPresenceChanged {\n      user { clientUserId mutualConnectionCount }\n      presence { status }\n    }\n  }\n": types.TestFriendPresenceWithMutualsDocument,
    "\n  subscription TestFriendPresenceMaybeActivity($me: ID, $withActivity: Boolean!) {\n    friendPresenceChanged(userId: $me) {\n      user { clientUserId }\n      presence { status activity @include(if: $withActivity) }\n    }\n  }\n": types.TestFriendPresenceMaybeActivityDocument,
    "\n  subscription TestFriendPresenceProfile {\n    friendPresenceChanged {\n      user { clientUserId displayName createdAt }\n      presence { status }\n    }\n  }\n": types.TestFriendPresenceProfileDocument,
    "\n  query TestUserProfile($userId: ID!) {\n    user(userId: $userId) {\n      ... on User { clientUserId displayName createdAt }\n    }\n  }\n": types.TestUserProfileDocument,
    "\n  query TestRecentPlayers($n: Int, $from: String) {\n    recentPlayers(first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on RecentPlayerPage {\n        nodes { user { clientUserId } context relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.TestRecentPlayersDocument,
    "\n  mutation TestRecordMatch($a: ID!, $b: ID!) {\n    played: recordRecentPlayers(players: [$a, $b], context: \"duel-7\") {\n      __typename\n      ... on Error { code message }\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n": types.TestRecordMatchDocument,
    "\n  query TestSettings($userId: ID) {\n    settings(userId: $userId) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n": types.TestSettingsDocument,
    "\n  mutation TestUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n": types.TestUpdateSettingsDocument,
    "\n  mutation TestSettingsSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n": types.TestSettingsSendDocument,
    "\n  query TestUser($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on ValidationError { field }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n": types.TestUserDocument,
    "\n  query LookUpProfile($who: ID) {\n    user(userId: $who) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on User { id clientUserId displayName createdAt mutualConnectionCount }\n    }\n  }\n": types.LookUpProfileDocument,
    "\n  query LookUpBobLiterally {\n    user(userId: \"bob\") {\n      __typename\n      ... on Error { message code }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n": types.LookUpBobLiterallyDocument,
    "\n  query LookUpMutualCountWithAnother($who: ID, $with: ID) {\n    user(userId: $who) {\n      __typename\n      ... on User { clientUserId mutualConnectionCount(withUserId: $with) }\n    }\n  }\n": types.LookUpMutualCountWithAnotherDocument,
    "\n  query LookUpAsAnotherUserReads($userId: ID) {\n    settings(userId: $userId) { __typename ... on Error { message code } ... on Settings { acceptRequestsFrom } }\n    blockedUsers(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on BlockedUserPage { totalCount nodes { user { clientUserId } } }\n    }\n  }\n": types.LookUpAsAnotherUserReadsDocument,
    "\n  mutation LookUpAsAnotherUserWrites($userId: ID, $otherUserId: ID!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: NOBODY) { __typename ... on Error { message code } }\n    blockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n    unblockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n  }\n": types.LookUpAsAnotherUserWritesDocument,
    "\n  mutation TestUpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on UpsertUserPayload { created user { id clientUserId displayName createdAt } }\n    }\n  }\n": types.TestUpsertUserDocument,
    "\n  subscription PublicIdsNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id type otherUser { clientUserId } }\n  }\n": types.PublicIdsNotificationAddedDocument,
    "\n  query PublicIdsNotificationsAfter($after: String) {\n    notifications(first: 10, after: $after) {\n      __typename\n      ... on NotificationPage { nodes { id type otherUser { clientUserId } } }\n      ... on Error { message code }\n    }\n  }\n": types.PublicIdsNotificationsAfterDocument,
    "\n  subscription TestDeliveryNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { id connectionRequestId message }\n  }\n": types.TestDeliveryNotificationAddedDocument,
    "\n  subscription TestDeliveryConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n      ... on ConnectionsResyncEvent { reason }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n": types.TestDeliveryConnectionEventsDocument,
    "\n  subscription TestRedisNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id connectionRequestId message }\n  }\n": types.TestRedisNotificationAddedDocument,
    "\n  subscription TestRedisInviteNotifications {\n    notificationAdded { type otherUser { clientUserId } invite { id status joinInfo } }\n  }\n": types.TestRedisInviteNotificationsDocument,
    "\n  subscription TestRedisConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n    }\n  }\n": types.TestRedisConnectionEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDataLoaderSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderSendRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDataLoaderAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderAcceptRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDataLoaderActiveConnections($userId: ID, $perPage: Int) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderActiveConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDataLoaderSentRequests($userId: ID, $perPage: Int) {\n    sentConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { displayName } receiver { clientUserId displayName } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderSentRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDataLoaderReceivedRequests($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { id sender { clientUserId displayName } receiver { displayName } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderReceivedRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestDataLoaderNotifications($userId: ID, $perPage: Int) {\n    notifications(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on NotificationPage { unreadCount nodes { id otherUser { clientUserId displayName } } }\n    }\n  }\n"): typeof import('./graphql.js').TestDataLoaderNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n"): typeof import('./graphql.js').TestLiveCursorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdempotentSend($receiverId: ID!, $idempotencyKey: String) {\n    sendConnectionRequest(receiverId: $receiverId, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').IdempotentSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateLimitedSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on RateLimitedError { retryAfterSeconds }\n    }\n  }\n"): typeof import('./graphql.js').RateLimitedSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RateLimitedConnectionEvents {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n"): typeof import('./graphql.js').RateLimitedConnectionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestBlockUser($userId: ID, $otherUserId: ID!) {\n    blockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on BlockUserPayload { message created blocked { blockedAt user { clientUserId displayName } } }\n    }\n  }\n"): typeof import('./graphql.js').TestBlockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUnblockUser($userId: ID, $otherUserId: ID!) {\n    unblockUser(userId: $userId, otherUserId: $otherUserId) {\n      __typename\n      ... on Error { code message }\n      ... on UnblockUserPayload { message user { clientUserId } }\n    }\n  }\n"): typeof import('./graphql.js').TestUnblockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestBlockedUsers($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    blockedUsers(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on BlockedUserPage {\n        totalCount\n        nodes { blockedAt user { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestBlockedUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestBlockEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n"): typeof import('./graphql.js').TestBlockEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUpdateConnectionLiterals($which: ID!) {\n    starred: updateConnection(connectionId: $which, favorite: true, nickname: \"  Tanky  \") {\n      __typename\n      ... on Error { code message }\n      ... on Connection { nickname note favorite connectedUser { clientUserId } }\n    }\n  }\n"): typeof import('./graphql.js').TestUpdateConnectionLiteralsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMyConnectionsWithNotes($as: ID, $fav: Boolean, $order: ConnectionSort, $n: Int, $from: String) {\n    activeConnections(userId: $as, favorite: $fav, sort: $order, first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionPage {\n        nodes { nickname note favorite connectedUser { clientUserId } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestMyConnectionsWithNotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureCancelRequest($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on CancelConnectionRequestPayload { message request { id status respondedAt } }\n    }\n  }\n"): typeof import('./graphql.js').FeatureCancelRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FeatureCancelEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionRequestClosedEvent { request { id status sender { clientUserId } } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n"): typeof import('./graphql.js').FeatureCancelEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSendConnectionRequest($userId: ID, $receiverId: ID!, $message: String) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on SendConnectionRequestPayload {\n        message\n        request {\n          id\n          status\n          message\n          createdAt\n          respondedAt\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSendConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAcceptConnectionRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on AcceptConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n        connection { id connectedSince connectedUser { clientUserId displayName } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestAcceptConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDeclineConnectionRequest($userId: ID, $requestId: ID!) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestDeclineConnectionRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSentConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    sentConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message receiver { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSentConnectionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestReceivedConnectionRequests(\n    $userId: ID\n    $status: ConnectionRequestStatusFilter\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n  ) {\n    receivedConnectionRequests(\n      userId: $userId\n      status: $status\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes { id status message createdAt respondedAt sender { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestReceivedConnectionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRequestsActiveConnections($userId: ID) {\n    activeConnections(userId: $userId) {\n      __typename\n      ... on ConnectionPage { nodes { id connectedUser { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').TestRequestsActiveConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRequestsNotifications($userId: ID) {\n    notifications(userId: $userId) {\n      __typename\n      ... on NotificationPage {\n        unreadCount\n        nodes { type connectionRequestId message read otherUser { clientUserId displayName } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestRequestsNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSilentDecline($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {\n    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {\n      __typename\n      ... on Error { code message }\n      ... on DeclineConnectionRequestPayload {\n        message\n        request { id status message createdAt respondedAt sender { clientUserId } receiver { clientUserId } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSilentDeclineSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSilentDeclineCancel($requestId: ID!) {\n    cancelConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on CancelConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSilentDeclineAccept($requestId: ID!) {\n    acceptConnectionRequest(requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineAcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSilentDeclineRequests {\n    sentConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n    receivedConnectionRequests(perPage: 10) {\n      __typename\n      ... on ConnectionRequestPage {\n        totalCount\n        nodes {\n          id status message createdAt respondedAt mutualConnectionCount\n          sender { clientUserId displayName }\n          receiver { clientUserId displayName }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSilentDeclineNotifications {\n    notifications(perPage: 10) {\n      __typename\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSilentDeclineOther($otherId: ID!) {\n    relationships(userIds: [$otherId]) {\n      __typename\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n    user(userId: $otherId) {\n      __typename\n      ... on User { clientUserId displayName createdAt mutualConnectionCount }\n    }\n    mutualConnections(otherUserId: $otherId, perPage: 10) {\n      __typename\n      ... on MutualConnectionPage { total nodes { clientUserId displayName } }\n    }\n    activeConnections(perPage: 10) {\n      __typename\n      ... on ConnectionPage { totalCount nodes { id connectedUser { clientUserId displayName } } }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineOtherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSilentDeclineSuggestions {\n    connectionSuggestions(perPage: 10) {\n      __typename\n      ... on ConnectionSuggestionPage { totalCount nodes { mutualCount user { clientUserId displayName } } }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestSilentDeclineConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on ConnectionRequestClosedEvent { request { id status respondedAt sender { clientUserId } } }\n      ... on BlockChangedEvent { blocked user { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineConnectionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestSilentDeclineNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id type connectionRequestId otherUser { clientUserId displayName } message timestamp read\n    }\n  }\n"): typeof import('./graphql.js').TestSilentDeclineNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestActiveConnections($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    activeConnections(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on ConnectionPage {\n        totalCount\n        nodes { id connectedSince connectedUser { clientUserId displayName } }\n        edges { cursor node { id } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestActiveConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRemoveConnection($userId: ID, $connectionId: ID!) {\n    removeConnection(userId: $userId, connectionId: $connectionId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on RemoveConnectionPayload { message connectionId }\n    }\n  }\n"): typeof import('./graphql.js').TestRemoveConnectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConnectionsSendRequest($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { message code }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').TestConnectionsSendRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMutualConnections($userId: ID, $otherUserId: ID!, $page: Int, $perPage: Int, $first: Int, $after: String) {\n    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage, first: $first, after: $after) {\n      __typename\n      ... on Error { code message }\n      ... on MutualConnectionPage {\n        total\n        totalCount\n        nodes { clientUserId displayName }\n        pageInfo { hasNextPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualConnectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMutualReceivedWithCounts($userId: ID, $perPage: Int) {\n    receivedConnectionRequests(userId: $userId, perPage: $perPage, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount sender { clientUserId mutualConnectionCount } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualReceivedWithCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMutualSentWithCounts($userId: ID) {\n    sentConnectionRequests(userId: $userId, status: PENDING) {\n      __typename\n      ... on ConnectionRequestPage {\n        nodes { mutualConnectionCount receiver { clientUserId } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualSentWithCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMutualConnectionsWithCounts($userId: ID, $perPage: Int, $withUserId: ID) {\n    activeConnections(userId: $userId, perPage: $perPage) {\n      __typename\n      ... on ConnectionPage {\n        nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $withUserId) } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualConnectionsWithCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMutualUserWithCount($userId: ID, $withUserId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { code }\n      ... on User { clientUserId mutualConnectionCount(withUserId: $withUserId) }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualUserWithCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMutualSendRequest($userId: ID, $receiverId: ID!) {\n    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id } }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualSendRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMutualAcceptRequest($userId: ID, $requestId: ID!) {\n    acceptConnectionRequest(userId: $userId, requestId: $requestId) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').TestMutualAcceptRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRelationships($userId: ID, $userIds: [ID!]!) {\n    relationships(userId: $userId, userIds: $userIds) {\n      __typename\n      ... on Error { code message }\n      ... on RelationshipList { relationships { userId status connectionId requestId } }\n    }\n  }\n"): typeof import('./graphql.js').TestRelationshipsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSuggestions($userId: ID, $page: Int, $perPage: Int) {\n    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {\n      __typename\n      ... on Error { code message }\n      ... on ConnectionSuggestionPage {\n        totalCount\n        nodes { mutualCount user { clientUserId displayName mutualConnectionCount } }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSendByCode($me: ID!, $code: String!) {\n    sendConnectionRequest(userId: $me, friendCode: $code) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { receiver { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').TestSendByCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRotateCode {\n    rotateFriendCode {\n      __typename\n      ... on Error { code message }\n      ... on RotateFriendCodePayload { message friendCode { value user { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').TestRotateCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestMyCode {\n    friendCode {\n      __typename\n      ... on FriendCode { value createdAt }\n    }\n  }\n"): typeof import('./graphql.js').TestMyCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestGameNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      gameType\n      connectionRequestId\n      otherUser { clientUserId }\n      message\n      payload\n      expiresAt\n      read\n    }\n  }\n"): typeof import('./graphql.js').TestGameNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestGameUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n"): typeof import('./graphql.js').TestGameUnreadCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestGameLiveCursor {\n    notifications { __typename ... on NotificationPage { liveCursor } }\n  }\n"): typeof import('./graphql.js').TestGameLiveCursorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSendGameNotification($to: [ID!]!, $kind: String!, $text: String!, $data: JSONObject, $ttl: Int) {\n    sendGameNotification(userIds: $to, type: $kind, message: $text, payload: $data, expiresInSeconds: $ttl) {\n      __typename\n      ... on Error { code message }\n      ... on SendGameNotificationPayload { sent notifications { userId notification { id gameType } } }\n    }\n  }\n"): typeof import('./graphql.js').TestSendGameNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestNotificationsOfTypes($only: [String!]) {\n    notifications(types: $only) {\n      __typename\n      ... on Error { code message }\n      ... on NotificationPage { totalCount unreadCount nodes { type gameType } }\n    }\n  }\n"): typeof import('./graphql.js').TestNotificationsOfTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestInviteNotificationAdded($after: ID) {\n    notificationAdded(after: $after) {\n      id\n      type\n      otherUser { clientUserId }\n      message\n      expiresAt\n      read\n      invite { id status joinInfo expiresAt sender { clientUserId } receiver { clientUserId } }\n    }\n  }\n"): typeof import('./graphql.js').TestInviteNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestInviteUnreadCounts {\n    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }\n  }\n"): typeof import('./graphql.js').TestInviteUnreadCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestInviteToPlay($friends: [ID!]!, $lobby: JSONObject!, $note: String, $seconds: Int, $key: String) {\n    sendInvite(receiverIds: $friends, joinInfo: $lobby, message: $note, expiresInSeconds: $seconds, idempotencyKey: $key) {\n      __typename\n      ... on Error { code message }\n      ... on SendInvitePayload { message invites { id status receiver { clientUserId } joinInfo } }\n    }\n  }\n"): typeof import('./graphql.js').TestInviteToPlayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAcceptInvite($invite: ID!) {\n    acceptInvite(inviteId: $invite) {\n      __typename\n      ... on Error { code message }\n      ... on AcceptInvitePayload { joinInfo invite { status respondedAt } }\n    }\n  }\n"): typeof import('./graphql.js').TestAcceptInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestReceivedInvites($status: InviteStatusFilter) {\n    invites(status: $status) {\n      __typename\n      ... on InvitePage { totalCount nodes { id status sender { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').TestReceivedInvitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestConnectionEvents($userId: ID) {\n    connectionEvents(userId: $userId) {\n      __typename\n      ... on ConnectionCreatedEvent { connection { id connectedSince connectedUser { clientUserId } } }\n      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n"): typeof import('./graphql.js').TestConnectionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestRollbackNotificationAdded {\n    notificationAdded { id connectionRequestId message }\n  }\n"): typeof import('./graphql.js').TestRollbackNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) {\n      id\n      type\n      connectionRequestId\n      otherUser { clientUserId displayName }\n      message\n      timestamp\n      read\n    }\n  }\n"): typeof import('./graphql.js').TestNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestLiveNotifications {\n    notifications {\n      __typename\n      ... on NotificationPage {\n        liveCursor\n        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestLiveNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureMarkAllRead {\n    markAllNotificationsRead {\n      __typename\n      ... on Error { message code }\n      ... on MarkAllNotificationsReadPayload { message marked }\n    }\n  }\n"): typeof import('./graphql.js').FeatureMarkAllReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FeatureDeleteNotification($notificationId: ID!) {\n    deleteNotification(notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on DeleteNotificationPayload { message notificationId }\n    }\n  }\n"): typeof import('./graphql.js').FeatureDeleteNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestNotifications(\n    $userId: ID\n    $page: Int\n    $perPage: Int\n    $first: Int\n    $after: String\n    $unreadOnly: Boolean\n  ) {\n    notifications(\n      userId: $userId\n      page: $page\n      perPage: $perPage\n      first: $first\n      after: $after\n      unreadOnly: $unreadOnly\n    ) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on NotFoundError { id }\n      ... on NotificationPage {\n        totalCount\n        unreadCount\n        nodes { id type connectionRequestId message timestamp read otherUser { clientUserId displayName } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        pagination { currentPage totalPages totalItems perPage }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMarkNotificationRead($userId: ID, $notificationId: ID!) {\n    markNotificationRead(userId: $userId, notificationId: $notificationId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on MarkNotificationReadPayload { message notification { id type read } }\n    }\n  }\n"): typeof import('./graphql.js').TestMarkNotificationReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSearchUsers($text: String!, $count: Int, $cursor: String, $as: ID) {\n    searchUsers(query: $text, first: $count, after: $cursor, userId: $as) {\n      __typename\n      ... on Error { code message }\n      ... on FoundUserPage {\n        totalCount\n        nodes { user { clientUserId displayName } relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestSearchUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestFriendPresence($userId: ID) {\n    friendPresenceChanged(userId: $userId) {\n      user { clientUserId }\n      presence { status activity joinInfo lastSeenAt }\n    }\n  }\n"): typeof import('./graphql.js').TestFriendPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestUserPresence($userId: ID!) {\n    user(userId: $userId) {\n      __typename\n      ... on User { presence { status activity joinInfo lastSeenAt } }\n    }\n  }\n"): typeof import('./graphql.js').TestUserPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSetPresence($userId: ID, $state: PresenceStatus!, $doing: String, $join: JSONObject, $ttl: Int) {\n    setPresence(userId: $userId, status: $state, activity: $doing, joinInfo: $join, expiresInSeconds: $ttl) {\n      __typename\n      ... on SetPresencePayload { presence { status activity joinInfo lastSeenAt } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').TestSetPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestFriendPresenceWithMutuals {\n    friendPresenceChanged {\n      user { clientUserId mutualConnectionCount }\n      presence { status }\n    }\n  }\n"): typeof import('./graphql.js').TestFriendPresenceWithMutualsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestFriendPresenceMaybeActivity($me: ID, $withActivity: Boolean!) {\n    friendPresenceChanged(userId: $me) {\n      user { clientUserId }\n      presence { status activity @include(if: $withActivity) }\n    }\n  }\n"): typeof import('./graphql.js').TestFriendPresenceMaybeActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestFriendPresenceProfile {\n    friendPresenceChanged {\n      user { clientUserId displayName createdAt }\n      presence { status }\n    }\n  }\n"): typeof import('./graphql.js').TestFriendPresenceProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestUserProfile($userId: ID!) {\n    user(userId: $userId) {\n      ... on User { clientUserId displayName createdAt }\n    }\n  }\n"): typeof import('./graphql.js').TestUserProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestRecentPlayers($n: Int, $from: String) {\n    recentPlayers(first: $n, after: $from) {\n      __typename\n      ... on Error { code message }\n      ... on RecentPlayerPage {\n        nodes { user { clientUserId } context relationship { status } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TestRecentPlayersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRecordMatch($a: ID!, $b: ID!) {\n    played: recordRecentPlayers(players: [$a, $b], context: \"duel-7\") {\n      __typename\n      ... on Error { code message }\n      ... on RecordRecentPlayersPayload { message players }\n    }\n  }\n"): typeof import('./graphql.js').TestRecordMatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestSettings($userId: ID) {\n    settings(userId: $userId) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n"): typeof import('./graphql.js').TestSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {\n      __typename\n      ... on Error { code message }\n      ... on Settings { acceptRequestsFrom }\n    }\n  }\n"): typeof import('./graphql.js').TestUpdateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSettingsSend($receiverId: ID!) {\n    sendConnectionRequest(receiverId: $receiverId) {\n      __typename\n      ... on Error { code message }\n      ... on SendConnectionRequestPayload { request { id status } }\n    }\n  }\n"): typeof import('./graphql.js').TestSettingsSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestUser($userId: ID) {\n    user(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on ValidationError { field }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n"): typeof import('./graphql.js').TestUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUpProfile($who: ID) {\n    user(userId: $who) {\n      __typename\n      ... on Error { message code }\n      ... on NotFoundError { id }\n      ... on User { id clientUserId displayName createdAt mutualConnectionCount }\n    }\n  }\n"): typeof import('./graphql.js').LookUpProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUpBobLiterally {\n    user(userId: \"bob\") {\n      __typename\n      ... on Error { message code }\n      ... on User { id clientUserId displayName createdAt }\n    }\n  }\n"): typeof import('./graphql.js').LookUpBobLiterallyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUpMutualCountWithAnother($who: ID, $with: ID) {\n    user(userId: $who) {\n      __typename\n      ... on User { clientUserId mutualConnectionCount(withUserId: $with) }\n    }\n  }\n"): typeof import('./graphql.js').LookUpMutualCountWithAnotherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LookUpAsAnotherUserReads($userId: ID) {\n    settings(userId: $userId) { __typename ... on Error { message code } ... on Settings { acceptRequestsFrom } }\n    blockedUsers(userId: $userId) {\n      __typename\n      ... on Error { message code }\n      ... on BlockedUserPage { totalCount nodes { user { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').LookUpAsAnotherUserReadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LookUpAsAnotherUserWrites($userId: ID, $otherUserId: ID!) {\n    updateSettings(userId: $userId, acceptRequestsFrom: NOBODY) { __typename ... on Error { message code } }\n    blockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n    unblockUser(userId: $userId, otherUserId: $otherUserId) { __typename ... on Error { message code } }\n  }\n"): typeof import('./graphql.js').LookUpAsAnotherUserWritesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestUpsertUser($userId: ID, $displayName: String!) {\n    upsertUser(userId: $userId, displayName: $displayName) {\n      __typename\n      ... on Error { message code }\n      ... on ValidationError { field }\n      ... on UpsertUserPayload { created user { id clientUserId displayName createdAt } }\n    }\n  }\n"): typeof import('./graphql.js').TestUpsertUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PublicIdsNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id type otherUser { clientUserId } }\n  }\n"): typeof import('./graphql.js').PublicIdsNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicIdsNotificationsAfter($after: String) {\n    notifications(first: 10, after: $after) {\n      __typename\n      ... on NotificationPage { nodes { id type otherUser { clientUserId } } }\n      ... on Error { message code }\n    }\n  }\n"): typeof import('./graphql.js').PublicIdsNotificationsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestDeliveryNotificationAdded($userId: ID, $after: ID) {\n    notificationAdded(userId: $userId, after: $after) { id connectionRequestId message }\n  }\n"): typeof import('./graphql.js').TestDeliveryNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestDeliveryConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n      ... on ConnectionsResyncEvent { reason }\n      ... on UnreadCountChangedEvent { unreadCount }\n    }\n  }\n"): typeof import('./graphql.js').TestDeliveryConnectionEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestRedisNotificationAdded($after: ID) {\n    notificationAdded(after: $after) { id connectionRequestId message }\n  }\n"): typeof import('./graphql.js').TestRedisNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestRedisInviteNotifications {\n    notificationAdded { type otherUser { clientUserId } invite { id status joinInfo } }\n  }\n"): typeof import('./graphql.js').TestRedisInviteNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestRedisConnectionEvents {\n    connectionEvents {\n      __typename\n      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }\n    }\n  }\n"): typeof import('./graphql.js').TestRedisConnectionEventsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
