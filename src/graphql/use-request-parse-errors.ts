import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type GraphQLRefusalCode, graphqlRefusals } from './refusals.js';

/**
 * Yoga reads `variables` and `extensions` from a GET query string (and a form body) with a bare
 * `JSON.parse`: a client's typo escaped as an unexpected error (500, logged at `error`, counted
 * as INTERNAL_SERVER_ERROR), which anyone could repeat to fill the log. It is the client's
 * mistake, answered like a malformed POST body: 400 BAD_REQUEST, without echoing the input.
 */
export function useMalformedParamsAsBadRequest(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError('Request parameters "variables" and "extensions" must be valid JSON.', {
            extensions: {
              code: 'BAD_REQUEST' satisfies GraphQLRefusalCode,
              http: { status: graphqlRefusals.BAD_REQUEST.status },
            },
          });
        }
      });
    },
  };
}
