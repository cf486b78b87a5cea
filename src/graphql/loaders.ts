import DataLoader from 'dataloader';
import { countMutualConnections, type MutualCountKey } from '../modules/discovery/graph.repository.js';
import { findUsersByIds } from '../modules/users/users.repository.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { Db } from '../platform/db/database.js';

export interface Loaders {
  /** Users of the request's tenant by internal id; one query per batch however many are asked. */
  user: DataLoader<number, UserRow>;
  /**
   * Mutual connections of pairs of users (see `countMutualConnections`), one query per batch:
   * null when the other user is not one of the tenant, or is the user itself.
   */
  mutualConnectionCount: DataLoader<MutualCountKey, number | null>;
}

const pairKey = (key: MutualCountKey) =>
  'otherUserId' in key ? `${key.userId}:${key.otherUserId}` : `${key.userId}:c:${key.otherClientUserId}`;

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
    mutualConnectionCount: new DataLoader(
      async (keys) => {
        // A page may ask for the same pair more than once; each is counted once.
        const unique = [...new Map(keys.map((key) => [pairKey(key), key])).values()];
        const counts = await countMutualConnections(db, tenant, unique);
        const byKey = new Map(unique.map((key, i) => [pairKey(key), counts[i] ?? null]));
        return keys.map((key) => byKey.get(pairKey(key)) ?? null);
      },
      { cache: false },
    ),
  };
}
