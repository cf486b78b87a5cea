import type { ExecutionResult } from 'graphql';
import type { GraphQLParams } from 'graphql-yoga';
import { type Gateway, preparedQueriesOf } from './yoga.js';

/*
 * GraphQL over HTTP as nearly every client sends it: one operation, POSTed as a JSON object,
 * answered as JSON. For that request Yoga's generic machinery (its HTTP adapter's plugin hooks,
 * the request-parser selection, the body read again through the Fetch API, a chain of promise
 * helpers per step) and the Fetch objects themselves (a Request, Headers and a Response per
 * call) are a measurable share of the request's CPU (bench/CHANGES.md). app/graphql-post.ts
 * takes such a request straight from node:http with the body the listener read, and this module
 * runs it as a prepared query when it is one (prepared-queries.ts), else hands its parameters to
 * Yoga's own `getResultForParams` (every `onParams` hook, the whole
 * envelop pipeline: limits, read cost, masking, metrics, logs; every `onExecutionResult` hook)
 * and then to Yoga's own `onResultProcess` hooks (content negotiation, status codes, production
 * redaction, request ids in errors): the answer is Yoga's, byte for byte.
 *
 * Everything else goes to Yoga as before, decided before anything runs: GET, batches, forms,
 * any other content type, a client asking for a stream (SSE, multipart), a subscription, a body
 * that is not a JSON object of the four GraphQL parameters. Those are rare, and Yoga answers
 * their errors.
 */

/** The parameters a GraphQL-over-HTTP body may carry; any other key is Yoga's to refuse. */
const PARAMETERS = new Set(['query', 'operationName', 'variables', 'extensions']);

const isObjectOrAbsent = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));

/** The body's GraphQL parameters when it is exactly what Yoga would accept, else undefined. */
function paramsOf(body: Buffer): GraphQLParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const params = parsed as Record<string, unknown>;
  for (const key in params) if (!PARAMETERS.has(key) && params[key] != null) return undefined;
  const { query, operationName, variables, extensions } = params;
  if (typeof query !== 'string' || query === '') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (!isObjectOrAbsent(variables) || !isObjectOrAbsent(extensions)) return undefined;
  return params as GraphQLParams;
}

/** `application/json`, with at most a UTF-8 charset: what Yoga's JSON parser takes, narrowed. */
const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
/** Accept values naming a streaming answer, which Yoga builds as a stream. */
const STREAMING_ACCEPT = /event-stream|multipart/i;

type ResultProcessor = (
  result: unknown,
  fetchAPI: Gateway['fetchAPI'],
  mediaType: string,
) => Response | Promise<Response>;
interface ResultProcessHookPayload {
  request: Request;
  acceptableMediaTypes: string[];
  result: unknown;
  setResult(result: unknown): void;
  resultProcessor: ResultProcessor | undefined;
  setResultProcessor(processor: ResultProcessor, mediaType: string): void;
  serverContext: object;
}
type ResultProcessHook = (payload: ResultProcessHookPayload) => unknown;

/**
 * Yoga keeps its `onResultProcess` hooks (its own content negotiation first, then ours) in a
 * field its typings call private. Read once at startup; a Yoga without it fails here, loudly,
 * rather than answering differently.
 */
function resultProcessHooks(gateway: Gateway): readonly ResultProcessHook[] {
  const hooks = (gateway as unknown as { onResultProcessHooks?: unknown }).onResultProcessHooks;
  if (!Array.isArray(hooks) || hooks.length === 0) {
    throw new Error('graphql-yoga no longer exposes onResultProcessHooks: the JSON POST path needs updating');
  }
  return hooks as ResultProcessHook[];
}

/**
 * The headers of a processed answer, as the Fetch API keeps them (names lower-cased, values
 * trimmed) for what reads and sets them on the way out (CORS, the request id, the writing):
 * a Fetch `Headers` object per answer cost more than the rest of the answer's making.
 */
class AnswerHeaders {
  readonly #values = new Map<string, string>();

  constructor(init: Record<string, string> | Headers | undefined) {
    if (init instanceof Headers) {
      init.forEach((value, name) => {
        this.set(name, value);
      });
    } else if (init) {
      for (const name of Object.keys(init)) this.set(name, init[name] as string);
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.#values.set(name.toLowerCase(), String(value).trim());
  }

  append(name: string, value: string): void {
    const existing = this.get(name);
    this.set(name, existing === null ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.#values.delete(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.#values) callback(value, name);
  }
}

/** What a result processor answered: the status, headers and body of the HTTP response. */
export class ProcessedResponse {
  readonly status: number;
  readonly headers: Headers;
  constructor(
    readonly body: string | null,
    init: { status?: number; headers?: Record<string, string> | Headers } = {},
  ) {
    this.status = init.status ?? 200;
    // Read only through the methods above (app/serve-direct.ts, app/cors.ts, writeAnswer).
    this.headers = new AnswerHeaders(init.headers) as unknown as Headers;
  }

  async text(): Promise<string> {
    return this.body ?? '';
  }
}

/**
 * The Fetch API the result processors are handed: their Response is only recorded, and written
 * to the socket by the caller (app/graphql-post.ts), with no body stream or Response object.
 */
const recordingFetchAPI = { Response: ProcessedResponse } as unknown as Gateway['fetchAPI'];

/** The parts of a request that decide whether it takes this path. */
export interface JsonPostHead {
  method: string | undefined;
  contentType: string | undefined;
  accept: string | undefined;
}

/** The GraphQL parameters of a single JSON POST this path serves, or undefined for Yoga's path. */
export function jsonPostParams(head: JsonPostHead, body: Buffer | undefined): GraphQLParams | undefined {
  if (head.method !== 'POST' || body === undefined) return undefined;
  if (!JSON_CONTENT_TYPE.test(head.contentType ?? '')) return undefined;
  if (STREAMING_ACCEPT.test(head.accept ?? '')) return undefined;
  const params = paramsOf(body);
  // A subscription may be answered with a stream even to `Accept: */*` (Yoga's SSE processor):
  // Yoga's path serves it. Every subscription's document holds the keyword; a document that
  // merely mentions the word goes that way too, answered the same.
  if (params?.query?.includes('subscription')) return undefined;
  return params;
}

/**
 * Runs one request's parameters through Yoga's `getResultForParams` and `onResultProcess` hooks.
 * Built once per gateway.
 */
export function createOperationRunner(gateway: Gateway) {
  const hooks = resultProcessHooks(gateway);

  /** Yoga's `processResult`: every hook may replace the result and pick the processor. */
  async function respond(request: Request, result: unknown, serverContext: object): Promise<ProcessedResponse> {
    let processor: ResultProcessor | undefined;
    let mediaType = '*/*';
    const acceptableMediaTypes: string[] = [];
    for (const hook of hooks) {
      const pending = hook({
        request,
        acceptableMediaTypes,
        result,
        setResult: (replaced) => {
          result = replaced;
        },
        resultProcessor: processor,
        setResultProcessor: (chosen, chosenMediaType) => {
          processor = chosen;
          mediaType = chosenMediaType;
        },
        serverContext,
      });
      if (pending instanceof Promise) await pending;
    }
    if (!processor) {
      return new ProcessedResponse(null, {
        status: 406,
        headers: { accept: acceptableMediaTypes.join('; charset=utf-8, ') },
      });
    }
    return (await processor(result, recordingFetchAPI, mediaType)) as unknown as ProcessedResponse;
  }

  const prepared = preparedQueriesOf(gateway);

  return async function run(request: Request, params: GraphQLParams): Promise<ProcessedResponse> {
    // Yoga assigns `request` and `params` into the server context it is handed: a fresh one.
    const serverContext = {};
    const result =
      (await prepared?.run(request, params)) ??
      ((await gateway.getResultForParams({ params, request }, serverContext)) as ExecutionResult);
    return respond(request, result, serverContext);
  };
}
