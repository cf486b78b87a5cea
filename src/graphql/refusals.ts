/**
 * The codes of what the GraphQL face refuses before or around running an operation: documents
 * over a limit, introspection in production, a cross-site request, malformed GET parameters, a
 * subscription over a socket's cap, a stream whose client stopped reading. Each is declared here
 * once, with its HTTP status where it has one (a WebSocket or a stream has none); the plugins
 * raise them as `GraphQLError`s with `extensions.code`, and docs/ERRORS.md lists them from here.
 */
export const graphqlRefusals = {
  MAX_DEPTH_EXCEEDED: { status: 400, description: 'The document nests deeper than `GRAPHQL_MAX_DEPTH`; nothing ran.' },
  MAX_ALIASES_EXCEEDED: {
    status: 400,
    description: 'The document has more aliases than `GRAPHQL_MAX_ALIASES`; nothing ran.',
  },
  MAX_TOKENS_EXCEEDED: {
    status: 400,
    description: 'The document has more tokens than `GRAPHQL_MAX_TOKENS`; nothing ran.',
  },
  MAX_DIRECTIVES_EXCEEDED: {
    status: 400,
    description: 'The document has more directives than `GRAPHQL_MAX_DIRECTIVES`; nothing ran.',
  },
  MAX_COST_EXCEEDED: {
    status: 400,
    description:
      'The operation, or the operations of one request together, cost more than `GRAPHQL_MAX_COST`; nothing ran.',
  },
  INTROSPECTION_DISABLED: {
    status: 400,
    description: 'Introspection is off (production, unless enabled); nothing ran.',
  },
  CSRF_HEADER_REQUIRED: {
    status: 403,
    description:
      'A request a browser could send cross-site without a preflight: send it as JSON, or with an `Authorization` or `X-GraphQL-Yoga-CSRF` header.',
  },
  BAD_REQUEST: { status: 400, description: 'The `variables` or `extensions` of a GET request are not valid JSON.' },
  TOO_MANY_SUBSCRIPTIONS: {
    status: undefined,
    description: 'A WebSocket `subscribe` over `MAX_SUBSCRIPTIONS_PER_SOCKET`: an `error` message for that operation.',
  },
  SLOW_CONSUMER: {
    status: undefined,
    description:
      'The stream ended because its client stopped reading (the socket is closed with 4008); resume with `after`.',
  },
} as const satisfies Record<string, { status: number | undefined; description: string }>;

export type GraphQLRefusalCode = keyof typeof graphqlRefusals;
