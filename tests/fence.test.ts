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
