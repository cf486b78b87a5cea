import type { TypedDocumentString } from '../gql/graphql.js';
import type { DeclaredError } from '../platform/errors.js';
import { MAX_PER_PAGE } from '../platform/pagination.js';
import {
  type BodySchema,
  type IntegerInput,
  type ParsedInput,
  pathParamNames,
  type QuerySchema,
} from './input-schema.js';
import { type JsonSchema, string } from './json-schema.js';
import type { Method } from './router.js';
import type { RestErrorCode } from './status.js';

/** What the GraphQL operation's root field returns when it succeeds (its union minus errors). */
type Success<Result> = Exclude<Result[keyof Result], { code: unknown } | null | undefined>;

/**
 * One REST route: the GraphQL operation behind it, its inputs as data (query parameters and
 * JSON body fields, parsed by the shim from these declarations), how the parsed input becomes
 * the operation's variables, how the result becomes the documented JSON, and what the OpenAPI
 * document says about it (generated from these same declarations by `openapi.ts`). Each module
 * declares its own routes (`src/modules/<feature>/<feature>.rest.ts`); `routes.ts` composes them.
 */
export interface Route<
  Result = any,
  Variables = any,
  Path extends string = string,
  Query extends QuerySchema = QuerySchema,
  Body extends BodySchema = BodySchema,
> {
  method: Method;
  /** `:name` segments are path parameters, described in `PATH_PARAMS` (see `pathParamOf`). */
  path: Path;
  /**
   * What the path's `:userId` names. `acting` (the default): the user the call acts as, whom a
   * user token may only be itself; the shim refuses any other (403 FORBIDDEN) before reading the
   * input. `looked-up`: a user whose public profile any caller of the tenant may read; the
   * domain's lookup (`lookUpUser`) decides, and no 403 applies. `recipient`: a user the call
   * is sent to, not one it acts as (a game notification's): the domain decides who may send.
   */
  pathUser?: 'acting' | 'looked-up' | 'recipient';
  summary: string;
  description?: string;
  tag: Tag;
  /** Query parameters, parsed and documented in this order. */
  query?: Query;
  /** The JSON object body's fields, when the route reads a body. */
  body?: Body;
  operation: TypedDocumentString<Result, Variables>;
  variables(input: ParsedInput<Path, Query, Body>): Variables;
  /** The statuses a success is answered with, and its body. */
  success: { statuses: readonly number[]; description: string; schema: JsonSchema };
  respond(data: Success<Result>): { status: number; body: unknown };
  /**
   * The failures of this route's own rules: the `failures` its service operation declares
   * beside it (`errors: sendConnectionRequest.failures`), never a list kept by hand. Those every
   * route may answer (authentication, validation, database outage) and those that follow from
   * the route's kind (a body, a write, an idempotency key) are added by the document's generator.
   */
  errors: readonly DeclaredError<RestErrorCode>[];
}

/** A route, typed from its own declarations (its inputs' parsed types, its operation's result). */
export function route<
  Result,
  Variables,
  const Path extends string,
  const Query extends QuerySchema = Record<never, never>,
  const Body extends BodySchema = Record<never, never>,
>(definition: Route<Result, Variables, Path, Query, Body>): Route<Result, Variables, Path, Query, Body> {
  return definition;
}

/** The document's tags, in order, with what they group. */
export const TAGS = {
  Users: 'Players as the game backend registers them.',
  'Connection requests': 'Asking to connect, and answering.',
  Connections: 'The connections of a user.',
  Notifications:
    'What happened to a user: requests received, answered, withdrawn; invites received and answered; and what the game sent.',
  'Game notifications': 'Notifications of the game’s own types, sent by its backend (beyond the documented API).',
  Privacy: 'Who may send a user requests, and whom a user blocks (beyond the documented API).',
  Discovery: 'Relationship status, mutual connections and suggestions (beyond the documented API).',
  Presence: 'Who is online and what they are playing (beyond the documented API).',
  Invites: 'Inviting connections to join a game, and answering (beyond the documented API).',
  'Recent players': 'Who played together, as the game’s backend reports it (beyond the documented API).',
} as const;
export type Tag = keyof typeof TAGS;

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** A path parameter holding a public id (a request's, a connection's, a notification's). */
export const publicIdParam = (what: string): JsonSchema =>
  string({
    description: `The ${what}'s id, as returned by the API: an integer below 2^53 (ids issued before ids had kinds, below 2^52, are still accepted).`,
    pattern: '^(0|[1-9][0-9]{0,15})$',
  });

/**
 * Whether the route acts as the user its path names: then only that user's own token, or a
 * service token of its tenant, may call it. The shim checks this before anything else (403
 * FORBIDDEN), and the OpenAPI document lists the 403.
 */
export function actsAsPathUser(route: Route): boolean {
  return pathParamNames(route.path).includes('userId') && (route.pathUser ?? 'acting') === 'acting';
}

/** The query parameters of a list asked for by page number. */
export const pageParams = (defaultPerPage: number) =>
  ({
    page: { type: 'integer', minimum: 1, default: 1, description: 'Page number, from 1.' },
    per_page: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_PER_PAGE,
      default: defaultPerPage,
      description: 'Items per page.',
    },
  }) satisfies Record<string, IntegerInput>;
