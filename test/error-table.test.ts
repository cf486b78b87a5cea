import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withErrorTable } from '../src/rest/error-table.js';

describe('docs/ERRORS.md', () => {
  it('should hold the error table the declarations make (npm run docs:errors writes it)', () => {
    const markdown = readFileSync(new URL('../docs/ERRORS.md', import.meta.url), 'utf8');
    expect(markdown).toBe(withErrorTable(markdown));
  });
});
