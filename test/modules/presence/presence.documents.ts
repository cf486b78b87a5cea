import { graphql } from '../../gql/index.js';

/** The presence operations the presence tests send, as a game client would. */

export const FriendPresence = graphql(`
  subscription TestFriendPresence($userId: ID) {
    friendPresenceChanged(userId: $userId) {
      user { clientUserId }
      presence { status activity joinInfo lastSeenAt }
    }
  }
`);

export const UserPresence = graphql(`
  query TestUserPresence($userId: ID!) {
    user(userId: $userId) {
      __typename
      ... on User { presence { status activity joinInfo lastSeenAt } }
    }
  }
`);

export const SetPresence = graphql(`
  mutation TestSetPresence($userId: ID, $state: PresenceStatus!, $doing: String, $join: JSONObject, $ttl: Int) {
    setPresence(userId: $userId, status: $state, activity: $doing, joinInfo: $join, expiresInSeconds: $ttl) {
      __typename
      ... on SetPresencePayload { presence { status activity joinInfo lastSeenAt } }
      ... on Error { code message }
    }
  }
`);

/** A selection that asks, of each friend, something that depends on who watches. */
export const FriendPresenceWithMutuals = graphql(`
  subscription TestFriendPresenceWithMutuals {
    friendPresenceChanged {
      user { clientUserId mutualConnectionCount }
      presence { status }
    }
  }
`);

/** The same selection for every watcher, but for what its variables include. */
export const FriendPresenceMaybeActivity = graphql(`
  subscription TestFriendPresenceMaybeActivity($me: ID, $withActivity: Boolean!) {
    friendPresenceChanged(userId: $me) {
      user { clientUserId }
      presence { status activity @include(if: $withActivity) }
    }
  }
`);

/** A friend's row as a change delivers it: what a read of the user shows, dates included. */
export const FriendPresenceProfile = graphql(`
  subscription TestFriendPresenceProfile {
    friendPresenceChanged {
      user { clientUserId displayName createdAt }
      presence { status }
    }
  }
`);

export const UserProfile = graphql(`
  query TestUserProfile($userId: ID!) {
    user(userId: $userId) {
      ... on User { clientUserId displayName createdAt }
    }
  }
`);
