import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';

/*
 * .env.example is the operator's list of settings: it must name every variable the server
 * reads, and the values it shows must be the defaults, so copying it changes nothing.
 */
const example = parseEnv(readFileSync('.env.example', 'utf8')) as Record<string, string>;

describe('.env.example', () => {
  it('should show the defaults: a server configured from it is configured as with no variables at all', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });

  it('should name every variable the configuration reads', () => {
    const source = readFileSync('src/platform/config.ts', 'utf8');
    const read = new Set(
      [...source.matchAll(/(?:integer|boolean)\('([A-Z_]+)'|env\.([A-Z_]+)/g)].map((m) => (m[1] ?? m[2]) as string),
    );
    const documented = new Set(
      [...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]),
    );

    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
