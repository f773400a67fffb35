// Benchmarks run on a bundled build of the engine (esbuild, no keepNames, ESM), like the code the
// browser gets, not through tsx's on-the-fly transform (whose per-import getters and __name
// wrappers cost ~2× on hot paths).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function importBundled<T>(entry: string): Promise<T> {
  const outdir = join(import.meta.dirname, '../out/bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${entry.replace(/[^a-z0-9]+/gi, '_')}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
    minifySyntax: true,
  });
  return (await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`)) as T;
}
