// Build side of offline use: after `vite build` has written dist/, hash every built file and write
// dist/sw.js = src/offline/sw.ts compiled, with the file list and the cache name in front.
// The cache name is a hash of every file's path and bytes: two builds that differ anywhere get two
// names (and two different sw.js files, which is what makes a browser install the new worker).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';
import { afterBuild } from './after-build.ts';

export const SW_FILE = 'sw.js';
const SW_SOURCE = fileURLToPath(new URL('../../src/offline/sw.ts', import.meta.url));

/** Every file under `dir` but sw.js itself, as sorted '/'-separated paths relative to `dir`. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .filter((p) => p !== SW_FILE)
    .sort();
}

/** `psync-lab-` + 16 hex digits of sha256 over (path, NUL, bytes, NUL) of each file in order. */
export function cacheName(dir: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of files)
    h.update(`${f}\0`)
      .update(readFileSync(join(dir, f)))
      .update('\0');
  return `psync-lab-${h.digest('hex').slice(0, 16)}`;
}

/** Writes dir/sw.js for the build in `dir`; returns its cache name and precache list. */
export function writeServiceWorker(dir: string): { cache: string; files: string[] } {
  const files = builtFiles(dir);
  const cache = cacheName(dir, files);
  const { code } = transformSync(readFileSync(SW_SOURCE, 'utf8'), {
    loader: 'ts',
    format: 'iife',
    target: 'es2022',
    minify: true,
    banner: `const CACHE=${JSON.stringify(cache)},PRECACHE=${JSON.stringify(files)};`,
  });
  writeFileSync(join(dir, SW_FILE), code);
  return { cache, files };
}

/** The Vite plugin: writes sw.js once the whole build (public/ included) is on disk. */
export function serviceWorker(): Plugin {
  return afterBuild('psync-service-worker', (dir) => writeServiceWorker(dir));
}
