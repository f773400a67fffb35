// `npm start`: install what is missing on first run, then serve the lab.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNodeModules, ROOT } from './ensure.mjs';

ensureNodeModules();
const vite = spawn(join(ROOT, 'node_modules/.bin/vite'), ['--open=false', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => vite.kill(sig));
vite.on('exit', (code) => process.exit(code ?? 0));
