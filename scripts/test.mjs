// `npm test`: every check, in order of speed. Prints a per-stage table and a last line
// `total: N passed, N failed` (CI reads it). Exit 1 when anything failed.
//   node scripts/test.mjs [--only stage,stage] [--skip stage,stage]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureNodeModules, ensureRedis, ROOT } from './ensure.mjs';

const argList = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1].split(',') : null;
};
const only = argList('--only');
const skip = argList('--skip') ?? [];
const OUT = join(ROOT, 'out');
mkdirSync(OUT, { recursive: true });
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

ensureNodeModules();

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Each stage returns { passed, failed } counts of its own checks. */
const stages = [
  [
    'types',
    () =>
      one(
        run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) &&
          run(bin('tsc'), ['-p', 'tsconfig.engine.json', '--noEmit']),
      ),
  ],
  ['lint', () => one(run(bin('biome'), ['check', '.']))],
  [
    'unit',
    () => {
      const file = join(OUT, 'vitest.json');
      rmSync(file, { force: true });
      const ok = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
      const j = readJson(file);
      if (!j) return { passed: 0, failed: 1 };
      return { passed: j.numPassedTests, failed: j.numFailedTests + (ok || j.numFailedTests ? 0 : 1) };
    },
  ],
  [
    'conformance',
    () => {
      if (!ensureRedis()) return { passed: 0, failed: 1 };
      const file = join(OUT, 'conformance.json');
      rmSync(file, { force: true });
      const ok = run(bin('tsx'), ['tests/conformance/main.ts', '--summary', file]);
      const j = readJson(file);
      if (!j) return { passed: 0, failed: 1 };
      return { passed: j.passed, failed: j.failed + (ok || j.failed ? 0 : 1) };
    },
  ],
  [
    'build',
    // The hosted lab (dist/) and the one offline file (dist-single/psync-lab.html): e2e opens both.
    () =>
      one(
        run(bin('vite'), ['build', '--logLevel', 'warn']) &&
          run(bin('vite'), ['build', '--mode', 'single', '--logLevel', 'warn']),
      ),
  ],
  // The first load of each language within 120 kB gzip (after the build it measures).
  ['budget', () => one(run(bin('tsx'), ['scripts/budget.ts']))],
  [
    'e2e',
    () => {
      ensureChromium();
      const file = join(OUT, 'playwright.json');
      rmSync(file, { force: true });
      const ok = run(bin('playwright'), ['test', '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      });
      const j = readJson(file);
      if (!j) return { passed: 0, failed: 1 };
      const s = j.stats;
      return { passed: s.expected + s.flaky, failed: s.unexpected + (ok || s.unexpected ? 0 : 1) };
    },
  ],
];

function one(ok) {
  return ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

const results = [];
for (const [name, fn] of stages) {
  if ((only && !only.includes(name)) || skip.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  let r;
  try {
    r = fn();
  } catch (e) {
    console.error(e);
    r = { passed: 0, failed: 1 };
  }
  results.push({ name, ...r, s: ((Date.now() - t0) / 1000).toFixed(1) });
}

console.log('\nstage        passed  failed  seconds');
for (const r of results)
  console.log(
    `${r.name.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.s.padStart(7)}`,
  );
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
