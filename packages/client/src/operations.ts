/**
 * The operations every game UI needs, as typed documents (`TypedDocumentString`: a string with
 * the result and variable types attached). Send `String(document)` as the query with any GraphQL
 * client; TypeScript infers `data` and `variables` from the document. Generated into
 * `packages/client/src/gql/` by `npm run codegen` (see docs/CLIENT.md).
 *
 * Every field answers a union of its payload and typed errors (`... on Error { code message }`),
 * so each document asks for `__typename` and the `ErrorFields` fragment: switch on `__typename`.
 * The acting user defaults to the token's subject; only service tokens pass `userId`.
 */
import { graphql } from './gql/index.js';

export const UserFields = graphql(`
  fragment UserFields on User {
    clientUserId
    displayName
  }
`);

export const ErrorFields = graphql(`
  fragment ErrorFields on Error {
    __typename
    code
    message
    ... on RateLimitedError { retryAfterSeconds }
    ... on ValidationError { field }
  }
`);

/**
 * A connection as one side sees it: `nickname`, `note` and `favorite` are that side's own, set
 * with `UpdateConnection` and never seen by the other user.
 */
export const ConnectionFields = graphql(`
  fragment ConnectionFields on Connection {
    id
    connectedSince
    nickname
    note
    favorite
    connectedUser { ...UserFields }
  }
`);

export const ConnectionRequestFields = graphql(`
  fragment ConnectionRequestFields on ConnectionRequest {
    id
    status
    message
    createdAt
    respondedAt
    sender { ...UserFields }
    receiver { ...UserFields }
  }
`);

/** What a friends panel shows of a player's presence (null where the caller may not see it). */
export const PresenceFields = graphql(`
  fragment PresenceFields on Presence {
    status
    activity
    joinInfo
    lastSeenAt
  }
`);

/** An invite to join a player in the game, as its sender and its receiver see it. */
export const InviteFields = graphql(`
  fragment InviteFields on Invite {
    id
    status
    message
    joinInfo
    createdAt
    expiresAt
    respondedAt
    sender { ...UserFields }
    receiver { ...UserFields }
  }
`);

export const NotificationFields = graphql(`
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
    otherUser { ...UserFields }
    invite { ...InviteFields }
  }
`);

// ---- queries ---------------------------------------------------------------------------------

/** A player's public profile: the signed-in player's, or (`userId`) any player's of the tenant. */
export const Profile = graphql(`
  query Profile($userId: ID) {
    user(userId: $userId) {
      __typename
      ...ErrorFields
      ... on User { ...UserFields createdAt presence { ...PresenceFields } }
    }
  }
`);

/**
 * Friends, newest first (`sort: FAVORITES`: the ones the player starred first), each with its
 * presence; scroll with `first` and `after: pageInfo.endCursor` (a cursor keeps the order it came
 * from). With `presence: ONLINE`, only friends not offline, online first; with `favorite`, only
 * the starred ones (true) or only the others (false).
 */
export const ActiveConnections = graphql(`
  query ActiveConnections(
    $userId: ID
    $first: Int = 50
    $after: String
    $presence: ConnectionPresenceFilter
    $sort: ConnectionSort = NEWEST
    $favorite: Boolean
  ) {
    activeConnections(userId: $userId, first: $first, after: $after, presence: $presence, sort: $sort, favorite: $favorite) {
      __typename
      ...ErrorFields
      ... on ConnectionPage {
        totalCount
        nodes { ...ConnectionFields connectedUser { presence { ...PresenceFields } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** Requests the player sent (`status` defaults to PENDING: the outgoing list of a friends panel). */
export const SentRequests = graphql(`
  query SentRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {
    sentConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {
      __typename
      ...ErrorFields
      ... on ConnectionRequestPage {
        totalCount
        nodes { ...ConnectionRequestFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** Requests the player received (`status` defaults to PENDING: the incoming list). */
export const ReceivedRequests = graphql(`
  query ReceivedRequests($userId: ID, $status: ConnectionRequestStatusFilter = PENDING, $first: Int = 50, $after: String) {
    receivedConnectionRequests(userId: $userId, status: $status, first: $first, after: $after) {
      __typename
      ...ErrorFields
      ... on ConnectionRequestPage {
        totalCount
        nodes { ...ConnectionRequestFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/**
 * Notifications, newest first, with the unread count and `liveCursor`: subscribe with
 * `notificationAdded(after: liveCursor)` to receive exactly what this page does not show.
 */
export const Notifications = graphql(`
  query Notifications($userId: ID, $first: Int = 50, $after: String, $unreadOnly: Boolean = false) {
    notifications(userId: $userId, first: $first, after: $after, unreadOnly: $unreadOnly) {
      __typename
      ...ErrorFields
      ... on NotificationPage {
        unreadCount
        liveCursor
        totalCount
        nodes { ...NotificationFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** How the player stands with up to 100 others (a lobby or player list): one round trip. */
export const Relationships = graphql(`
  query Relationships($userId: ID, $userIds: [ID!]!) {
    relationships(userId: $userId, userIds: $userIds) {
      __typename
      ...ErrorFields
      ... on RelationshipList { relationships { userId status connectionId requestId } }
    }
  }
`);

/**
 * Invites the player received (or, `direction: SENT`, sent), newest first; answered and expired
 * ones too (`status` says how each ended) unless `status` narrows them.
 */
export const Invites = graphql(`
  query Invites($userId: ID, $direction: InviteDirection = RECEIVED, $status: InviteStatusFilter = ALL, $first: Int = 10, $after: String) {
    invites(userId: $userId, direction: $direction, status: $status, first: $first, after: $after) {
      __typename
      ...ErrorFields
      ... on InvitePage {
        nodes { ...InviteFields }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/**
 * Players of the tenant whose display name matches `query` (2 to 64 characters; case and accents
 * do not matter), best match first, each with how the player stands with it (`relationship`: NONE,
 * CONNECTED, REQUEST_SENT, REQUEST_RECEIVED or BLOCKED; a block by the one found never shows): a
 * "find players" box. The best 100 at most; the player itself may be among them.
 */
export const SearchUsers = graphql(`
  query SearchUsers($userId: ID, $query: String!, $first: Int = 20, $after: String) {
    searchUsers(userId: $userId, query: $query, first: $first, after: $after) {
      __typename
      ...ErrorFields
      ... on FoundUserPage {
        nodes {
          user { ...UserFields }
          relationship { status connectionId requestId }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/**
 * The player's friend code (`value`, as `7KQ4-M2XD`), made the first time it is asked for: what a
 * player reads out or shares so that others can send it a request with `SendRequestByCode`. Only
 * the player itself (and the game's backend) can read it.
 */
export const FriendCode = graphql(`
  query FriendCode($userId: ID) {
    friendCode(userId: $userId) {
      __typename
      ...ErrorFields
      ... on FriendCode { value createdAt }
    }
  }
`);

/**
 * Players the player recently played with (as the game's backend recorded them with
 * `RecordRecentPlayers`), most recent first, each once with its latest match (`context`,
 * `playedAt`) and how the two stand now (`relationship.status`: NONE means "Add friend").
 * Players with a block either way are left out. Nothing announces a new match live: read it again
 * when the game knows one ended.
 */
export const RecentPlayers = graphql(`
  query RecentPlayers($userId: ID, $first: Int = 20, $after: String) {
    recentPlayers(userId: $userId, first: $first, after: $after) {
      __typename
      ...ErrorFields
      ... on RecentPlayerPage {
        nodes {
          user { ...UserFields }
          context
          playedAt
          relationship { status connectionId requestId }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

// ---- mutations -------------------------------------------------------------------------------

/** Creates the player or renames it (a service token, or the player itself). */
export const UpsertUser = graphql(`
  mutation UpsertUser($userId: ID, $displayName: String!) {
    upsertUser(userId: $userId, displayName: $displayName) {
      __typename
      ...ErrorFields
      ... on UpsertUserPayload { created user { ...UserFields } }
    }
  }
`);

/** Pass an `idempotencyKey` (e.g. a UUID per click) to make retries after a lost response safe. */
export const SendRequest = graphql(`
  mutation SendRequest($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {
    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }
    }
  }
`);

/**
 * Sends a request to the player whose friend code this is (any case, dash optional). A code that
 * names no one answers `FRIEND_CODE_NOT_FOUND` and counts against the sender's few misses per
 * window (then `RATE_LIMITED`, with `retryAfterSeconds`); one that cannot be a code at all answers
 * a `ValidationError` on `friendCode` and costs nothing; the player's own code answers
 * `CANNOT_CONNECT_TO_SELF`.
 */
export const SendRequestByCode = graphql(`
  mutation SendRequestByCode($userId: ID, $friendCode: String!, $message: String, $idempotencyKey: String) {
    sendConnectionRequest(userId: $userId, friendCode: $friendCode, message: $message, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on SendConnectionRequestPayload { message request { ...ConnectionRequestFields } }
    }
  }
`);

export const AcceptRequest = graphql(`
  mutation AcceptRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on AcceptConnectionRequestPayload {
        message
        request { ...ConnectionRequestFields }
        connection { ...ConnectionFields }
      }
    }
  }
`);

export const DeclineRequest = graphql(`
  mutation DeclineRequest($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on DeclineConnectionRequestPayload { message request { ...ConnectionRequestFields } }
    }
  }
`);

/** Withdraws a pending request the player sent. */
export const CancelRequest = graphql(`
  mutation CancelRequest($userId: ID, $requestId: ID!, $idempotencyKey: String) {
    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on CancelConnectionRequestPayload { message request { ...ConnectionRequestFields } }
    }
  }
`);

export const RemoveConnection = graphql(`
  mutation RemoveConnection($userId: ID, $connectionId: ID!) {
    removeConnection(userId: $userId, connectionId: $connectionId) {
      __typename
      ...ErrorFields
      ... on RemoveConnectionPayload { message connectionId }
    }
  }
`);

/**
 * Sets what the player keeps about a friend, for its own eyes only: a `nickname` (at most 32
 * characters, one line), a `note` (at most 256) and a star (`favorite`). A variable left out stays
 * as it is; null or an empty string clears a nickname or note.
 */
export const UpdateConnection = graphql(`
  mutation UpdateConnection($userId: ID, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {
    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {
      __typename
      ...ErrorFields
      ... on Connection { ...ConnectionFields }
    }
  }
`);

/** Gives the player a new friend code; the old one names no one from then on. */
export const RotateFriendCode = graphql(`
  mutation RotateFriendCode($userId: ID, $idempotencyKey: String) {
    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on RotateFriendCodePayload { message friendCode { value createdAt } }
    }
  }
`);

/**
 * For the game's backend (a service token only): records that these players (2 to 100
 * `clientUserId`s) played together, so that each lists the others under `RecentPlayers`. All or
 * nothing: an unknown player answers `USER_NOT_FOUND` naming it and records no one.
 */
export const RecordRecentPlayers = graphql(`
  mutation RecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {
    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on RecordRecentPlayersPayload { message players }
    }
  }
`);

/**
 * Sets the player's presence: ONLINE, AWAY, BUSY or INVISIBLE (connections see an invisible player
 * as offline), what it is doing (`activity`) and how to join it (`joinInfo`); OFFLINE drops what
 * was set. Kept while the player's socket is open (or for `expiresInSeconds`).
 */
export const SetPresence = graphql(`
  mutation SetPresence($userId: ID, $status: PresenceStatus!, $activity: String, $joinInfo: JSONObject, $expiresInSeconds: Int) {
    setPresence(userId: $userId, status: $status, activity: $activity, joinInfo: $joinInfo, expiresInSeconds: $expiresInSeconds) {
      __typename
      ...ErrorFields
      ... on SetPresencePayload { user { ...UserFields } presence { ...PresenceFields } }
    }
  }
`);

/**
 * Invites connections (up to 20) to join the player: `joinInfo` is what they need to join (a
 * lobby id), given to them with the invite. Each gets a GAME_INVITE notification, live.
 */
export const SendInvite = graphql(`
  mutation SendInvite($userId: ID, $receiverIds: [ID!]!, $joinInfo: JSONObject!, $message: String, $expiresInSeconds: Int, $idempotencyKey: String) {
    sendInvite(userId: $userId, receiverIds: $receiverIds, joinInfo: $joinInfo, message: $message, expiresInSeconds: $expiresInSeconds, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on SendInvitePayload { message invites { ...InviteFields } }
    }
  }
`);

/** Accepts an invite the player received; answers the join info (INVITE_EXPIRED once it expired). */
export const AcceptInvite = graphql(`
  mutation AcceptInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {
    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on AcceptInvitePayload { message joinInfo invite { ...InviteFields } }
    }
  }
`);

export const DeclineInvite = graphql(`
  mutation DeclineInvite($userId: ID, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on DeclineInvitePayload { message invite { ...InviteFields } }
    }
  }
`);

/** Withdraws a pending invite the player sent. */
export const CancelInvite = graphql(`
  mutation CancelInvite($userId: ID, $inviteId: ID!, $idempotencyKey: String) {
    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on CancelInvitePayload { message invite { ...InviteFields } }
    }
  }
`);

export const MarkNotificationRead = graphql(`
  mutation MarkNotificationRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {
    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on MarkNotificationReadPayload { message notification { ...NotificationFields } }
    }
  }
`);

export const MarkAllNotificationsRead = graphql(`
  mutation MarkAllNotificationsRead($userId: ID, $idempotencyKey: String) {
    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {
      __typename
      ...ErrorFields
      ... on MarkAllNotificationsReadPayload { message marked }
    }
  }
`);

// ---- subscriptions (graphql-ws on /graphql, or SSE) --------------------------------------------

/**
 * Every notification as it commits. With `after` (the last notification id the client has, or a
 * page's `liveCursor`): first everything committed since, in order, then live. `live.ts` keeps
 * `after` up to date across reconnects.
 */
export const NotificationAdded = graphql(`
  subscription NotificationAdded($userId: ID, $after: ID) {
    notificationAdded(userId: $userId, after: $after) { ...NotificationFields }
  }
`);

/**
 * Live updates for a friends panel. `UnreadCountChangedEvent` arrives first on subscribing, then
 * on every change; on `ConnectionsResyncEvent` (and after a reconnect) re-read the lists.
 */
export const ConnectionEvents = graphql(`
  subscription ConnectionEvents($userId: ID) {
    connectionEvents(userId: $userId) {
      __typename
      ... on ConnectionCreatedEvent { connection { ...ConnectionFields } }
      ... on ConnectionRemovedEvent { connectionId connectedUser { ...UserFields } }
      ... on ConnectionRequestClosedEvent { request { ...ConnectionRequestFields } }
      ... on UnreadCountChangedEvent { unreadCount }
      ... on ConnectionsResyncEvent { reason }
      ... on BlockChangedEvent { blocked user { ...UserFields } }
    }
  }
`);

/**
 * The presence of the player's connections: first one event for each connection not offline (so
 * a friend not named is offline, as the `ActiveConnections` read says), then each change, at most
 * one per friend per second. `presence` is null for a friend who shares it with nobody.
 */
export const FriendPresenceChanged = graphql(`
  subscription FriendPresenceChanged($userId: ID) {
    friendPresenceChanged(userId: $userId) {
      user { ...UserFields }
      presence { ...PresenceFields }
    }
  }
`);
