import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type GraphQLRefusalCode, graphqlRefusals } from './refusals.js';

/** Content types a browser sends cross-origin without a preflight (CORS "simple" requests). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Headers that a browser page can only set after a CORS preflight, so their presence proves the
 * request passed the CORS policy. `authorization` counts: every real call carries its token.
 */
export const CSRF_PROOF_HEADERS = ['x-graphql-yoga-csrf', 'authorization', 'apollo-require-preflight'];

/**
 * CSRF prevention for GraphQL over HTTP, as Yoga's plugin-csrf-prevention does it: a request a
 * browser could send from any page without a preflight (a GET, or a POST as a form or text) must
 * carry one of the headers above. A JSON POST (`content-type: application/json`) is never simple,
 * so ordinary clients pass untouched. Our own copy so that the refusal carries a stable code.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      const contentType = request.headers.get('content-type')?.toLowerCase();
      const preflighted = !!contentType && !SIMPLE_CONTENT_TYPES.some((simple) => contentType.startsWith(simple));
      if (preflighted || CSRF_PROOF_HEADERS.some((header) => request.headers.has(header))) return;
      throw new GraphQLError(
        `This request could come from any web page: send it as JSON (content-type: application/json) or with one of the headers ${CSRF_PROOF_HEADERS.join(', ')}`,
        {
          extensions: {
            code: 'CSRF_HEADER_REQUIRED' satisfies GraphQLRefusalCode,
            http: { status: graphqlRefusals.CSRF_HEADER_REQUIRED.status },
          },
        },
      );
    },
  };
}
