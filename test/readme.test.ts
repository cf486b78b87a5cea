import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';
import { DEVELOPMENT_JWT_SECRET } from '../src/platform/config.js';
import { collect, exited, listeningUrl, startServer } from './helpers/process.js';

/*
 * The examples of the README and of the docs pages, exactly as written, against `npm start` as
 * a new user runs it (development defaults: embedded PostgreSQL, the development secret
 * `npm run token` signs with, the rate budgets at their defaults).
 */

const run = promisify(execFile);
const root = new URL('../', import.meta.url);

/**
 * The files whose examples run, in the order a reader meets them: the README first (its curl
 * walkthrough sets `$API` and the tokens the docs' curl examples go on with), then the API
 * reference and every module page.
 */
const FILES = [
  'README.md',
  'docs/API.md',
  ...readdirSync(new URL('docs/modules/', root))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/modules/${name}`),
];
const TEXTS = FILES.map((path) => readFileSync(new URL(path, root), 'utf8'));

/** The fenced blocks of one language of those files, file by file, in order. */
function blocks(language: string): string[] {
  return TEXTS.flatMap((text) =>
    [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1] as string),
  );
}

/** A reader's shell: no JWT_SECRET, so `npm run token` signs as the development server verifies. */
function readerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['JWT_SECRET', 'NODE_ENV', 'DATABASE_URL', 'TEST_DATABASE_URL']) delete env[name];
  return env;
}

let url: string;
let server: ReturnType<typeof startServer>;
beforeAll(async () => {
  server = startServer({ NODE_ENV: 'development' });
  url = await listeningUrl(server, collect(server));
}, 60_000);
afterAll(async () => {
  server?.kill('SIGTERM');
  if (server) await exited(server);
});

describe('README', () => {
  it('should run the curl walkthrough and the GraphQL examples as written, every call succeeding', async () => {
    // Every shell block that talks to the server, in the order a reader meets them.
    const shell = blocks('sh').filter((block) => block.includes('$API'));
    // The README's walkthrough comes first: it sets `$API`, which is pointed at this server.
    expect(shell[0]).toMatch(/^API=/);
    const script = shell.join('\n').replace(/^API=.*$/m, `API=${url}`);
    expect(script).toContain('sendConnectionRequest(receiverId: \\"userB\\"');

    // A failing call (HTTP 4xx or 5xx) fails the script; every response is kept for the checks.
    const { stdout } = await run(
      'bash',
      ['-c', `set -euo pipefail\ncurl() { command curl -sS --fail-with-body "$@"; echo; }\n${script}`],
      { env: readerEnv(), timeout: 120_000 },
    );

    expect(stdout).not.toContain('"errors"');
    expect(stdout).toContain('"message":"Connection request accepted successfully"');
    expect(stdout).toContain('"message":"Connection removed successfully"');
    // The GraphQL examples: a literal send, the same again with a variable (a typed conflict),
    // a profile looked up, and a query picked by name over GET.
    expect(stdout).toContain('"__typename":"SendConnectionRequestPayload"');
    expect(stdout).toContain('"code":"REQUEST_ALREADY_PENDING"');
    expect(stdout).toContain('"user":{"__typename":"User","clientUserId":"userB","displayName":"PlayerTwo"');
    expect(stdout).toContain('"receivedConnectionRequests":{"__typename":"ConnectionRequestPage","totalCount":1}');
  }, 180_000);

  it('should answer every operation of its GraphQL blocks without an error', async () => {
    const token = await signToken(secretKey(DEVELOPMENT_JWT_SECRET), { sub: 'readme-reader' });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    await fetch(`${url}/v1/users/readme-reader`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ display_name: 'Reader' }),
    });
    const operations = blocks('graphql').flatMap((query) =>
      parse(query)
        .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => ({ query, operationName: d.name?.value })),
    );
    expect(operations.length).toBeGreaterThan(1);
    // The README's own example and the API reference's friends panel are among them.
    expect(operations.map((operation) => operation.operationName)).toEqual(
      expect.arrayContaining(['MyFriends', 'Friends', 'MoreFriends']),
    );

    for (const operation of operations) {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify(operation) });
      const body = (await response.json()) as { data?: Record<string, { __typename?: string }>; errors?: unknown };

      expect({ operation: operation.operationName, errors: body.errors }).toEqual({
        operation: operation.operationName,
        errors: undefined,
      });
      for (const result of Object.values(body.data ?? {})) expect(result.__typename).not.toMatch(/Error$/);
    }
  });
});
