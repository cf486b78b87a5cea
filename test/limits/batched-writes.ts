import { expect } from 'vitest';
import type { SeededUser, TestServer } from '../helpers/app.js';

/** What became of a run of writes. */
export interface WriteTally {
  /** Calls that ran. */
  written: number;
  /** Refusals, by `__typename: message` with the seconds to wait left out. */
  refused: Map<string, number>;
}

export const newTally = (): WriteTally => ({ written: 0, refused: new Map() });

/** Every call of the tally, run or refused. */
export const callsIn = (tally: WriteTally) => tally.written + [...tally.refused.values()].reduce((a, b) => a + b, 0);

export function addTo(into: WriteTally, from: WriteTally): void {
  into.written += from.written;
  for (const [message, count] of from.refused) into.refused.set(message, (into.refused.get(message) ?? 0) + count);
}

/**
 * `count` `markAllNotificationsRead` mutations by `user` in one HTTP request, as an attacker packs
 * them: a batch (a JSON array) of operations of up to `aliases` aliased fields each. Any write
 * would do; this one needs no data and each call runs a transaction when it is not refused.
 */
export async function markAllReadBatch(
  server: TestServer,
  user: Pick<SeededUser, 'token'>,
  count: number,
  aliases = 15,
): Promise<WriteTally> {
  const operations: { query: string }[] = [];
  for (let left = count; left > 0; left -= aliases) {
    const fields = Array.from(
      { length: Math.min(aliases, left) },
      (_, i) => `m${i}: markAllNotificationsRead { __typename ... on Error { message } }`,
    );
    operations.push({ query: `mutation Flood { ${fields.join(' ')} }` });
  }
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
    body: JSON.stringify(operations),
  });
  expect(response.status).toBe(200);
  const results = (await response.json()) as {
    data?: Record<string, { __typename: string; message?: string }> | null;
    errors?: { message: string }[];
  }[];
  expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
  const tally = newTally();
  for (const field of results.flatMap((result) => Object.values(result.data ?? {}))) {
    if (field.__typename === 'MarkAllNotificationsReadPayload') {
      tally.written += 1;
    } else {
      const message = `${field.__typename}: ${field.message?.replace(/\d+ seconds$/, 'N seconds')}`;
      tally.refused.set(message, (tally.refused.get(message) ?? 0) + 1);
    }
  }
  return tally;
}
