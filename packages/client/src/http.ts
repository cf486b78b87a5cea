import type { TypedDocumentString } from './gql/graphql.js';

/** Variables may be left out when the document has no required ones. */
export type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** An error in the response's `errors` (a bad token, an outage, a refused document). */
export interface GraphQLResponseError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * The request failed as a whole: HTTP status, network, or `errors` in the response. Expected
 * failures of a field (not found, conflict, rate limited) are not thrown: they are the typed
 * `... on Error` results of the field, in `data`.
 */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly GraphQLResponseError[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's `extensions.code` (`UNAUTHENTICATED`, `SERVICE_UNAVAILABLE`, ...). */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface HttpClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://connections.example/graphql`. */
  url: string;
  /** The player's JWT, or a function that returns a current one (called for every request). */
  token: string | (() => string | Promise<string>);
  /** A `fetch` implementation; the global one by default (browsers, Node 18+). */
  fetch?: typeof fetch;
}

export interface HttpClient {
  request<R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArgument<V>): Promise<R>;
}

/**
 * A minimal GraphQL-over-HTTP client for the typed documents: `await client.request(Profile)`
 * returns `ProfileQuery`. Any other client (urql, Apollo, graphql-request) works the same way.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArgument<V>): Promise<R> {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
      });
      let body: { data?: R | null; errors?: GraphQLResponseError[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new GraphQLRequestError(`HTTP ${response.status} without a GraphQL body`, response.status);
      }
      if (body.errors?.length || !body.data) {
        const errors = body.errors ?? [];
        throw new GraphQLRequestError(
          errors.map((error) => error.message).join('; ') || `HTTP ${response.status} without data`,
          response.status,
          errors,
        );
      }
      return body.data;
    },
  };
}
