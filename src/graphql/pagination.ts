import type { ObjectRef } from '@pothos/core';
import type { Page } from '../platform/pagination.js';
import { builder, type Types } from './builder.js';
import type { FieldCost } from './operation-cost.js';

/** What counting a whole list costs, against a page read (1): a count runs over the list. */
export const COUNT_COST = 5;

/** `extensions` of a field priced at `cost` (see graphql/operation-cost.ts). */
export function costs(cost: FieldCost) {
  return { cost };
}

/** `extensions` of a paged list field: its lists cost their page size, `defaultPageSize` when none is asked for. */
export function pagedList(defaultPageSize: number, base = 1) {
  return costs({ base, defaultPageSize });
}

export const PageInfoRef = builder.objectRef<Page<unknown>>('PageInfo').implement({
  description: 'Relay-style cursors for scrolling a list without offset cost.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.string({
      nullable: true,
      resolve: (page) => (page.items[0] === undefined ? null : page.cursorOf(page.items[0])),
    }),
    endCursor: t.string({
      nullable: true,
      resolve: (page) => {
        const last = page.items.at(-1);
        return last === undefined ? null : page.cursorOf(last);
      },
    }),
  }),
});

export const PaginationRef = builder.objectRef<Page<unknown> & { page: number }>('Pagination').implement({
  description: 'Page-number position in a list, as the REST API reports it.',
  fields: (t) => ({
    currentPage: t.exposeInt('page'),
    totalPages: t.int({
      extensions: costs({ base: COUNT_COST }),
      resolve: async (page) => Math.ceil((await page.totalCount()) / page.perPage),
    }),
    totalItems: t.int({ extensions: costs({ base: COUNT_COST }), resolve: (page) => page.totalCount() }),
    perPage: t.exposeInt('perPage'),
  }),
});

/**
 * Defines `<Name>Page` and `<Name>Edge` for a list of `node`: the items, Relay edges and page
 * info, the total count, and page-number pagination when the list was asked for by page.
 */
export function pageType<Item, Extra extends object = object>(name: string, node: ObjectRef<Types, Item>) {
  const edge = builder.objectRef<{ item: Item; cursor: string }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: node, resolve: (e) => e.item as never }),
    }),
  });
  return builder.objectRef<Page<Item> & Extra>(`${name}Page`).implement({
    fields: (t) => ({
      nodes: t.field({ type: [node], resolve: (page) => page.items as never }),
      edges: t.field({
        type: [edge],
        resolve: (page) => page.items.map((item) => ({ item, cursor: page.cursorOf(item) })),
      }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (page) => page as Page<unknown> }),
      totalCount: t.int({
        description: 'Items in the whole list (after filters).',
        extensions: costs({ base: COUNT_COST }),
        resolve: (page) => page.totalCount(),
      }),
      pagination: t.field({
        type: PaginationRef,
        nullable: true,
        description: 'Set when the list was asked for by page number (not by cursor).',
        resolve: (page) => (page.page === null ? null : (page as Page<unknown> & { page: number })),
      }),
    }),
  });
}

/** Arguments every list accepts: page numbers, or Relay-style `first`/`after`. */
export const pageArgs = builder.args((t) => ({
  page: t.int({ description: 'Page number, 1-based (default 1).' }),
  perPage: t.int({
    description: 'Items per page (at most 50; default 10, 50 for notifications, 20 for player searches).',
  }),
  first: t.int({ description: 'Items after the cursor `after` (at most 50); selects cursor pagination.' }),
  after: t.string({ description: 'An `endCursor` or edge `cursor` from a previous page.' }),
}));
