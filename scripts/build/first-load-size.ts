// What the hosted page downloads before its first render, gzip bytes: the entry script and CSS that
// dist/index.html names, and the catalog of the language shown (one chunk per language). One
// definition for `npm run bench` (ui.first_load_gzip_kb) and the budget check of `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first load's budget (the brief's 120 kB, as KiB): 122 880 bytes gzip. */
export const FIRST_LOAD_BUDGET = 120 * 1024;

export function firstLoad(dist: string, lang: 'en' | 'zh'): { page: number; worker: number } {
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const assets = readdirSync(join(dist, 'assets'));
  const catalog = assets.find((f) => f.startsWith(`${lang}-`) && f.endsWith('.js'));
  if (catalog) files.push(`assets/${catalog}`);
  const worker = assets.find((f) => f.startsWith('sim.worker') && f.endsWith('.js'));
  return {
    page: files.reduce((n, f) => n + gz(f), 0),
    worker: worker ? gz(`assets/${worker}`) : 0,
  };
}
