import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `host` and `port` (0 picks a free port); resolves to the base URL clients use. */
export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve(`http://${shown}:${bound}`);
    });
  });
}

export interface Shutdown {
  server: Server;
  /** The WebSockets: closed with 1001 first, cut at the deadline. */
  sockets: { close(): void | Promise<void>; terminate(): void };
  graceMs: number;
  /** What the app opened, closed in this order once no request is left. */
  release: readonly (() => Promise<void> | void)[];
}

/**
 * Stops accepting, closes sockets with 1001, lets in-flight HTTP requests finish within the
 * grace period, then cuts what is left (long-lived SSE streams, sockets that never answered the
 * close) and releases what the app opened.
 */
export async function shutdown({ server, sockets, graceMs, release }: Shutdown): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  let deadline: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => {
    deadline = setTimeout(resolve, graceMs);
  });
  server.closeIdleConnections();
  // A client that stopped reading never completes the close handshake: drop it at the deadline.
  await Promise.race([Promise.resolve(sockets.close()), graceOver]);
  sockets.terminate();
  await Promise.race([closed, graceOver]);
  clearTimeout(deadline);
  server.closeAllConnections();
  await closed;
  for (const step of release) await step();
}
