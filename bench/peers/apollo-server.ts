/**
 * A peer for the `peers` scenario: Apollo Server 4 (graphql-js, its standalone Express server)
 * answering the read scenario's `activeConnections` document with the baseline's SQL, DataLoader
 * batching, JWT check and token cache (./shared.ts). Only Apollo's cache-control plugin is
 * switched off (it times and merges a cache policy for every field; nothing here reads it):
 * no limits, masking, metrics or logs.
 *
 *   BENCH_DATABASE_URL=postgres://… PORT=4109 JWT_SECRET=… tsx bench/peers/apollo-server.ts
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GraphQLError } from 'graphql';
import { openPeerStore, PEER_SCHEMA, type PeerContext, resolveResultType, UnauthorizedError } from './shared.js';

const port = Number(process.env.PORT ?? 4109);
const store = await openPeerStore();

const server = new ApolloServer<PeerContext>({
  typeDefs: PEER_SCHEMA,
  // graphql-tools names a union's resolver `__resolveType`.
  resolvers: { ...store.resolvers, QueryActiveConnectionsResult: { __resolveType: resolveResultType } } as never,
  plugins: [ApolloServerPluginCacheControlDisabled()],
});

await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async ({ req }) => {
    try {
      return await store.peerContext(req.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthorizedError) {
        throw new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      throw error;
    }
  },
});
process.stdout.write(`apollo listening on ${port}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void server.stop().then(() => store.close().then(() => process.exit(0))));
}
