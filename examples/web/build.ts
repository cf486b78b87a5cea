/**
 * Bundles the reference web client (`examples/web/app.ts` with `packages/client/src/` and graphql-ws) for
 * the browser with esbuild, in memory. `npx tsx examples/web/build.ts [out.js]` writes it to a file.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const entryPoint = fileURLToPath(new URL('./app.ts', import.meta.url));

/** The browser bundle (one ES module) as text. */
export async function buildBundle(options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    write: false,
    sourcemap: 'inline',
    minify: options.minify ?? false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? 'examples/web/app.js';
  await writeFile(out, await buildBundle({ minify: true }));
  process.stdout.write(`wrote ${out}\n`);
}
