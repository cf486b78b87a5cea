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
