// npm run bench: one figure per line, `name: value unit`. Benchmarks are not tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './engine.ts';
import { importBundled } from './run-bundled.ts';

const { runEngineBench } = await importBundled<{ runEngineBench: () => Figure[] }>('engine.ts');

const print = (f: { name: string; value: number; unit: string }) =>
  console.log(`${f.name}: ${f.value} ${f.unit}`);

for (const f of runEngineBench()) print(f);
const { runTimelineBench } = await importBundled<{ runTimelineBench: () => Figure[] }>('timeline.ts');
for (const f of runTimelineBench()) print(f);
if (existsSync(join(import.meta.dirname, 'ui.ts')) && !process.argv.includes('--engine-only')) {
  const mod = (await import('./ui.ts' as string)) as {
    runUiBench: () => Promise<{ name: string; value: number; unit: string }[]>;
  };
  for (const f of await mod.runUiBench()) print(f);
}
