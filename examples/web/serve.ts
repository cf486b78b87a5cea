/**
 * `npm run example:web`: the reference web client and the gateway on one port (default 4100;
 * PORT, DATABASE_URL and the gateway's other variables apply). Open the printed URL in two
 * browser windows, sign in as two demo players, connect them, and invite one to play from the
 * other's friends list. DEVELOPMENT ONLY: it hands out tokens for the demo players to anyone (see
 * server.ts).
 */
import { startWebExample } from './server.js';

const example = await startWebExample().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(
  `web example: ${example.url}  (gateway on the same origin: ${example.url}/graphql; dev tokens at /demo/token)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    example.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
