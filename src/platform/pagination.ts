import { ValidationError } from './errors.js';
import type { PublicIds } from './public-ids.js';

export const MAX_PER_PAGE = 50;

/** Page arguments as both faces accept them: page numbers, or Relay-style `first`/`after`. */
export interface PageArgs {
  page?: number | null | undefined;
  perPage?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/**
 * Position of a row in a newest-first list: its creation time and id (the tie-breaker); in a
 * list ordered by something before that (favourites first), the row's `rank` in it (0 to 9).
 */
export interface Cursor {
  createdAt: Date;
  id: number;
  rank?: number;
}

/** Which slice of a list to read: `offset` rows skipped, or the rows strictly after `after`. */
export interface Window {
  limit: number;
  offset: number;
  after: Cursor | null;
}

export interface PageRequest {
  window: Window;
  /** Cursors carry public ids, never the sequential ids behind them. */
  ids: PublicIds;
  perPage: number;
  /** Set when the caller paginates by page number. */
  page: number | null;
}

export interface Page<T> {
  items: T[];
  /**
   * Items in the whole list. Counting reads every entry of the list's index, so it runs only
   * when asked for, except for page-number requests, which always report totals.
   */
  totalCount: () => Promise<number>;
  perPage: number;
  page: number | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  cursorOf: (item: T) => string;
}

function positiveInt(field: string, value: number, max?: number): number {
  if (!Number.isInteger(value) || value < 1 || (max !== undefined && value > max)) {
    throw new ValidationError(
      field,
      max === undefined ? '{field} must be a positive integer' : `{field} must be an integer between 1 and ${max}`,
    );
  }
  return value;
}

/** Validates page arguments; throws `ValidationError` naming the first bad one. */
export function parsePageArgs(args: PageArgs, defaultPerPage: number, ids: PublicIds): PageRequest {
  const byCursor = args.first != null || args.after != null;
  if (byCursor && args.page != null) {
    throw new ValidationError('page', 'page cannot be combined with first/after; use one style of pagination');
  }
  if (byCursor && args.perPage != null && args.first != null && args.perPage !== args.first) {
    throw new ValidationError('perPage', 'perPage and first disagree; give only one of them');
  }
  const perPage = positiveInt(
    byCursor && args.first != null ? 'first' : 'perPage',
    args.first ?? args.perPage ?? defaultPerPage,
    MAX_PER_PAGE,
  );
  if (byCursor) {
    const after = args.after != null ? decodeCursor(args.after, ids) : null;
    return { window: { limit: perPage, offset: 0, after }, ids, perPage, page: null };
  }
  const page = positiveInt('page', args.page ?? 1);
  // Deep offsets are legal but pointless beyond what an int can address.
  if ((page - 1) * perPage > 2_000_000_000) throw new ValidationError('page', 'page is too large');
  return { window: { limit: perPage, offset: (page - 1) * perPage, after: null }, ids, perPage, page };
}

// The row id is encoded as a cursor position, never as an id: a cursor's content names no object.
function encodeCursor(cursor: Cursor, ids: PublicIds): string {
  const rank = cursor.rank === undefined ? '' : `:${cursor.rank}`;
  return Buffer.from(`${cursor.createdAt.getTime()}:${ids.encode('cursor', cursor.id)}${rank}`).toString('base64url');
}

function decodeCursor(value: string, ids: PublicIds): Cursor {
  const match = /^(\d{1,15}):(\d{1,16})(?::(\d))?$/.exec(Buffer.from(value, 'base64url').toString());
  // Only times PostgreSQL can compare (years 1970 to 9999) can come from a real cursor.
  const createdAt = new Date(Number(match?.[1]));
  // Cursors issued before ids had kinds carry the earlier id form, which still decodes.
  const id = match ? ids.decode('cursor', Number(match[2])) : null;
  if (id === null || Number.isNaN(createdAt.getTime()) || createdAt.getUTCFullYear() > 9999) {
    throw new ValidationError('after', 'after is not a cursor returned by this API');
  }
  return match?.[3] === undefined ? { createdAt, id } : { createdAt, id, rank: Number(match[3]) };
}

/**
 * Assembles a page from the rows of one window (fetched with `limit + 1` to learn whether more
 * follow) and the list's counting query.
 */
export function toPage<T>(
  request: PageRequest,
  rows: T[],
  count: () => Promise<number>,
  cursorOf: (item: T) => Cursor,
): Page<T> {
  const { window } = request;
  let counted: Promise<number> | null = null;
  const totalCount = () => {
    counted ??= count();
    return counted;
  };
  return {
    items: rows.slice(0, window.limit),
    totalCount,
    perPage: request.perPage,
    page: request.page,
    hasNextPage: rows.length > window.limit,
    hasPreviousPage: window.offset > 0 || window.after !== null,
    cursorOf: (item) => encodeCursor(cursorOf(item), request.ids),
  };
}

/**
 * Reads one page: the window's rows and, for page-number requests (which always report totals),
 * the count alongside them; cursor requests count only if the caller asks.
 */
export async function readPage<T>(
  request: PageRequest,
  fetchRows: (window: Window) => Promise<T[]>,
  count: () => Promise<number>,
  cursorOf: (item: T) => Cursor,
): Promise<Page<T>> {
  if (request.page === null) return toPage(request, await fetchRows(request.window), count, cursorOf);
  const [rows, total] = await Promise.all([fetchRows(request.window), count()]);
  return toPage(request, rows, async () => total, cursorOf);
}
