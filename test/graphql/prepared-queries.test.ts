import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { createTenant, type TestServer, useTestServer } from '../helpers/app.js';

/*
 * A query a client repeats is prepared once Yoga's path has run and compiled it, and from then
 * on runs without Yoga's per-request hooks (src/graphql/prepared-queries.ts). The suite compiles
 * at first use, so a query's first request takes Yoga's path and every later one the prepared
 * path: what a client sees, and what the operator sees, must not change between the two.
 */

async function post(server: TestServer, token: string | null, body: unknown, requestId?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...(requestId && { 'x-request-id': requestId }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] },
  };
}

/** The answer without the request id each error carries (it differs per request by design). */
function withoutRequestIds(answer: Awaited<ReturnType<typeof post>>) {
  const errors = answer.body.errors?.map(({ extensions, ...error }) => {
    const { requestId: _, ...rest } = extensions ?? {};
    return { ...error, extensions: rest };
  });
  return { ...answer, requestId: undefined, body: { ...answer.body, ...(errors && { errors }) } };
}

const lines: string[] = [];
const server = useTestServer({ logger: createLogger('info', { write: (line) => void lines.push(line) }) });

describe('prepared queries', () => {
  it('should answer a repeated query as its first run did: data, field errors, status and headers', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, bob);
    const body = {
      query: `query Mutuals($other: ID) {
        activeConnections { ... on ConnectionPage { nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $other) } } } }
      }`,
      variables: { other: carol.id },
    };
    const answers = [];
    for (let run = 1; run <= 3; run++) answers.push(await post(server, alice.token, body, `prepared-${run}`));

    expect(answers[0]?.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requestId: 'prepared-1' });
    expect(answers.map((answer) => answer.body.errors?.[0]?.extensions?.requestId)).toEqual([
      'prepared-1',
      'prepared-2',
      'prepared-3',
    ]);
    const [first, ...later] = answers.map(withoutRequestIds);
    for (const answer of later) expect(answer).toEqual(first);
    expect(first).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8' });
  });

  it('should log and count every run of a repeated query, naming its operation and user', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const query =
      'query ActiveConnections { activeConnections { ... on ConnectionPage { pagination { totalItems } } } }';
    const counted = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('graphql_operation_duration_seconds_count{operation_name="ActiveConnections"'));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
    };
    const before = await counted();
    for (let run = 1; run <= 3; run++) {
      expect((await post(server, alice.token, { query }, `count-${run}`)).status).toBe(200);
    }

    expect(await counted()).toBe(before + 3);
    const requestLines = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'request' && String(line.requestId).startsWith('count-'));
    expect(requestLines).toHaveLength(3);
    for (const line of requestLines) {
      expect(line).toMatchObject({
        route: '/graphql',
        status: 200,
        operationName: 'ActiveConnections',
        operationType: 'query',
        tenant: tenant.name,
        user: alice.id,
      });
    }
  });

  it('should refuse a repeated query whose token does not verify, as it refuses any other', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const query = 'query Mine { user { ... on User { clientUserId } } }';
    expect((await post(server, alice.token, { query })).body).toEqual({ data: { user: { clientUserId: alice.id } } });
    expect((await post(server, alice.token, { query })).body).toEqual({ data: { user: { clientUserId: alice.id } } });

    const forged = `${alice.token.slice(0, -4)}AAAA`;
    const refused = await post(server, forged, { query });
    const refusedFresh = await post(server, forged, { query: `${query} ` });
    expect(refused.status).toBe(401);
    expect(withoutRequestIds(refused)).toEqual(withoutRequestIds(refusedFresh));
    expect((await post(server, null, { query })).body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('should run the operation a repeated document names, and refuse a name it lacks or variables that do not hold', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const query = `
      query Me { user { ... on User { clientUserId } } }
      query Page($n: Int) { activeConnections(perPage: $n) { ... on ConnectionPage { pagination { totalItems } } } }
    `;
    for (let run = 0; run < 2; run++) {
      expect((await post(server, alice.token, { query, operationName: 'Me' })).body).toEqual({
        data: { user: { clientUserId: alice.id } },
      });
      expect((await post(server, alice.token, { query, operationName: 'Page', variables: { n: 5 } })).body).toEqual({
        data: { activeConnections: { pagination: { totalItems: 0 } } },
      });
    }

    const unnamed = await post(server, alice.token, { query, operationName: 'Nope' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors?.[0]).toMatchObject({ message: 'Could not determine what operation to execute.' });
    const wrongType = await post(server, alice.token, { query, operationName: 'Page', variables: { n: 'five' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]).toMatchObject({
      message: 'Variable "$n" got invalid value "five"; Int cannot represent non-integer value: "five"',
    });
  });
});

describe('prepared queries and the read budget', () => {
  // The smallest budget the configuration allows, in a long window.
  const budgeted = useTestServer({
    env: { RATE_LIMIT_WINDOW_SECONDS: '600', GRAPHQL_MAX_COST: '400', RATE_LIMIT_USER_READ_COST: '400' },
  });

  it('should charge every run of a repeated query, and refuse the one past the budget', async () => {
    const tenant = await createTenant(budgeted);
    const alice = await tenant.user('alice');
    // 1 + 50 × 1 = 51 cost units: seven runs fit in 400, the eighth does not.
    const query = '{ activeConnections(first: 50) { ... on ConnectionPage { nodes { id } } } }';
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let run = 0; run < 9; run++) {
      const answer = await post(budgeted, alice.token, { query });
      statuses.push(answer.status);
      if (answer.status !== 200) refused ??= answer;
    }

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429, 429]);
    expect(refused?.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('should charge every REST read to the same budget once its operation runs prepared', async () => {
    const tenant = await createTenant(budgeted);
    const alice = await tenant.user('alice');
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<TestServer['rest']>> | undefined;
    for (let run = 0; run < 60 && !refused; run++) {
      const answer = await budgeted.rest('GET', `/v1/connections/${alice.id}/active?per_page=10`, {
        token: alice.token,
      });
      statuses.push(answer.status);
      if (answer.status !== 200) refused = answer;
    }

    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
    expect(refused?.status).toBe(429);
    expect(refused?.body).toEqual({ error: 'Too Many Requests', message: expect.any(String), code: 'RATE_LIMITED' });
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
