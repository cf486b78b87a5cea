import { MAX_PER_PAGE } from '../platform/pagination.js';
import { PUBLIC_ID_BASE, PUBLIC_ID_LIMIT } from '../platform/public-ids.js';
import { array, integer, type JsonSchema, object, ref, string } from './json-schema.js';

/*
 * What several modules' routes answer alike: the component schemas they share and the helpers
 * that shape a GraphQL result into the documented JSON (snake case, ids as numbers).
 */

/** The response schemas every module may refer to (`ref('User')`), published as `components.schemas`. */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = {
  User: object({
    client_user_id: string({ description: "The game's id of the user." }),
    display_name: string(),
  }),
  Pagination: object({
    current_page: integer({ minimum: 1 }),
    total_pages: integer({ minimum: 0 }),
    total_items: integer({ minimum: 0 }),
    per_page: integer({ minimum: 1, maximum: MAX_PER_PAGE }),
  }),
  Message: object({ message: string({ description: 'What was done, for people.' }) }),
};

export const messageBody = ref('Message');

/** A public id in a response body: ids are strings in GraphQL, numbers in the documented JSON. */
export const publicId = (description: string) =>
  integer({ minimum: PUBLIC_ID_BASE, maximum: PUBLIC_ID_LIMIT - 1, description });

/** A user as the `RestUser` fragment reads it. */
export type RestUser = { clientUserId: string; displayName: string };
export const user = (u: RestUser) => ({ client_user_id: u.clientUserId, display_name: u.displayName });

type RestPagination = { currentPage: number; totalPages: number; totalItems: number; perPage: number };
/** Lists asked for by page always carry `pagination`; the engine leaves it out only for cursor paging. */
export function pagination(p: RestPagination | null | undefined) {
  if (!p) throw new Error('pagination missing from a page-number list');
  return { current_page: p.currentPage, total_pages: p.totalPages, total_items: p.totalItems, per_page: p.perPage };
}

export const ok = (body: unknown) => ({ status: 200, body });
export const okWith = (schema: JsonSchema, description: string) => ({ statuses: [200], description, schema });
/** A page of `items`, with `extra` fields, and its `pagination`. */
export const page = (items: string, schema: JsonSchema, extra: Record<string, JsonSchema> = {}) =>
  object({ [items]: array(schema), ...extra, pagination: ref('Pagination') });
