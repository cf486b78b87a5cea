/**
 * A peer for the `peers` scenario: Fastify + Mercurius with graphql-jit (`jit: 1`: each document
 * is compiled on its first use), answering the read scenario's `activeConnections` document with
 * the baseline's SQL, DataLoader batching, JWT check and token cache (./shared.ts). Nothing else:
 * no limits, masking, metrics or logs.
 *
 *   BENCH_DATABASE_URL=postgres://… PORT=4108 JWT_SECRET=… tsx bench/peers/mercurius-server.ts
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { openPeerStore, PEER_SCHEMA, resolveResultType, UnauthorizedError } from './shared.js';

const port = Number(process.env.PORT ?? 4108);
const store = await openPeerStore();
const app = Fastify();

await app.register(mercurius, {
  schema: PEER_SCHEMA,
  // Mercurius names a union's resolver `resolveType`.
  resolvers: { ...store.resolvers, QueryActiveConnectionsResult: { resolveType: resolveResultType } } as never,
  context: async (request) => {
    try {
      return await store.peerContext(request.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthorizedError) throw new mercurius.ErrorWithProps('Unauthorized', {}, 401);
      throw error;
    }
  },
  jit: 1,
  graphiql: false,
});

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`mercurius listening on ${port}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void app.close().then(() => store.close().then(() => process.exit(0))));
}
