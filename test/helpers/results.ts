import { expect } from 'vitest';
import type { SeededUser, Tenant } from './app.js';

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
