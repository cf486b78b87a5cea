import { graphql } from '../gql/index.js';

/*
 * The GraphQL fragments the modules' REST operations share (`src/modules/<feature>/<feature>.rest.ts`).
 * The shim runs each route's operation through the same gateway as any GraphQL client, so
 * authentication, validation, rules and errors are the schema's; `codegen` turns every operation
 * into a typed document (`npm run codegen`), reading these with them. Nothing imports this file:
 * codegen finds it (`codegen.ts`), and each generated operation carries the fragments it uses.
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
  fragment RestPresence on Presence {
    status
    activity
    joinInfo
    lastSeenAt
  }
`);

graphql(`
  fragment RestNotification on Notification {
    id
    type
    gameType
    connectionRequestId
    otherUser { ...RestUser }
    message
    payload
    expiresAt
    invite { id joinInfo }
    timestamp
    read
  }
`);
