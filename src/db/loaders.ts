import DataLoader from 'dataloader';
import type { Db, UserRow } from './database.js';
import { findUsersByIds } from './users.repository.js';

export interface Loaders {
  /** Users of the request's tenant by internal id; one query per batch however many are asked. */
  user: DataLoader<number, UserRow>;
}

/** Fresh loaders for one request, so nothing cached outlives it or crosses tenants. */
export function createLoaders(db: Db, tenant: string): Loaders {
  return {
    user: new DataLoader(async (ids) => {
      const rows = await findUsersByIds(db, tenant, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? new Error(`User ${id} is missing`));
    }),
  };
}
