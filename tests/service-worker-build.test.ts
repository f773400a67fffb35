// The service worker's cache name is a function of every built file: the same build gives the
// same name (no needless re-download), a changed byte anywhere gives a new one (no stale engine).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtFiles, cacheName, writeServiceWorker } from '../scripts/build/offline.ts';

const dirs: string[] = [];
function build(worker: string): string {
  const d = mkdtempSync(join(tmpdir(), 'psync-sw-'));
  dirs.push(d);
  mkdirSync(join(d, 'assets'));
  mkdirSync(join(d, 'scenarios'));
  writeFileSync(join(d, 'index.html'), '<script src="./assets/index-abc.js"></script>');
  writeFileSync(join(d, 'assets', 'index-abc.js'), 'main');
  writeFileSync(join(d, 'assets', 'sim.worker-def.js'), worker);
  writeFileSync(join(d, 'scenarios', 'index.json'), '["a"]');
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('service worker build', () => {
  it('precaches every built file but sw.js, sorted', () => {
    const d = build('engine v1');
    writeServiceWorker(d);
    expect(builtFiles(d)).toEqual([
      'assets/index-abc.js',
      'assets/sim.worker-def.js',
      'index.html',
      'scenarios/index.json',
    ]);
  });

  it('names the cache by content: same build, same name; one changed byte, a new name', () => {
    const a = build('engine v1');
    const same = build('engine v1');
    const changed = build('engine v2');
    const name = (d: string) => cacheName(d, builtFiles(d));
    expect(name(a)).toMatch(/^psync-lab-[0-9a-f]{16}$/);
    expect(name(same)).toBe(name(a));
    expect(name(changed)).not.toBe(name(a));
  });

  it('writes the name and the list into sw.js, so a new build is a new sw.js', () => {
    const a = build('engine v1');
    const { cache, files } = writeServiceWorker(a);
    const sw = readFileSync(join(a, 'sw.js'), 'utf8');
    expect(sw.startsWith(`const CACHE=${JSON.stringify(cache)},PRECACHE=${JSON.stringify(files)};`)).toBe(
      true,
    );
    expect(sw).toContain('skipWaiting');
    expect(sw).not.toContain('declare');
  });
});
