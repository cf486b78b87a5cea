import DataLoader from 'dataloader';
import { countMutualConnections, type MutualCountKey } from '../modules/discovery/graph.repository.js';
import { findInvitesByIds } from '../modules/invites/invites.repository.js';
import type { InviteRow } from '../modules/invites/invites.table.js';
import type { PresenceEngine } from '../modules/presence/presence.engine.js';
import type { PresenceView } from '../modules/presence/presence.rules.js';
import { connectionsOfViewer, needsConnectionCheck, presenceAsSeenBy } from '../modules/presence/presence.service.js';
import { findUsersByIds } from '../modules/users/users.repository.js';
import type { UserRow } from '../modules/users/users.table.js';
import type { Viewer } from '../platform/auth/viewer.js';
import type { Db } from '../platform/db/database.js';

export interface Loaders {
  /** Users of the request's tenant by internal id; one query per batch however many are asked. */
  user: DataLoader<number, UserRow>;
  /** Invites of the request's tenant by internal id (notifications about them), one query per batch. */
  invite: DataLoader<number, InviteRow | null>;
  /**
   * Mutual connections of pairs of users (see `countMutualConnections`), one query per batch:
   * null when the other user is not one of the tenant, or is the user itself.
   */
  mutualConnectionCount: DataLoader<MutualCountKey, number | null>;
  /**
   * Users' presence as the request's viewer may see it (null where it may not): one read of the
   * presence store and at most one query (is the viewer their connection?) per batch.
   */
  presence: DataLoader<UserRow, PresenceView | null>;
  /**
   * Users the viewer is known to be connected to in this request (the viewer's own connection
   * list was read): their presence needs no connection check.
   */
  knownConnections: Set<number>;
}

const pairKey = (key: MutualCountKey) =>
  'otherUserId' in key ? `${key.userId}:${key.otherUserId}` : `${key.userId}:c:${key.otherClientUserId}`;

/**
 * Loaders for one operation's tenant. They batch (one query per tick, whatever the page size)
 * but keep no cache: a subscription lives as long as its socket, and each event it delivers
 * must show users as they are now, not as they were when it started.
 *
 * Each loader is made the first time it is used: every operation gets a context, and a
 * subscription keeps its own for as long as its socket stays open, mostly idle; ten thousand
 * idle subscribers would otherwise hold forty thousand loaders that never ran (bench/CHANGES.md).
 */
export function createLoaders(db: Db, viewer: Viewer | null, presence: PresenceEngine): Loaders {
  return new OperationLoaders(db, viewer, presence);
}

class OperationLoaders implements Loaders {
  #user: Loaders['user'] | undefined;
  #invite: Loaders['invite'] | undefined;
  #mutualConnectionCount: Loaders['mutualConnectionCount'] | undefined;
  #presence: Loaders['presence'] | undefined;
  #knownConnections: Set<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly viewer: Viewer | null,
    private readonly presenceEngine: PresenceEngine,
  ) {}

  get #tenant(): string {
    return this.viewer?.tenant ?? '';
  }

  get knownConnections(): Set<number> {
    this.#knownConnections ??= new Set();
    return this.#knownConnections;
  }

  get user(): Loaders['user'] {
    this.#user ??= new DataLoader(
      async (ids) => {
        const rows = await findUsersByIds(this.db, this.#tenant, [...new Set(ids)]);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? new Error(`User ${id} is missing`));
      },
      { cache: false },
    );
    return this.#user;
  }

  get invite(): Loaders['invite'] {
    this.#invite ??= new DataLoader(
      async (ids) => {
        const rows = await findInvitesByIds(this.db, this.#tenant, [...new Set(ids)]);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    );
    return this.#invite;
  }

  get mutualConnectionCount(): Loaders['mutualConnectionCount'] {
    this.#mutualConnectionCount ??= new DataLoader(
      async (keys) => {
        // A page may ask for the same pair more than once; each is counted once.
        const unique = [...new Map(keys.map((key) => [pairKey(key), key])).values()];
        const counts = await countMutualConnections(this.db, this.#tenant, unique);
        const byKey = new Map(unique.map((key, i) => [pairKey(key), counts[i] ?? null]));
        return keys.map((key) => byKey.get(pairKey(key)) ?? null);
      },
      { cache: false },
    );
    return this.#mutualConnectionCount;
  }

  get presence(): Loaders['presence'] {
    this.#presence ??= new DataLoader(
      async (users) => {
        const { viewer, db } = this;
        if (!viewer) return users.map(() => null);
        const known = this.knownConnections;
        const ids = [...new Set(users.map((user) => user.id))];
        const records = await this.presenceEngine.records(this.#tenant, ids);
        const toCheck = [
          ...new Set(
            users.filter((user) => needsConnectionCheck(viewer, user) && !known.has(user.id)).map((user) => user.id),
          ),
        ];
        const connected = toCheck.length > 0 ? await connectionsOfViewer({ db }, viewer, toCheck) : new Set<number>();
        return users.map((user) =>
          presenceAsSeenBy(viewer, user, records.get(user.id) ?? null, known.has(user.id) || connected.has(user.id)),
        );
      },
      { cache: false },
    );
    return this.#presence;
  }
}
