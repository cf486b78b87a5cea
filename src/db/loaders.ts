import DataLoader from 'dataloader';
import type { Db, UserRow } from './database.js';
import { findUsersByIds } from './users.repository.js';

export interface Loaders {
  /** Users of the request's tenant by internal id; one query per batch however many are asked. */
  user: DataLoader<number, UserRow>;
}

/**
 * Loaders for one operation's tenant. They batch (one query per tick, whatever the page size)
 * but keep no cache: a subscription lives as long as its socket, and each event it delivers
 * must show users as they are now, not as they were when it started.
 */
export function createLoaders(db: Db, tenant: string): Loaders {
  return {
    user: new DataLoader(
      async (ids) => {
        const rows = await findUsersByIds(db, tenant, [...new Set(ids)]);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? new Error(`User ${id} is missing`));
      },
      { cache: false },
    ),
  };
}
