/**
 * Before the `peers` scenario measures anything: every server must answer the same pages with
 * the same data, or the comparison would be between different work.
 */
import { isDeepStrictEqual } from 'node:util';

/** A server answering the read scenario's GraphQL document at `${baseUrl}/graphql`. */
export interface GraphqlServer {
  name: string;
  baseUrl: string;
}

/**
 * One page to compare: a user (existing or not) and a page size, asked for with `query`; a page
 * number needs a `query` that declares `$page` (without one, the first page).
 */
export interface PageToCompare {
  query: string;
  userId: string;
  perPage: number;
  page?: number;
}

interface Answer {
  status: number;
  data: unknown;
}

/**
 * The baseline's REST page (`/v1/connections/{user}/active`) in the GraphQL document's shape,
 * so that it can be compared too.
 */
function restAsGraphql(status: number, body: Record<string, any>): unknown {
  if (status === 404) return { activeConnections: { __typename: 'NotFoundError' } };
  return {
    activeConnections: {
      __typename: 'ConnectionPage',
      nodes: (body.connections as Record<string, any>[]).map((c) => ({
        id: String(c.id),
        connectedSince: c.connected_since,
        connectedUser: { clientUserId: c.connected_user.client_user_id, displayName: c.connected_user.display_name },
      })),
      pagination: { totalItems: body.pagination.total_items },
    },
  };
}

/**
 * Asks every GraphQL server (the first is the reference, the gateway) and the REST baseline for
 * each page, and the baseline's REST page against the gateway's own REST page (the whole body:
 * presence, nickname, note and favorite of each connection included). Throws, naming the server,
 * the page and both answers, at the first that differs, answers with errors or a status other
 * than 200; returns how many pages were compared.
 */
export async function checkSameAnswers(options: {
  graphql: GraphqlServer[];
  baseline: GraphqlServer;
  token: string;
  pages: PageToCompare[];
}): Promise<number> {
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  const ask = async (server: GraphqlServer, { query, ...variables }: PageToCompare): Promise<Answer> => {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`${server.name} answered errors: ${JSON.stringify(body.errors)}`);
    return { status: response.status, data: body.data };
  };
  const askRest = async (server: GraphqlServer, page: PageToCompare) => {
    const path = `/v1/connections/${encodeURIComponent(page.userId)}/active?per_page=${page.perPage}&page=${page.page ?? 1}`;
    const response = await fetch(`${server.baseUrl}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const askBaseline = async (page: PageToCompare): Promise<Answer & { rest: Answer }> => {
    const { status, body } = await askRest(options.baseline, page);
    // The baseline's 404 is the GraphQL servers' NotFoundError.
    return { status: status === 404 ? 200 : status, data: restAsGraphql(status, body), rest: { status, data: body } };
  };
  const [reference, ...others] = options.graphql;
  if (!reference) throw new Error('no server to compare with');
  for (const page of options.pages) {
    const asked = JSON.stringify({ userId: page.userId, perPage: page.perPage, page: page.page ?? 1 });
    const expected = await ask(reference, page);
    if (expected.status !== 200) throw new Error(`${reference.name} answered ${expected.status} for ${asked}`);
    const baseline = await askBaseline(page);
    const answers: [string, Answer][] = [
      ...(await Promise.all(others.map(async (server) => [server.name, await ask(server, page)] as [string, Answer]))),
      [options.baseline.name, baseline],
    ];
    // REST: the same status, and for a page the same body (error bodies are the gateway's alone).
    const rest = await askRest(reference, page);
    const restDiffers =
      rest.status !== baseline.rest.status ||
      (rest.status === 200 && !isDeepStrictEqual(rest.body, baseline.rest.data));
    if (restDiffers) {
      throw new Error(
        `${options.baseline.name} does not answer REST /active as ${reference.name} for ${asked}:\n` +
          `  ${reference.name} (${rest.status}): ${JSON.stringify(rest.body)}\n  ${options.baseline.name} (${baseline.rest.status}): ${JSON.stringify(baseline.rest.data)}`,
      );
    }
    for (const [name, answer] of answers) {
      if (answer.status !== 200 || !isDeepStrictEqual(answer.data, expected.data)) {
        throw new Error(
          `${name} does not answer as ${reference.name} for ${asked}:\n` +
            `  ${reference.name}: ${JSON.stringify(expected.data)}\n  ${name} (${answer.status}): ${JSON.stringify(answer.data)}`,
        );
      }
    }
  }
  return options.pages.length;
}
