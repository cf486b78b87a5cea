import type { IncomingMessage, ServerResponse } from 'node:http';
import { createOperationRunner, jsonPostParams } from '../graphql/json-post.js';
import type { Gateway } from '../graphql/yoga.js';
import { type DirectServeOptions, serveDirect } from './serve-direct.js';

/*
 * POST /graphql as nearly every client sends it (one JSON operation, answered as JSON), served
 * straight from node:http: no Fetch Request, Headers or Response per call, which cost a measurable
 * share of the request's CPU (bench/CHANGES.md). Everything the app does to every request is done
 * here by the same functions the Fetch path uses (app/serve-direct.ts); the GraphQL work is Yoga's own
 * (graphql/json-post.ts). What this path declines (graphql/json-post.ts says what) goes the Fetch
 * way, as before.
 */

const PATH = '/graphql';

export interface GraphQLPostOptions extends DirectServeOptions {
  gateway: Gateway;
}

/**
 * The handler node:http hands a request with its body read: true when it took the request, false
 * when the request is the Fetch path's.
 */
export function createGraphQLPost(options: GraphQLPostOptions) {
  const run = createOperationRunner(options.gateway);

  return (incoming: IncomingMessage, response: ServerResponse, body: Buffer | undefined): boolean => {
    if (incoming.url !== PATH) return false;
    const params = jsonPostParams(
      { method: incoming.method, contentType: incoming.headers['content-type'], accept: incoming.headers.accept },
      body,
    );
    if (!params) return false;
    // The body is already parsed into `params`: the handler is not handed it again.
    const call = { incoming, response, body: undefined, route: PATH, pathname: PATH };
    serveDirect(options, call, (request) => run(request, params));
    return true;
  };
}
