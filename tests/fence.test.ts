// The engine fence, a readable second line after the compiler (tsconfig.engine.json: no DOM,
// no Node types) and the linter (biome.json overrides): src/engine imports nothing of the app and
// reaches no clock, timer, DOM or Math.random.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(import.meta.dirname, '../src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](react|react-dom|zustand|framer-motion|motion)(\/[^'"]*)?['"]/, 'imports a UI library'],
  [/from ['"](\.\.\/)+(ui|store|worker|i18n)\//, 'imports app code'],
  [/from ['"]node:/, 'imports a Node module'],
  [/\bMath\.random\b/, 'uses Math.random (use the world rng)'],
  [/\bDate\.now\b|\bnew Date\b/, 'reads the wall clock (use world.now)'],
  [/\bperformance\.now\b/, 'reads the wall clock (use world.now)'],
  [/\b(setTimeout|setInterval|requestAnimationFrame|queueMicrotask)\s*\(/, 'uses a timer (schedule a task)'],
  [/\b(window|document|globalThis|self)\./, 'reaches a global object'],
];

describe('engine fence', () => {
  const all = files(ENGINE);
  it('finds the engine sources', () => {
    expect(all.length).toBeGreaterThan(10);
  });
  for (const f of all) {
    it(`${relative(ENGINE, f)} stays pure`, () => {
      const lines = readFileSync(f, 'utf8').split('\n');
      const hits: string[] = [];
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*(\*|\/\*)/.test(line)) return;
        for (const [re, why] of FORBIDDEN)
          if (re.test(code)) hits.push(`${relative(ENGINE, f)}:${i + 1} ${why}: ${line.trim()}`);
      });
      expect(hits).toEqual([]);
    });
  }
});

// The layers, bottom up: a folder imports only the folders listed for it (and itself). `server`
// and `replication` are one layer seen from two sides (the World holds each replica's link and the
// master's backlog; replication code acts on the World), so they may import each other; nothing
// below `lab` knows that runs are recorded, and nothing below `scenario` knows that scenario files exist.
const LAYERS: Record<string, string[]> = {
  core: [],
  keyspace: ['core'],
  replication: ['core', 'keyspace', 'server'],
  server: ['core', 'keyspace', 'replication'],
  lab: ['core', 'keyspace', 'replication', 'server'],
  scenario: ['core', 'keyspace', 'replication', 'server', 'lab'],
  lesson: ['core', 'keyspace', 'replication', 'server', 'lab', 'scenario'],
};

/** The engine folder a file lives in ('' for src/engine/index.ts, the public entry). */
function layerOf(file: string): string {
  const rel = relative(ENGINE, file);
  return rel.includes('/') ? rel.split('/')[0] : '';
}

describe('engine layers', () => {
  const all = files(ENGINE);
  it('every engine folder has a row in the layer table', () => {
    const folders = [...new Set(all.map(layerOf).filter((l) => l !== ''))].sort();
    expect(folders).toEqual(Object.keys(LAYERS).sort());
  });
  it('only the public entry lives at the top of src/engine', () => {
    expect(all.filter((f) => layerOf(f) === '').map((f) => relative(ENGINE, f))).toEqual(['index.ts']);
  });
  for (const f of all.filter((x) => layerOf(x) !== '')) {
    const layer = layerOf(f);
    it(`${relative(ENGINE, f)} imports only what its layer (${layer}) may`, () => {
      const src = readFileSync(f, 'utf8');
      const bad: string[] = [];
      for (const m of src.matchAll(/from ['"](\.[^'"]+)['"]/g)) {
        const target = layerOf(join(f, '..', m[1]));
        if (target !== layer && !LAYERS[layer].includes(target))
          bad.push(`${m[1]} (${target || 'index.ts'})`);
      }
      expect(bad).toEqual([]);
    });
  }
});
