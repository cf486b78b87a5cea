/**
 * The bare reads the baseline (bench/baseline-server.ts) and the peer servers (bench/peers/)
 * share, so that every comparison runs exactly the same SQL statements and the same JWT check
 * and token cache: only the layers above them differ.
 */
import { jwtVerify } from 'jose';
import type pg from 'pg';

export interface UserRow {
  id: number;
  client_user_id: string;
  display_name: string;
  connection_count: number;
  share_presence: string;
  last_seen_at: Date | null;
}

export interface EdgeRow {
  connection_id: number;
  other_user_id: number;
  created_at: Date;
  nickname: string | null;
  note: string | null;
  favorite: boolean;
}

/** Who a verified token speaks for. */
export interface BareViewer {
  tenant: string;
  role: string;
  subject: string;
}

/**
 * The tenant an `Authorization: Bearer` header's token names, or null; verified tokens are
 * remembered, as the gateway does, so that all pay the same for auth.
 */
export function verifiedTenants(key: Uint8Array): (authorization: string | undefined) => Promise<string | null> {
  const viewerOf = verifiedViewers(key);
  return async (authorization) => (await viewerOf(authorization))?.tenant ?? null;
}

/** Who an `Authorization: Bearer` header's token speaks for, or null; remembered as above. */
export function verifiedViewers(key: Uint8Array): (authorization: string | undefined) => Promise<BareViewer | null> {
  const verified = new Map<string, { viewer: BareViewer; exp: number }>();
  return async (authorization) => {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const known = verified.get(match[1]);
    if (known && known.exp > Date.now()) return known.viewer;
    try {
      const { payload } = await jwtVerify(match[1], key, { algorithms: ['HS256'] });
      const viewer = {
        tenant: typeof payload.tenant === 'string' ? payload.tenant : 'default',
        role: payload.role === 'service' ? 'service' : 'user',
        subject: String(payload.sub),
      };
      if (verified.size > 10_000) verified.clear();
      verified.set(match[1], { viewer, exp: (payload.exp ?? 0) * 1000 });
      return viewer;
    } catch {
      return null;
    }
  };
}

/** The statements of a page of connections: the acting user, the page, the page's users. */
export function bareReads(pool: pg.Pool) {
  return {
    async findUser(tenant: string, clientUserId: string): Promise<UserRow | undefined> {
      const { rows } = await pool.query<UserRow>(
        'select * from "users" where "tenant" = $1 and "client_user_id" = $2',
        [tenant, clientUserId],
      );
      return rows[0];
    },

    async usersByIds(tenant: string, ids: readonly number[]): Promise<Map<number, UserRow>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const placeholders = unique.map((_, i) => `$${i + 2}`).join(', ');
      const { rows } = await pool.query<UserRow>(
        `select * from "users" where "tenant" = $1 and "id" in (${placeholders})`,
        [tenant, ...unique],
      );
      return new Map(rows.map((row) => [row.id, row]));
    },

    /** `limit + 1` rows of the user's newest connections from `offset`, to learn whether more follow. */
    async newestEdges(userId: number, limit: number, offset: number): Promise<EdgeRow[]> {
      const window = `limit $2${offset > 0 ? ' offset $3' : ''}`;
      const { rows } = await pool.query<EdgeRow>(
        `select "connection_id", "other_user_id", "created_at", "nickname", "note", "favorite" from "connection_edges" where "user_id" = $1 order by "created_at" desc, "connection_id" desc ${window}`,
        offset > 0 ? [userId, limit + 1, offset] : [userId, limit + 1],
      );
      return rows;
    },
  };
}
