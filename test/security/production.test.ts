import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { onTestQuery } from '../helpers/database.js';
import { liveClient } from '../helpers/live.js';

// Production as deployed with nothing but the required JWT_SECRET.
const production = useTestServer({ env: { NODE_ENV: 'production' } });
// Production with browsers on two sites, introspection and GraphiQL turned back on.
const configured = useTestServer({
  env: {
    NODE_ENV: 'production',
    CORS_ORIGINS: 'https://game.example, https://admin.example',
    GRAPHQL_INTROSPECTION: 'true',
    GRAPHIQL: 'true',
  },
});
const development = useTestServer({ env: { NODE_ENV: 'development' } });

afterEach(() => onTestQuery(null));

async function someone(server: TestServer): Promise<SeededUser> {
  const tenant = await createTenant(server);
  return tenant.user('alice');
}

async function graphql(server: TestServer, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The CORS headers of a response, by name. */
function corsHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-')));
}

/** A WebSocket upgrade to /graphql as a browser page on `origin` would send it. */
function upgrade(server: TestServer, origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { origin });
    socket.on('open', () => {
      socket.close();
      resolve({ status: 101, body: '' });
    });
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.on('error', reject);
  });
}

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('Production defaults', () => {
  it('should refuse introspection over HTTP and WebSocket, and still answer __typename', async () => {
    const alice = await someone(production);
    for (const query of [INTROSPECTION, '{ __type(name: "User") { name } }']) {
      const { status, body } = await graphql(production, query, { authorization: `Bearer ${alice.token}` });
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Introspection is disabled: the query asks for __(schema|type)\.$/),
          extensions: { code: 'INTROSPECTION_DISABLED', requestId: expect.any(String) },
        }),
      ]);
    }
    expect((await graphql(production, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });

    const live = liveClient(production.url, alice.token);
    try {
      const feed = live.subscribe({ toString: () => INTROSPECTION } as never, {});
      expect(await feed.failure()).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'INTROSPECTION_DISABLED' }) }),
      ]);
    } finally {
      await live.close();
    }
  });

  it('should not serve GraphiQL', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('should hide field suggestions, leaving no placeholder that would tell a close name exists', async () => {
    const alice = await someone(production);
    const { status, body } = await graphql(production, '{ activeConnection { __typename } }', {
      authorization: `Bearer ${alice.token}`,
    });
    expect(status).toBe(200);
    expect(body.errors[0].message).toBe('Cannot query field "activeConnection" on type "Query".');
    const far = await graphql(production, '{ zzzzzzzzzz { __typename } }', { authorization: `Bearer ${alice.token}` });
    expect(far.body.errors[0].message).toBe('Cannot query field "zzzzzzzzzz" on type "Query".');
  });

  it('should mask unexpected errors, with neither their cause nor a stack trace, in GraphQL and REST', async () => {
    const alice = await someone(production);
    // Every statement fails with an error that is nobody's business but the log's.
    onTestQuery(() => {
      throw new Error('injected failure: secret-table-name');
    });
    const gql = await graphql(production, '{ activeConnections { __typename } }', {
      authorization: `Bearer ${alice.token}`,
    });
    const rest = await fetch(`${production.url}/v1/connections/${alice.id}/active`, {
      headers: { authorization: `Bearer ${alice.token}` },
    });
    const restBody = await rest.text();
    onTestQuery(null);

    expect(gql.body.errors).toEqual([
      {
        message: 'Unexpected error.',
        locations: [{ line: 1, column: 3 }],
        path: ['activeConnections'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      },
    ]);
    expect(rest.status).toBe(500);
    expect(JSON.parse(restBody)).toEqual({
      error: 'Internal Server Error',
      message: 'Unexpected error.',
      code: 'INTERNAL_SERVER_ERROR',
    });
    for (const text of [JSON.stringify(gql.body), restBody]) {
      expect(text).not.toMatch(/secret-table-name|originalError|stack|\bat .+:\d+:\d+/);
    }
  });

  it('should send no CORS headers on any path and refuse preflights', async () => {
    const alice = await someone(production);
    const origin = 'https://game.example';
    const responses = [
      await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      await fetch(`${production.url}/v1/users/${alice.id}`, {
        headers: { origin, authorization: `Bearer ${alice.token}` },
      }),
      await fetch(`${production.url}/healthz`, { headers: { origin } }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(corsHeaders(response.headers)).toEqual({});
    }

    for (const path of ['/graphql', `/v1/users/${alice.id}`, '/healthz']) {
      const preflight = await fetch(`${production.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.status).toBe(403);
      expect(corsHeaders(preflight.headers)).toEqual({});
      expect(await preflight.json()).toEqual({
        error: 'Forbidden',
        message: 'Origin https://game.example is not allowed to call this API',
        code: 'FORBIDDEN',
      });
    }
  });

  it('should refuse GraphQL requests a page on another site could send without a preflight', async () => {
    const query = encodeURIComponent('{ __typename }');
    const refused = [
      await fetch(`${production.url}/graphql?query=${query}`),
      await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${query}`,
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect((await response.json()).errors).toEqual([
        {
          message:
            'This request could come from any web page: send it as JSON (content-type: application/json) or with one of the headers x-graphql-yoga-csrf, authorization, apollo-require-preflight',
          extensions: { code: 'CSRF_HEADER_REQUIRED', requestId: expect.any(String) },
        },
      ]);
    }

    // What no page can send without passing CORS first is served as usual.
    const alice = await someone(production);
    const allowed = [
      await fetch(`${production.url}/graphql?query=${query}`, { headers: { 'x-graphql-yoga-csrf': '1' } }),
      await fetch(`${production.url}/graphql?query=${query}`, { headers: { authorization: `Bearer ${alice.token}` } }),
      await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    ];
    for (const response of allowed) {
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('should refuse WebSockets from pages on other sites, and accept same-origin pages and non-browser clients', async () => {
    const refused = await upgrade(production, 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({
      error: 'Forbidden',
      message: 'Origin https://evil.example may not open a WebSocket here',
      code: 'FORBIDDEN',
    });
    expect((await upgrade(production, production.url)).status).toBe(101);

    const alice = await someone(production);
    const live = liveClient(production.url, alice.token);
    try {
      const feed = live.subscribe({ toString: () => '{ __typename }' } as never, {});
      expect(await feed.take(1)).toEqual([{ __typename: 'Query' }]);
    } finally {
      await live.close();
    }
  });
});

describe('Production with CORS_ORIGINS, GRAPHQL_INTROSPECTION and GRAPHIQL', () => {
  it('should allow the listed origins on every path, and only them', async () => {
    const alice = await someone(configured);
    // A JSON POST to /graphql is how a game's page calls it: served straight from node:http.
    const call = (path: string, origin: string) =>
      path === 'POST /graphql'
        ? fetch(`${configured.url}/graphql`, {
            method: 'POST',
            headers: { origin, authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          })
        : fetch(`${configured.url}${path}`, { headers: { origin, authorization: `Bearer ${alice.token}` } });
    for (const path of [
      'POST /graphql',
      `/graphql?query=${encodeURIComponent('{ __typename }')}`,
      `/v1/users/${alice.id}`,
      '/healthz',
    ]) {
      for (const origin of ['https://game.example', 'https://admin.example']) {
        const response = await call(path, origin);
        expect(response.status).toBe(200);
        expect(corsHeaders(response.headers)).toEqual({
          'access-control-allow-origin': origin,
          'access-control-expose-headers': 'retry-after, www-authenticate, allow, x-request-id',
        });
        expect(response.headers.get('vary')).toMatch(/Origin/);
      }
      const other = await call(path, 'https://evil.example');
      expect(other.status).toBe(200);
      expect(corsHeaders(other.headers)).toEqual({});
      expect(other.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it('should answer a listed origin’s preflight with 204 and what it may send', async () => {
    for (const path of ['/graphql', '/v1/connections/alice/request', '/healthz']) {
      const preflight = await fetch(`${configured.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://game.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(preflight.status).toBe(204);
      expect(corsHeaders(preflight.headers)).toEqual({
        'access-control-allow-origin': 'https://game.example',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers':
          'authorization, content-type, accept, idempotency-key, x-request-id, x-graphql-yoga-csrf',
        'access-control-max-age': '600',
      });
      expect(preflight.headers.get('vary')).toMatch(/Origin/);
    }
    const refused = await fetch(`${configured.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(corsHeaders(refused.headers)).toEqual({});
  });

  it('should accept WebSockets from a listed origin', async () => {
    expect((await upgrade(configured, 'https://game.example')).status).toBe(101);
    expect((await upgrade(configured, 'https://evil.example')).status).toBe(403);
  });

  it('should answer introspection and serve GraphiQL when turned on', async () => {
    const { status, body } = await graphql(configured, INTROSPECTION);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const page = await fetch(`${configured.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('Development defaults', () => {
  it('should allow any origin, with introspection on', async () => {
    const response = await fetch(`${development.url}/healthz`, { headers: { origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${development.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await graphql(development, INTROSPECTION)).body.data.__schema.queryType.name).toBe('Query');
  });
});

/**
 * Documents whose errors graphql-js words with a "Did you mean …?" hint: field names, argument
 * names, enum values in the document and in variables (the latter fail at execution, not in
 * validation), and the inline-fragment hint on a union.
 */
const SUGGESTING = [
  { name: 'a field name', query: '{ activeConnection { __typename } }' },
  { name: 'an argument name', query: '{ activeConnections(frist: 1) { __typename } }' },
  { name: 'an enum value', query: '{ receivedConnectionRequests(status: PENDNG) { __typename } }' },
  {
    name: 'an enum value in variables',
    query:
      'query Requests($status: ConnectionRequestStatusFilter) { receivedConnectionRequests(status: $status) { __typename } }',
    variables: { status: 'PENDNG' },
  },
  { name: 'a field of a union member (inline fragment hint)', query: '{ user { clientUserId } }' },
  {
    name: 'an enum value in a mutation',
    query: 'mutation { updateSettings(acceptRequestsFrom: EVERYON) { __typename } }',
    mutation: true,
  },
];

interface Answer {
  /** HTTP status; 0 over WebSocket. */
  status: number;
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** Everything the client received, to search for what must not be there. */
  text: string;
}

type Transport = 'POST' | 'GET' | 'SSE' | 'WebSocket';

/** One document over one transport, as a client with `token` sends it. */
async function answer(
  server: TestServer,
  transport: Transport,
  token: string,
  operation: { query: string; variables?: Record<string, unknown> },
): Promise<Answer> {
  const authorization = `Bearer ${token}`;
  if (transport === 'WebSocket') {
    const live = liveClient(server.url, token);
    try {
      const feed = live.subscribe({ toString: () => operation.query } as never, (operation.variables ?? {}) as never);
      const errors = (await feed.failure()) as Answer['errors'];
      return { status: 0, errors, text: JSON.stringify(errors) };
    } finally {
      await live.close();
    }
  }
  let response: Response;
  if (transport === 'GET') {
    const search = new URLSearchParams({ query: operation.query });
    if (operation.variables) search.set('variables', JSON.stringify(operation.variables));
    response = await fetch(`${server.url}/graphql?${search}`, {
      headers: { authorization, accept: 'application/json' },
    });
  } else {
    response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/json',
        accept: transport === 'SSE' ? 'text/event-stream' : 'application/json',
      },
      body: JSON.stringify({ query: operation.query, variables: operation.variables }),
    });
  }
  const text = await response.text();
  const body =
    transport === 'SSE'
      ? JSON.parse(/^event: next\ndata: (.*)$/m.exec(text)?.[1] ?? 'null')
      : (JSON.parse(text) as { errors: Answer['errors'] });
  return { status: response.status, errors: body?.errors ?? [], text };
}

const codes = (errors: Answer['errors']) => errors.map((error) => error.extensions?.code);

describe('Production error answers', () => {
  for (const transport of ['POST', 'GET', 'SSE', 'WebSocket'] as const) {
    for (const document of SUGGESTING.filter((d) => !(d.mutation && transport === 'GET'))) {
      it(`should leave out "Did you mean" for ${document.name} over ${transport}, with the status and code development gives`, async () => {
        const [prodUser, devUser] = [await someone(production), await someone(development)];
        const dev = await answer(development, transport, devUser.token, document);
        const prod = await answer(production, transport, prodUser.token, document);

        // Development keeps the hint (GraphiQL users want it): this document does make one.
        expect(dev.errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/ Did you mean .+\?$/));
        expect(prod.text).not.toMatch(/Did you mean|Suggestion hidden|originalError/);
        expect(prod.status).toBe(dev.status);
        expect(codes(prod.errors)).toEqual(codes(dev.errors));
        // The same message, less its hint.
        expect(prod.errors).toHaveLength(dev.errors.length);
        prod.errors.forEach((error, index) => {
          expect(error.message).toMatch(/\S\.$/);
          expect(dev.errors[index]!.message.startsWith(error.message)).toBe(true);
        });
      });
    }
  }

  it('should answer a malformed JSON body with 400 BAD_REQUEST and without the parser’s message, which quotes the body', async () => {
    const alice = await someone(production);
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json', accept },
        body: '{"query": "{ __typename }", "note": "private-part-of-the-body',
      });
      const text = await response.text();
      expect({ accept, status: response.status }).toEqual({ accept, status: 400 });
      expect(JSON.parse(text)).toEqual({
        errors: [
          {
            message: 'POST body sent invalid JSON.',
            extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) },
          },
        ],
      });
      expect(text).not.toMatch(/originalError|private-part|SyntaxError/);
    }
    // Batches too.
    const batch = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
      body: '[{"query": "{ __typename }"}, {"query": "private-part',
    });
    expect(batch.status).toBe(400);
    expect(await batch.text()).not.toMatch(/originalError|private-part/);
  });

  it('should give no suggestion in the REST shim’s error bodies', async () => {
    const alice = await someone(production);
    const replies = [
      await production.rest('PUT', `/v1/users/${alice.id}/settings`, {
        token: alice.token,
        body: { accept_requests_from: 'everyon' },
      }),
      await production.rest('GET', `/v1/connections/${alice.id}/received?status=pendng`, {
        token: alice.token,
      }),
      await production.rest('PUT', `/v1/users/${alice.id}/settings`, { token: alice.token, body: '{"accept_' }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(400);
      expect(Object.keys(reply.body).sort()).toEqual(['code', 'error', 'message']);
      expect(JSON.stringify(reply.body)).not.toMatch(/Did you mean|originalError/);
    }
  });
});

describe('Development error answers', () => {
  it('should keep the parser’s message for a malformed JSON body', async () => {
    const response = await fetch(`${development.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.originalError).toMatchObject({ name: 'SyntaxError' });
  });
});
