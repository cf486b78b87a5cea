import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy to `127.0.0.1:targetPort` that can cut the network without closing anything, as a
 * partition does: while paused, bytes in both directions are held (the peers hear nothing and
 * their calls time out), and on resume they arrive in order, as TCP delivers them once the
 * network heals.
 */
export async function pausableProxy(targetPort: number) {
  let paused = false;
  let held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => {});
    }
    const forward = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (paused) held.push(() => to.write(chunk));
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const release = held;
      held = [];
      for (const write of release) write();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
