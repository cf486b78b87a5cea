/**
 * Before the `peers` scenario measures anything: every server must answer the same pages with
 * the same data, or the comparison would be between different work.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PublicIds } from '../../src/platform/public-ids.js';

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
 * its connection ids encoded as the gateway encodes them, so that it can be compared too.
 */
function restAsGraphql(status: number, body: Record<string, any>, ids: PublicIds): unknown {
  if (status === 404) return { activeConnections: { __typename: 'NotFoundError' } };
  return {
    activeConnections: {
      __typename: 'ConnectionPage',
      nodes: (body.connections as Record<string, any>[]).map((c) => ({
        id: String(ids.encode('connection', c.id)),
        connectedSince: c.connected_since,
        connectedUser: { clientUserId: c.connected_user.client_user_id, displayName: c.connected_user.display_name },
      })),
      pagination: { totalItems: body.pagination.total_items },
    },
  };
}

/**
 * Asks every GraphQL server (the first is the reference, the gateway) and the REST baseline for
 * each page. Throws, naming the server, the page and both answers, at the first that differs,
 * answers with errors or a status other than 200; returns how many pages were compared.
 */
export async function checkSameAnswers(options: {
  graphql: GraphqlServer[];
  baseline: GraphqlServer;
  token: string;
  ids: PublicIds;
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
  const askBaseline = async (page: PageToCompare): Promise<Answer> => {
    const path = `/v1/connections/${encodeURIComponent(page.userId)}/active?per_page=${page.perPage}&page=${page.page ?? 1}`;
    const response = await fetch(`${options.baseline.baseUrl}${path}`, { headers });
    const body = (await response.json()) as Record<string, any>;
    // The baseline's 404 is the GraphQL servers' NotFoundError.
    return {
      status: response.status === 404 ? 200 : response.status,
      data: restAsGraphql(response.status, body, options.ids),
    };
  };
  const [reference, ...others] = options.graphql;
  if (!reference) throw new Error('no server to compare with');
  for (const page of options.pages) {
    const asked = JSON.stringify({ userId: page.userId, perPage: page.perPage, page: page.page ?? 1 });
    const expected = await ask(reference, page);
    if (expected.status !== 200) throw new Error(`${reference.name} answered ${expected.status} for ${asked}`);
    const answers: [string, Answer][] = [
      ...(await Promise.all(others.map(async (server) => [server.name, await ask(server, page)] as [string, Answer]))),
      [options.baseline.name, await askBaseline(page)],
    ];
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
