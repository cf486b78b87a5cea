import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { createTenant, useTestServer } from '../helpers/app.js';

const lines: string[] = [];
const server = useTestServer({ logger: createLogger('info', { write: (line) => void lines.push(line) }) });

describe('GET /graphql parameters', () => {
  it('should answer 400 BAD_REQUEST for variables or extensions that are not JSON, not an unexpected 500', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    for (const broken of [{ variables: '{bad' }, { extensions: '{"persistedQuery":' }]) {
      const search = new URLSearchParams({ query: '{ __typename }', ...broken });
      const response = await fetch(`${server.url}/graphql?${search}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${alice.token}` },
      });
      const body = await response.json();

      expect({ broken, status: response.status }).toEqual({ broken, status: 400 });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Request parameters "variables" and "extensions" must be valid JSON.',
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        }),
      ]);
    }
    // A client's mistake, not a failure of the server's: nothing logged as unexpected.
    expect(lines.filter((line) => line.includes('unexpected error'))).toEqual([]);
  });
});
