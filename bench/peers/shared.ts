/**
 * What the peer servers (bench/peers/*-server.ts) share: the schema they answer, the baseline's
 * SQL statements, JWT check and token cache (bench/baseline-server.ts, word for word), and the
 * resolvers. Each peer adds only its framework's HTTP and GraphQL layer, so that the `peers`
 * scenario compares frameworks, not queries.
 */
import DataLoader from 'dataloader';
import { GraphQLScalarType } from 'graphql';
import pg from 'pg';
import { PublicIds } from '../../src/platform/public-ids.js';
import { bareReads, type EdgeRow, type UserRow, verifiedTenants } from '../bare-reads.js';

/**
 * The part of the gateway's schema (schema/schema.graphql) the read scenario's document selects,
 * with the gateway's type names, so that `__typename` and every value come out the same.
 */
export const PEER_SCHEMA = /* GraphQL */ `
  scalar DateTime

  type User {
    clientUserId: String!
    displayName: String!
  }

  type Connection {
    id: ID!
    connectedSince: DateTime!
    connectedUser: User!
  }

  type Pagination {
    totalItems: Int!
  }

  type ConnectionPage {
    nodes: [Connection!]!
    pagination: Pagination
  }

  type NotFoundError {
    id: ID!
    message: String!
  }

  union QueryActiveConnectionsResult = ConnectionPage | NotFoundError

  type Query {
    activeConnections(userId: ID, page: Int, perPage: Int): QueryActiveConnectionsResult!
  }
`;

interface ConnectionPageResult {
  __typename: 'ConnectionPage';
  rows: EdgeRow[];
  totalItems: number;
}

interface NotFoundResult {
  __typename: 'NotFoundError';
  id: string;
  message: string;
}

/** What every resolver gets: the token's tenant and this request's batch loader of users. */
export interface PeerContext {
  tenant: string;
  users: DataLoader<number, UserRow | undefined>;
}

/** Thrown by `peerContext` for a request without a valid token; the peers answer it with 401. */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

/** The database side of a peer: the baseline's pool, statements and token check. */
export interface PeerStore {
  /** The context of one request, from its `authorization` header; throws UnauthorizedError. */
  peerContext(authorization: string | undefined): Promise<PeerContext>;
  /** The schema's resolvers, framework-neutral (the union's type is `__typename`, see `resolveResultType`). */
  resolvers: {
    DateTime: GraphQLScalarType;
    Query: Record<string, (root: unknown, args: ActiveArgs, context: PeerContext) => unknown>;
    ConnectionPage: Record<string, (page: ConnectionPageResult) => unknown>;
    Pagination: Record<string, (page: ConnectionPageResult) => unknown>;
    Connection: Record<string, (edge: EdgeRow, args: unknown, context: PeerContext) => unknown>;
    User: Record<string, (user: UserRow) => unknown>;
  };
  close(): Promise<void>;
}

interface ActiveArgs {
  userId?: string | null;
  page?: number | null;
  perPage?: number | null;
}

/** The union member of an `activeConnections` result. */
export const resolveResultType = (value: { __typename: string }) => value.__typename;

/** The DateTime scalar as the gateway serialises it (src/graphql/scalars.ts). */
const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => (value as Date).toISOString(),
});

/**
 * Opens the pool (as large as the baseline's, DATABASE_POOL_MAX) and reads the public id key
 * the gateway encodes connection ids with. Fails if the database cannot be reached.
 */
export async function openPeerStore(env: NodeJS.ProcessEnv = process.env): Promise<PeerStore> {
  const databaseUrl = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
  const key = new TextEncoder().encode(env.JWT_SECRET ?? '');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(env.DATABASE_POOL_MAX ?? 10) });
  pg.types.setTypeParser(20, Number);
  pool.on('error', () => {});
  const { rows: keyRows } = await pool.query<{ value: string }>(
    "select value from gateway_settings where name = 'public_id_key'",
  );
  const ids = new PublicIds(Buffer.from(keyRows[0]?.value ?? '', 'hex'));

  const tenantOf = verifiedTenants(key);
  const { findUser, usersByIds, newestEdges } = bareReads(pool);

  async function activePage(user: UserRow, page: number, perPage: number): Promise<EdgeRow[]> {
    return (await newestEdges(user.id, perPage, (page - 1) * perPage)).slice(0, perPage);
  }

  return {
    async peerContext(authorization) {
      const tenant = await tenantOf(authorization);
      if (!tenant) throw new UnauthorizedError('Unauthorized');
      return {
        tenant,
        // One batch per page: the names of a page's users in one statement, as the gateway's loader.
        users: new DataLoader(async (keys: readonly number[]) => {
          const found = await usersByIds(tenant, keys);
          return keys.map((id) => found.get(id));
        }),
      };
    },
    resolvers: {
      DateTime,
      Query: {
        activeConnections: async (_root, args, context): Promise<ConnectionPageResult | NotFoundResult> => {
          const userId = args.userId ?? '';
          const user = await findUser(context.tenant, userId);
          if (!user) return { __typename: 'NotFoundError', id: userId, message: `User ${userId} not found` };
          const rows = await activePage(user, args.page ?? 1, args.perPage ?? 10);
          // The total is kept on the user row (users.connection_count), as the gateway reads it.
          return { __typename: 'ConnectionPage', rows, totalItems: user.connection_count };
        },
      },
      ConnectionPage: { nodes: (page) => page.rows, pagination: (page) => page },
      Pagination: { totalItems: (page) => page.totalItems },
      Connection: {
        id: (edge) => ids.encode('connection', edge.connection_id),
        connectedSince: (edge) => edge.created_at,
        connectedUser: (edge, _args, context) => context.users.load(edge.other_user_id),
      },
      User: { clientUserId: (user) => user.client_user_id, displayName: (user) => user.display_name },
    },
    close: () => pool.end(),
  };
}
