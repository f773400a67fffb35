// npm run scenario -- FILE.json [--out TRACE.json] [--seed N]
// Runs a scenario in the engine and writes its trace (stdout without --out).
import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario, ScenarioError } from '../src/engine/index.ts';

function usage(msg: string): never {
  console.error(`(error) ERR ${msg}\nusage: npm run scenario -- FILE.json [--out TRACE.json] [--seed N]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let out: string | undefined;
let seed = 1;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--out') out = args[++i] ?? usage("'--out' needs a file name");
  else if (a === '--seed') {
    const v = args[++i];
    if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff)
      usage(`'--seed' needs an integer from 0 to 4294967295, got ${JSON.stringify(v)}`);
    seed = Number(v);
  } else if (a.startsWith('--')) usage(`unknown option '${a}'`);
  else if (file) usage(`one scenario file at a time (got '${file}' and '${a}')`);
  else file = a;
}
if (!file) usage('a scenario file is required');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  usage(`can't read '${file}': ${(e as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (e) {
  usage(`'${file}' is not valid JSON: ${(e as Error).message}`);
}
try {
  const trace = runScenario(json, { seed });
  const body = `${JSON.stringify(trace, null, 1)}\n`;
  if (out) {
    writeFileSync(out, body);
    console.error(
      `${trace.scenario}${trace.era ? ` (era ${trace.era}, modelled from the Redis source)` : ''}: ${trace.steps.length} steps, outcomes: ${trace.outcome.line || '(none)'} -> ${out}`,
    );
  } else process.stdout.write(body);
} catch (e) {
  if (e instanceof ScenarioError) {
    console.error(`(error) ${e.message}`);
    process.exit(1);
  }
  throw e;
}
