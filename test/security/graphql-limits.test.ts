import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isEnumType,
  isListType,
  Kind,
  type NamedTypeNode,
  typeFromAST,
  type VariableDefinitionNode,
} from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import * as clientDocuments from '../../packages/client/src/gql/graphql.js';
import * as restDocuments from '../../src/gql/graphql.js';
import { freshOperationCost, operationCost } from '../../src/graphql/operation-cost.js';
import { loadConfig } from '../../src/platform/config.js';
import * as testDocuments from '../gql/graphql.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { onTestQuery } from '../helpers/database.js';
import { type LiveClient, liveClient } from '../helpers/live.js';

// The default limits, as every other test and the REST shim run with.
const server = useTestServer();
// Tight limits, so that each can be crossed with the schema's own (shallow) fields.
const limited = useTestServer({
  env: {
    GRAPHQL_MAX_DEPTH: '3',
    GRAPHQL_MAX_ALIASES: '2',
    GRAPHQL_MAX_DIRECTIVES: '2',
    GRAPHQL_MAX_TOKENS: '120',
    GRAPHQL_MAX_COST: '200',
    GRAPHQL_MAX_BATCH: '3',
  },
});

/** Depth 5: activeConnections > edges > node > connectedUser > displayName (fragments add none). */
const TOO_DEEP = '{ activeConnections { ... on ConnectionPage { edges { node { connectedUser { displayName } } } } } }';
/** Depth 3: within the limit, and it reads the database. */
const SHALLOW = '{ activeConnections { ... on ConnectionPage { totalCount nodes { id } } } }';
const TOO_MANY_ALIASES =
  '{ a: activeConnections { __typename } b: activeConnections { __typename } c: notifications { __typename } }';
/** Three aliases of `__typename`: no resolver behind them, yet each is an alias like any other. */
const TYPENAME_ALIASES = '{ a: __typename b: __typename c: __typename }';
/** Three aliases of `__typename` on three levels, two of them inside fragments. */
const NESTED_TYPENAME_ALIASES = `{ a: __typename activeConnections { ...Typed } }
  fragment Typed on QueryActiveConnectionsResult { b: __typename ... on ConnectionPage { nodes { c: __typename } } }`;
/** Depth 9, all of it introspection. */
const DEEP_INTROSPECTION =
  '{ __schema { types { fields { type { ofType { ofType { ofType { fields { name } } } } } } } } }';
const TOO_MANY_DIRECTIVES =
  '{ activeConnections @include(if: true) { __typename @skip(if: false) } notifications @include(if: true) { __typename } }';
const TOO_MANY_TOKENS = `{ activeConnections { ${'__typename '.repeat(130)} } }`;
/**
 * Costs 2 × (100 + 50 × 1) = 300: a ranking of suggestions is a hundred page reads' worth, and
 * `perPage: 50` counts the selection of each of its nodes fifty times.
 */
const TOO_COSTLY = `{
  a: connectionSuggestions(perPage: 50) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
  b: connectionSuggestions(perPage: 50) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
}`;
const AFFORDABLE = '{ activeConnections(first: 5) { ... on ConnectionPage { nodes { id } } } }';

const refusals = [
  { limit: 'depth', query: TOO_DEEP, code: 'MAX_DEPTH_EXCEEDED', message: 'Query depth limit of 3 exceeded, found 5.' },
  {
    limit: 'depth (introspection)',
    query: DEEP_INTROSPECTION,
    code: 'MAX_DEPTH_EXCEEDED',
    message: 'Query depth limit of 3 exceeded, found 9.',
  },
  {
    limit: 'aliases',
    query: TOO_MANY_ALIASES,
    code: 'MAX_ALIASES_EXCEEDED',
    message: 'Aliases limit of 2 exceeded, found 3.',
  },
  {
    limit: 'aliases (of __typename)',
    query: TYPENAME_ALIASES,
    code: 'MAX_ALIASES_EXCEEDED',
    message: 'Aliases limit of 2 exceeded, found 3.',
  },
  {
    limit: 'aliases (of __typename, nested and in fragments)',
    query: NESTED_TYPENAME_ALIASES,
    code: 'MAX_ALIASES_EXCEEDED',
    message: 'Aliases limit of 2 exceeded, found 3.',
  },
  {
    limit: 'directives',
    query: TOO_MANY_DIRECTIVES,
    code: 'MAX_DIRECTIVES_EXCEEDED',
    message: 'Directives limit of 2 exceeded, found 3.',
  },
  { limit: 'tokens', query: TOO_MANY_TOKENS, code: 'MAX_TOKENS_EXCEEDED', message: 'Token limit of 120 exceeded.' },
  {
    limit: 'cost',
    query: TOO_COSTLY,
    code: 'MAX_COST_EXCEEDED',
    message: 'Query Cost limit of 200 exceeded, found 300.',
  },
] as const;

/** Every SQL statement the shared test database runs while `work` does. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  onTestQuery((sql) => statements.push(sql));
  try {
    await work();
  } finally {
    onTestQuery(null);
  }
  return statements;
}

afterEach(() => onTestQuery(null));

async function post(srv: TestServer, body: unknown, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${srv.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function someone(): Promise<SeededUser> {
  const tenant = await createTenant(server);
  const alice = await tenant.user('alice');
  await tenant.connect(alice, await tenant.user('bob'));
  return alice;
}

/**
 * Opens the (lazy) socket of `live` and keeps it open with a subscription of its own (a lazy
 * client closes its socket when its last operation ends), then waits until the server has opened
 * the user's presence session (the user reads as online): a user's socket makes it online, with
 * one read of the user, which is the socket's doing and not that of the operations sent on it.
 * Returns the subscription that holds the socket, and the closes of the socket seen from then on.
 */
async function heldOpen(
  live: LiveClient,
  user: SeededUser,
): Promise<{ holder: { unsubscribe(): void }; closes: unknown[] }> {
  const closes: unknown[] = [];
  const holder = live.subscribe(
    {
      toString: () => 'subscription { connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } } }',
    } as never,
    {},
  );
  // Subscribing answers with the unread count first: the subscription's own reads are done.
  await holder.take(1);
  live.client.on('closed', (event) => closes.push(event));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = await limited.rest('GET', `/v1/users/${user.id}/presence`, { token: user.token });
    if (seen.body?.presence?.status === 'online') return { holder, closes };
    if (Date.now() > deadline) throw new Error(`the socket's user never read as online: ${JSON.stringify(seen.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The value a variable takes at its costliest: pages of 50, lists of 100, any valid scalar else. */
function largestValue(schema: GraphQLSchema, definition: VariableDefinitionNode): unknown {
  return valueOfSize(schema, definition, { length: 100, int: 50, flag: true });
}

/** A valid value of a variable's type: lists of `length`, `int` for an Int, `flag` for a Boolean. */
function valueOfSize(
  schema: GraphQLSchema,
  definition: VariableDefinitionNode,
  size: { length: number; int: number; flag: boolean },
): unknown {
  const type = getNullableType(typeFromAST(schema, definition.type as NamedTypeNode));
  if (isListType(type)) return Array.from({ length: size.length }, (_, i) => `u${i}`);
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name;
  if (named?.name === 'Int') return size.int;
  if (named?.name === 'Boolean') return size.flag;
  // A game's JSON object (join info): its size weighs nothing on the cost, any object will do.
  if (named?.name === 'JSONObject') return { lobby: 'x' };
  return 'x';
}

describe('GraphQL document limits', () => {
  it('should run a query within every limit, reading the database', async () => {
    const alice = await someone();
    for (const query of [SHALLOW, AFFORDABLE]) {
      let result: Awaited<ReturnType<typeof post>> | undefined;
      const statements = await statementsDuring(async () => {
        result = await post(limited, { query }, alice.token);
      });
      expect(result?.status).toBe(200);
      expect(result?.body.errors).toBeUndefined();
      expect(result?.body.data.activeConnections).toBeDefined();
      expect(statements.length).toBeGreaterThan(0);
    }
  });

  for (const { limit, query, code, message } of refusals) {
    it(`should refuse a query over the ${limit} limit with 400 ${code}, running no SQL`, async () => {
      const alice = await someone();
      let result: Awaited<ReturnType<typeof post>> | undefined;
      const statements = await statementsDuring(async () => {
        result = await post(limited, { query }, alice.token);
      });

      expect(result?.status).toBe(400);
      expect(result?.body.data).toBeUndefined();
      expect(result?.body.errors).toEqual([
        expect.objectContaining({ message, extensions: expect.objectContaining({ code }) }),
      ]);
      expect(statements).toEqual([]);
    });
  }

  it('should refuse the same way however the client asks for the response', async () => {
    const alice = await someone();
    const spec = await post(limited, { query: TOO_DEEP }, alice.token, { accept: 'application/graphql-response+json' });
    expect(spec.status).toBe(400);
    expect(spec.body.errors[0].extensions.code).toBe('MAX_DEPTH_EXCEEDED');
  });

  it('should hold GET requests to the limits', async () => {
    const alice = await someone();
    for (const { query, code } of refusals) {
      let response: Response | undefined;
      const statements = await statementsDuring(async () => {
        response = await fetch(`${limited.url}/graphql?query=${encodeURIComponent(query)}`, {
          headers: { authorization: `Bearer ${alice.token}`, accept: 'application/json' },
        });
      });
      const body = await response?.json();
      expect({ status: response?.status, code: body.errors[0].extensions.code }).toEqual({ status: 400, code });
      expect(statements).toEqual([]);
    }
  });

  it('should hold SSE requests to the limits', async () => {
    const alice = await someone();
    const subscription =
      'subscription { connectionEvents { ... on ConnectionCreatedEvent { connection { connectedUser { displayName } } } } }';
    for (const query of [TOO_DEEP, subscription]) {
      const statements = await statementsDuring(async () => {
        const response = await fetch(`${limited.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            authorization: `Bearer ${alice.token}`,
          },
          body: JSON.stringify({ query }),
        });
        const text = await response.text();
        // One `next` event carrying the refusal, then the stream completes.
        expect(text).toMatch(/event: next\ndata: \{"errors":\[.*MAX_DEPTH_EXCEEDED.*\n\nevent: complete/);
        expect(text).toContain('MAX_DEPTH_EXCEEDED');
        expect(text).toContain('Query depth limit of 3 exceeded');
        expect(text).not.toContain('"data"');
      });
      expect(statements).toEqual([]);
    }
  });

  it('should hold WebSocket operations to the limits, and keep the socket open', async () => {
    const alice = await someone();
    const live = liveClient(limited.url, alice.token);
    try {
      // One socket, opened (and its user's presence session with it) before anything is measured.
      const { holder, closes } = await heldOpen(live, alice);
      const deepSubscription =
        'subscription { connectionEvents { ... on ConnectionCreatedEvent { connection { connectedUser { displayName } } } } }';
      for (const [query, code] of [
        [deepSubscription, 'MAX_DEPTH_EXCEEDED'],
        [TOO_MANY_TOKENS, 'MAX_TOKENS_EXCEEDED'],
        [TOO_COSTLY, 'MAX_COST_EXCEEDED'],
        [TOO_MANY_ALIASES, 'MAX_ALIASES_EXCEEDED'],
        [NESTED_TYPENAME_ALIASES, 'MAX_ALIASES_EXCEEDED'],
        [DEEP_INTROSPECTION, 'MAX_DEPTH_EXCEEDED'],
      ] as const) {
        const statements = await statementsDuring(async () => {
          const feed = live.subscribe({ toString: () => query } as never, {});
          const errors = (await feed.failure()) as { message: string; extensions?: { code?: string } }[];
          expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
        });
        expect(statements).toEqual([]);
      }
      // The same socket still serves what is within the limits.
      const ok = live.subscribe({ toString: () => SHALLOW } as never, {});
      const [result] = await ok.take(1);
      expect(result).toEqual({ activeConnections: { totalCount: 1, nodes: [{ id: expect.any(String) }] } });
      expect(closes).toEqual([]);
      holder.unsubscribe();
    } finally {
      await live.close();
    }
  });
});

describe('Prices kept for a document sent again', () => {
  const PRICED = `query Priced($n: Int, $twice: Boolean!) {
    a: connectionSuggestions(perPage: $n) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
    b: connectionSuggestions(perPage: $n) @include(if: $twice) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
  }`;
  /** The same two lists with literal page sizes: what the document above must cost. */
  const literal = (n: number) => `{
    a: connectionSuggestions(perPage: ${n}) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
    b: connectionSuggestions(perPage: ${n}) { ... on ConnectionSuggestionPage { nodes { mutualCount } } }
  }`;

  it('should price each request by its own variables, however often one document comes and in whatever order', async () => {
    const alice = await someone();
    const refusalOf = async (body: unknown) => {
      const { status, body: answer } = await post(limited, body, alice.token);
      const costErrors = (answer.errors ?? []).filter(
        (error: { extensions?: { code?: string } }) => error.extensions?.code === 'MAX_COST_EXCEEDED',
      );
      return costErrors.length === 0 ? { status, refused: null } : { status, refused: costErrors[0].message };
    };
    // The limited server allows 200: one list of suggestions fits in it, two cross it, by as
    // much as their page size says.
    const [at5, at40, at50] = await Promise.all([5, 40, 50].map((n) => refusalOf({ query: literal(n) })));
    for (const at of [at5, at40, at50]) expect(at?.refused).toMatch(/exceeded, found \d+\.$/);
    expect(new Set([at5?.refused, at40?.refused, at50?.refused]).size).toBe(3);

    const steps: [Record<string, unknown>, string | null | undefined][] = [
      [{ n: 40, twice: false }, null],
      [{ n: 40, twice: true }, at40?.refused],
      [{ n: 40, twice: false }, null],
      [{ n: 5, twice: false }, null],
      [{ n: 40, twice: true }, at40?.refused],
      [{ n: 50, twice: true }, at50?.refused],
      [{ twice: false }, null],
      [{ n: 5, twice: true }, at5?.refused],
      [{ n: 50, twice: false }, null],
      [{ n: 50, twice: true }, at50?.refused],
      [{ n: 5, twice: true }, at5?.refused],
    ];
    for (const [variables, refused] of steps) {
      const answer = await refusalOf({ query: PRICED, variables });
      expect({ variables, refused: answer.refused }).toEqual({ variables, refused });
      expect({ variables, status: answer.status }).toEqual({ variables, status: refused ? 400 : 200 });
    }
  });

  it('should keep only prices that pricing the request afresh gives, for every operation of the suite', async () => {
    const enveloped = server.app.gateway.getEnveloped({});
    const schema: GraphQLSchema = enveloped.schema;
    const documents = [
      ...Object.entries(restDocuments),
      ...Object.entries(clientDocuments),
      ...Object.entries(testDocuments),
    ].filter(([name]) => name.endsWith('Document'));
    const sizes = [
      { length: 100, int: 50, flag: true },
      { length: 1, int: 1, flag: false },
      { length: 7, int: 13, flag: true },
      { length: 0, int: 0, flag: false },
    ];
    let compared = 0;
    // Twice over: the first round keeps prices, the second finds them.
    for (const round of [1, 2]) {
      for (const [name, document] of documents) {
        const parsed: DocumentNode = enveloped.parse(String(document));
        const operation = getOperationAST(parsed);
        if (!operation || (operation.variableDefinitions ?? []).length === 0) continue;
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of parsed.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        }
        for (const [index, size] of sizes.entries()) {
          // Mixed sizes as well: each variable its own.
          const pick = (i: number) => sizes[(index + i) % sizes.length] ?? size;
          for (const assign of [() => size, pick]) {
            const given = Object.fromEntries(
              (operation.variableDefinitions ?? []).map((definition: VariableDefinitionNode, i: number) => [
                definition.variable.name.value,
                valueOfSize(schema, definition, assign(i)),
              ]),
            );
            const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
            if (variables.errors) continue;
            const kept = operationCost(schema, operation, fragments, variables.coerced);
            const fresh = freshOperationCost(schema, operation, fragments, variables.coerced);
            expect({ name, round, given, kept }).toEqual({ name, round, given, kept: fresh });
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('Batched requests', () => {
  it('should run a batch of up to GRAPHQL_MAX_BATCH operations, each answered in order', async () => {
    const alice = await someone();
    const batch = [{ query: SHALLOW }, { query: '{ __typename }' }, { query: AFFORDABLE }];

    const { status, body } = await post(limited, batch, alice.token);

    expect(status).toBe(200);
    expect(body).toEqual([
      { data: { activeConnections: { totalCount: 1, nodes: [{ id: expect.any(String) }] } } },
      { data: { __typename: 'Query' } },
      { data: { activeConnections: { nodes: [{ id: expect.any(String) }] } } },
    ]);
  });

  it('should refuse a larger batch whole with 413, running none of it', async () => {
    const alice = await someone();
    let result: Awaited<ReturnType<typeof post>> | undefined;
    const statements = await statementsDuring(async () => {
      result = await post(
        limited,
        Array.from({ length: 4 }, () => ({ query: SHALLOW })),
        alice.token,
      );
    });

    expect(result?.status).toBe(413);
    expect(result?.body).toEqual({
      errors: [
        expect.objectContaining({
          message: 'Batching is limited to 3 operations per request.',
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        }),
      ],
    });
    expect(statements).toEqual([]);
  });

  it('should hold each operation of a batch to the limits', async () => {
    const alice = await someone();
    const { body } = await post(limited, [{ query: SHALLOW }, { query: TOO_DEEP }], alice.token);

    expect(body[0].data.activeConnections.totalCount).toBe(1);
    expect(body[1].data).toBeUndefined();
    expect(body[1].errors[0].extensions.code).toBe('MAX_DEPTH_EXCEEDED');
  });
});

describe('Default limits', () => {
  it('should accept every operation of the REST shim, the typed client and the test suite, at their largest', async () => {
    const enveloped = server.app.gateway.getEnveloped({});
    const { maxCost } = loadConfig({ NODE_ENV: 'test' }).graphqlLimits;
    const documents = [
      ...Object.entries(restDocuments),
      ...Object.entries(clientDocuments),
      ...Object.entries(testDocuments),
    ].filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(20);
    for (const [name, document] of documents) {
      const parsed = enveloped.parse(String(document));
      const errors = enveloped.validate(enveloped.schema, parsed);
      expect({ name, errors: errors.map((error: { message: string }) => error.message) }).toEqual({ name, errors: [] });
      // Every page asked at its largest (50), every list of ids at its longest (100).
      const operation = getOperationAST(parsed);
      if (!operation) continue;
      const variables = getVariableValues(
        enveloped.schema,
        operation.variableDefinitions ?? [],
        Object.fromEntries(
          (operation.variableDefinitions ?? []).map((definition: VariableDefinitionNode) => [
            definition.variable.name.value,
            largestValue(enveloped.schema, definition),
          ]),
        ),
      );
      expect({ name, errors: variables.errors }).toEqual({ name, errors: undefined });
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of (parsed as DocumentNode).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const cost = operationCost(enveloped.schema, operation, fragments, variables.coerced ?? {});
      expect({ name, withinCost: cost <= maxCost / 2 }).toEqual({ name, withinCost: true });
    }
  });

  /** `{ a1: __typename … an: __typename }` */
  const typenameAliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: __typename`).join(' ')} }`;
  /** Depth 16, one more than the default allows, all of it introspection. */
  const deepIntrospection = `{ __schema { queryType { ${'ofType { '.repeat(13)}name${' }'.repeat(13)} } } }`;

  it('should refuse aliases of __typename past the default limit over POST, GET and WebSocket', async () => {
    const alice = await someone();
    // 500 fit in the default token limit; a GET carries fewer, as its URL is limited too.
    const posted = await post(server, { query: typenameAliases(500) }, alice.token);
    const got = await fetch(`${server.url}/graphql?query=${encodeURIComponent(typenameAliases(16))}`, {
      headers: { authorization: `Bearer ${alice.token}`, accept: 'application/json' },
    });
    const gotBody = await got.json();
    const live = liveClient(server.url, alice.token);
    let wsErrors: unknown;
    try {
      wsErrors = await live.subscribe({ toString: () => typenameAliases(500) } as never, {}).failure();
    } finally {
      await live.close();
    }

    expect({ status: posted.status, data: posted.body.data, errors: posted.body.errors }).toEqual({
      status: 400,
      data: undefined,
      errors: [
        expect.objectContaining({
          message: 'Aliases limit of 15 exceeded, found 500.',
          extensions: expect.objectContaining({ code: 'MAX_ALIASES_EXCEEDED', limit: 'aliases', max: 15 }),
        }),
      ],
    });
    expect({ status: got.status, message: gotBody.errors[0].message, code: gotBody.errors[0].extensions.code }).toEqual(
      { status: 400, message: 'Aliases limit of 15 exceeded, found 16.', code: 'MAX_ALIASES_EXCEEDED' },
    );
    expect(wsErrors).toEqual([
      expect.objectContaining({
        message: 'Aliases limit of 15 exceeded, found 500.',
        extensions: expect.objectContaining({ code: 'MAX_ALIASES_EXCEEDED' }),
      }),
    ]);
  });

  it('should count introspection towards the default depth limit over POST, GET and WebSocket', async () => {
    const alice = await someone();
    const posted = await post(server, { query: deepIntrospection }, alice.token);
    const got = await fetch(`${server.url}/graphql?query=${encodeURIComponent(deepIntrospection)}`, {
      headers: { authorization: `Bearer ${alice.token}`, accept: 'application/json' },
    });
    const gotBody = await got.json();
    const live = liveClient(server.url, alice.token);
    let wsErrors: unknown;
    try {
      wsErrors = await live.subscribe({ toString: () => deepIntrospection } as never, {}).failure();
    } finally {
      await live.close();
    }

    const refusal = {
      message: 'Query depth limit of 15 exceeded, found 16.',
      extensions: expect.objectContaining({ code: 'MAX_DEPTH_EXCEEDED', limit: 'depth', max: 15 }),
    };
    expect({ status: posted.status, data: posted.body.data, errors: posted.body.errors }).toEqual({
      status: 400,
      data: undefined,
      errors: [expect.objectContaining(refusal)],
    });
    expect({ status: got.status, errors: gotBody.errors }).toEqual({
      status: 400,
      errors: [expect.objectContaining(refusal)],
    });
    expect(wsErrors).toEqual([expect.objectContaining(refusal)]);
  });

  it("should answer GraphiQL's introspection query (graphql-js getIntrospectionQuery) within the default limits", async () => {
    const alice = await someone();
    const { status, body } = await post(server, { query: getIntrospectionQuery() }, alice.token);

    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.__schema.queryType).toMatchObject({ name: 'Query' });
  });

  it('should keep field suggestions outside production', async () => {
    const alice = await someone();
    const { body } = await post(server, { query: '{ activeConnection { __typename } }' }, alice.token);
    // Other fields may be suggested too ("activeConnections" or "mutualConnections").
    expect(body.errors[0].message).toContain('Did you mean "activeConnections"');
  });
});
