import { expect } from 'vitest';
import type { HttpResult, SeededUser, Tenant, TestServer } from './app.js';

/** Any timestamp as the API writes it (ISO 8601, milliseconds, UTC). */
export const ISO_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Narrows a GraphQL union result to one member, failing with the actual value otherwise. */
export function as<T extends { __typename: string }, N extends T['__typename']>(
  value: T | null | undefined,
  typename: N,
): Extract<T, { __typename: N }> {
  if (value?.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  return value as Extract<T, { __typename: N }>;
}

/** Creates the named users one after the other (so they are created in the order given). */
export async function users<N extends string[]>(tenant: Tenant, ...names: N): Promise<{ [K in keyof N]: SeededUser }> {
  const created: SeededUser[] = [];
  for (const name of names) created.push(await tenant.user(name));
  return created as { [K in keyof N]: SeededUser };
}

/** A response as a user sees it: its status and body. */
export const outcome = (response: HttpResult) => ({ status: response.status, body: response.body });

/** Everything the users can see of the social graph, to prove that a refused write changed nothing. */
export function stateOf(server: TestServer, ...users: SeededUser[]) {
  return Promise.all(
    users.map(async (user) => {
      const read = async (path: string) => {
        const response = await server.rest('GET', `/v1/connections/${user.id}/${path}`, { token: user.token });
        expect(response.status).toBe(200);
        return response.body;
      };
      return {
        sent: await read('sent?per_page=50'),
        received: await read('received?per_page=50'),
        active: await read('active?per_page=50'),
        notifications: await read('notifications?per_page=50'),
      };
    }),
  );
}
