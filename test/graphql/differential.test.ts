import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { useTestServer } from '../helpers/app.js';
import { type CorpusDocument, repositoryOperations, requestFor, schemaOperations } from './differential/corpus.js';
import { argumentValue, buildGraph, type Graph } from './differential/fixture.js';
import { comparable, namedForTwin, sameAtTheMoment } from './differential/normalize.js';
import { type GraphQLRequest, neighbourOf, type Variant, variantsOf } from './differential/rewrites.js';
import { runGateway, runReference, Sockets, type Transport } from './differential/runners.js';

/*
 * The gateway must execute every valid document as graphql-js would, whichever way a client
 * writes it and over whichever transport it sends it. The corpus is every operation the
 * repository sends (the REST shim's, the typed client's, the tests') and one generated from
 * the schema for each root field; each is rewritten as clients write GraphQL (literals,
 * variables of other names, aliases, fragments, directives, several operations in a document)
 * and run through the gateway over HTTP POST and GET, WebSocket and SSE, and through plain
 * graphql-js `execute`/`subscribe` on the same schema and data, as three callers: alice
 * herself, a service token acting as alice, and alice's token naming another user. Results,
 * data and errors, must be identical.
 */

// The rewrites multiply aliases, directives and document size past the production limits,
// which refuse such documents on purpose (test/security/graphql-limits.test.ts); here they
// would only hide what is compared. Each caller's thousands of operations share one socket,
// far past the per-socket message rate a player's client needs (test/security/websocket-caps),
// and many of them are rankings at once, past the turns heavy reads wait for (the reference and
// the gateway would then be refused at different moments). Rate budgets are off as in every test
// of other behaviour. A GET carries the whole document in its request line, which node:http counts
// with the headers (MAX_HEADER_BYTES, docs/SECURITY.md): both limits are raised together.
const server = useTestServer({
  env: {
    HEAVY_READS_PER_USER: '1000',
    HEAVY_READS_PER_INSTANCE: '1000',
    WS_MAX_MESSAGES_PER_SECOND: '100000',
    WS_MESSAGE_BURST: '100000',
    GRAPHQL_MAX_ALIASES: '1000',
    GRAPHQL_MAX_DIRECTIVES: '1000',
    GRAPHQL_MAX_TOKENS: '100000',
    GRAPHQL_MAX_DEPTH: '30',
    GRAPHQL_MAX_COST: '1000000',
    MAX_URL_LENGTH: '65536',
    MAX_HEADER_BYTES: '131072',
  },
});

interface Caller {
  name: string;
  token: (graph: Graph) => string;
  /** The user the caller names wherever an argument takes a user to act as. */
  actingUser: string;
  /** Which variants this caller runs: all of them, or the three that change the most. */
  variants: 'all' | 'some';
}

const CALLERS: Caller[] = [
  { name: 'alice', token: (graph) => graph.tokens.alice, actingUser: 'alice', variants: 'all' },
  { name: 'service as alice', token: (graph) => graph.tokens.service, actingUser: 'alice', variants: 'some' },
  { name: 'alice naming bob', token: (graph) => graph.tokens.alice, actingUser: 'bob', variants: 'some' },
];
const SOME_VARIANTS = new Set(['as written', 'literals', 'all at once']);

const TRANSPORTS: Record<'query' | 'subscription', Transport[]> = {
  query: ['POST', 'GET', 'WebSocket', 'SSE'],
  subscription: ['WebSocket', 'SSE'],
};

/**
 * Every variant of a query goes over POST and WebSocket; GET and SSE, whose handling of a
 * document is the same code as POST's, take the variants that change the most (the run stays
 * short enough to run twice in CI).
 */
function transportsFor(kind: 'query' | 'subscription', variant: string): Transport[] {
  if (kind === 'subscription' || SOME_VARIANTS.has(variant) || variant === 'its neighbour by name')
    return TRANSPORTS[kind];
  return ['POST', 'WebSocket'];
}

interface Mismatch {
  document: string;
  variant: string;
  caller: string;
  transport: Transport;
  request: GraphQLRequest;
  gateway: unknown;
  reference: unknown;
}

function report(mismatches: Mismatch[]): string {
  if (process.env.DIFFERENTIAL_REPORT)
    writeFileSync(process.env.DIFFERENTIAL_REPORT, JSON.stringify(mismatches, null, 1));
  const counts = new Map<string, number>();
  for (const m of mismatches) {
    const key = `${m.variant} / ${m.caller} / ${m.transport}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `${JSON.stringify(Object.fromEntries(counts), null, 1)}\n${mismatches
    .slice(0, 3)
    .map((m) => JSON.stringify(m, null, 1))
    .join('\n')}`;
}

/** Runs `tasks` at most `limit` at a time. */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await (tasks[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

const knownArguments = (graph: Graph) => (coordinate: string, argument: string) =>
  argumentValue(graph, coordinate, argument, 'alice') !== undefined;

/** The corpus, each document with the variables a caller sends, as the variants of it. */
function variantsFor(document: CorpusDocument, graph: Graph, caller: Caller): Variant[] {
  const request = requestFor(document, schema, (coordinate, argument) =>
    argumentValue(graph, coordinate, argument, caller.actingUser),
  );
  const variants = variantsOf(request, schema);
  if (caller.variants === 'some') return variants.filter((v) => SOME_VARIANTS.has(v.name));
  // The query beside the operation in a multi-operation document, picked by its name.
  return [...variants, { name: 'its neighbour by name', request: neighbourOf(request) }];
}

function corpus(graph: Graph): CorpusDocument[] {
  return [...repositoryOperations(), ...schemaOperations(schema, knownArguments(graph))];
}

let sockets: Sockets;
beforeAll(() => {
  sockets = new Sockets(server);
});
afterAll(async () => {
  await sockets?.close();
});

describe('queries and subscriptions: one graph, read-only', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await buildGraph(server);
    // Alice's sockets make her online; opened before anything is compared, so that she does not
    // come online between the reference's run and the gateway's.
    await onlineOverSockets([graph]);
  });

  const check = async (kind: 'query' | 'subscription') => {
    const mismatches: Mismatch[] = [];
    let runs = 0;
    for (const document of corpus(graph).filter((d) => d.kind === kind)) {
      const tasks: (() => Promise<void>)[] = [];
      for (const caller of CALLERS) {
        const token = caller.token(graph);
        const variants = variantsFor(document, graph, caller);
        for (const variant of variants) {
          tasks.push(async () => {
            // A presence online was last seen "now": each side reads its own now (see sameAtTheMoment).
            const from = Date.now();
            const reference = comparable(await runReference(server, schema, variant.request, token));
            // A subscription stays open: the gateway's is read for as many results as the reference's.
            const expected = kind === 'subscription' ? { count: (reference as unknown[]).length } : {};
            await Promise.all(
              transportsFor(kind, variant.name).map(async (transport) => {
                const gateway = comparable(
                  await runGateway(server, sockets, transport, variant.request, token, expected),
                );
                runs++;
                if (sameAtTheMoment(gateway, reference, { from, to: Date.now() })) return;
                mismatches.push({
                  document: document.source,
                  variant: variant.name,
                  caller: caller.name,
                  transport,
                  request: variant.request,
                  gateway,
                  reference,
                });
              }),
            );
          });
        }
      }
      // Subscriptions mostly wait (for quiet, for results that do not come): more at once.
      await inBatches(tasks, kind === 'subscription' ? 12 : 4);
    }
    return { mismatches, runs };
  };

  it('should answer every query as graphql-js does, however written, over POST, GET, WebSocket and SSE', async () => {
    const { mismatches, runs } = await check('query');

    expect(runs).toBeGreaterThan(1000);
    expect(mismatches.length, report(mismatches)).toBe(0);
  }, 600_000);

  it('should stream every subscription as graphql-js does, however written, over WebSocket and SSE', async () => {
    const { mismatches, runs } = await check('subscription');

    expect(runs).toBeGreaterThan(100);
    expect(mismatches.length, report(mismatches)).toBe(0);
  }, 600_000);

  it('should never close a socket, whatever its operations did', () => {
    expect(sockets.closes).toEqual([]);
  });
});

describe('mutations: twin graphs', () => {
  /*
   * A mutation changes what it runs on, so the gateway and the reference each run it on a
   * graph of their own, built alike. Each document gets a fresh pair; its variants then run
   * one after another on both, which stay twins as long as both sides do the same (the first
   * variant finds the graph fresh, later ones find it changed, and answer alike too).
   */
  it('should run every mutation as graphql-js does, however written, over POST and WebSocket', async () => {
    const template = await buildGraph(server);
    const documents = corpus(template).filter((d) => d.kind === 'mutation');
    const mismatches: Mismatch[] = [];
    let runs = 0;
    await inBatches(
      documents.map((document) => async () => {
        const [mine, theirs] = await Promise.all([buildGraph(server), buildGraph(server)]);
        // Alice's socket makes her online in the gateway's twin; the reference runs in process, so
        // hers is opened too: both twins have alice online from the start, as a player would be.
        await onlineOverSockets([mine, theirs]);
        const plan: { caller: Caller; variant: Variant; transport: Transport }[] = [];
        for (const caller of CALLERS) {
          const variants = variantsFor(document, mine, caller);
          // Most rewritten first, so that it finds the graph fresh.
          variants.sort((a, b) => Number(b.name === 'all at once') - Number(a.name === 'all at once'));
          for (const variant of variants) {
            const overSocket = variant.name === 'variables renamed' || variant.name === 'among other operations';
            const transport: Transport = overSocket ? 'WebSocket' : 'POST';
            plan.push({ caller, variant, transport });
          }
        }
        for (const { caller, variant, transport } of plan) {
          const gateway = namedForTwin(
            await runGateway(server, sockets, transport, variant.request, caller.token(mine)),
            mine,
          );
          const reference = namedForTwin(
            await runReference(
              server,
              schema,
              requestForGraph(document, variant.name, caller, theirs),
              caller.token(theirs),
            ),
            theirs,
          );
          runs++;
          if (!isDeepStrictEqual(gateway, reference)) {
            mismatches.push({
              document: document.source,
              variant: variant.name,
              caller: caller.name,
              transport,
              request: variant.request,
              gateway,
              reference,
            });
            // The twins differ from here on: nothing more of this document can be compared.
            return;
          }
        }
      }),
      2,
    );

    expect(runs).toBeGreaterThan(200);
    expect(mismatches.length, report(mismatches)).toBe(0);
  }, 600_000);
});

/** Opens the sockets of the callers of each graph, and waits until alice reads as online in each. */
async function onlineOverSockets(graphs: Graph[]): Promise<void> {
  for (const graph of graphs) {
    for (const caller of CALLERS)
      await sockets.run({ query: '{ __typename }', variables: {} }, caller.token(graph), {});
  }
  const deadline = Date.now() + 10_000;
  for (const graph of graphs) {
    for (;;) {
      const seen = await server.rest('GET', '/v1/users/alice/presence', { token: graph.tokens.service });
      if (seen.body?.presence?.status === 'online') break;
      if (Date.now() > deadline) throw new Error(`alice never read as online: ${JSON.stringify(seen.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** The variant `name` of `document` with the ids of `graph` (twins hold the same rows under other ids). */
function requestForGraph(document: CorpusDocument, name: string, caller: Caller, graph: Graph): GraphQLRequest {
  const variant = variantsFor(document, graph, caller).find((v) => v.name === name);
  if (!variant) throw new Error(`${document.source} has no variant ${name}`);
  return variant.request;
}
