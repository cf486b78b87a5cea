import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from '../platform/http/errors.js';
import { countRestError } from './observe-http.js';
import { type DirectAnswer, type DirectServeOptions, serveDirect } from './serve-direct.js';

/*
 * The /v1 REST paths served straight from node:http, as app/graphql-post.ts serves GraphQL POSTs:
 * the REST handler gets a view of node's request instead of a Fetch Request, and its answer is
 * written with `writeHead`/`end` instead of through the Fetch adapter. Everything the app does to
 * every request is done by the same functions the Fetch path uses (app/serve-direct.ts), and REST
 * error metrics are counted from the answer's body. Preflights and other
 * OPTIONS, HEAD, and any target whose path is not under /v1/ once normalised as a URL, go the
 * Fetch way.
 */

const ROUTE = '/v1/*';

export interface RestDirectOptions extends DirectServeOptions {
  rest: (request: Request) => Promise<Response>;
}

/** The handler node:http hands a request with its body read: true when it took the request. */
export function createRestDirect(options: RestDirectOptions) {
  const countErrors = (answer: DirectAnswer, text: string) =>
    countRestError(options.metrics, {
      status: answer.status,
      contentType: answer.headers.get('content-type'),
      body: text,
    });

  return (incoming: IncomingMessage, response: ServerResponse, body: Buffer | undefined): boolean => {
    const target = incoming.url ?? '';
    if (!target.startsWith('/v1/') || incoming.method === 'OPTIONS' || incoming.method === 'HEAD') return false;
    // As the Fetch path routes it: the path once dot segments and the like are resolved.
    const { pathname } = new URL(target, 'http://localhost');
    if (!pathname.startsWith('/v1/')) return false;
    serveDirect(options, { incoming, response, body, route: ROUTE, pathname }, options.rest, countErrors);
    return true;
  };
}
