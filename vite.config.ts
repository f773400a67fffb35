import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { HOSTED_CSP, hostedCsp, singleFileOutput } from './scripts/build/csp.ts';
import { firstLoadChunk } from './scripts/build/first-load.ts';
import { serviceWorker } from './scripts/build/offline.ts';
import { bundledScenarios, scenarios } from './scripts/build/scenarios.ts';
import { swapModules } from './scripts/build/swap.ts';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const shared: UserConfig = {
  // base './' so the built folder works from any sub-path of a static server (offline use).
  base: './',
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': HOSTED_CSP } },
};

// `vite build` (mode production): the hosted lab in dist/ — scenarios as files, a service worker,
// a CSP meta. `vite build --mode single` (npm run build:single): dist-single/psync-lab.html, one
// file that opens from file:// with the worker and every scenario inside.
export default defineConfig(({ mode }) =>
  mode === 'single'
    ? {
        ...shared,
        // A module worker from a blob: URL does not start in a file:// page (opaque origin); a
        // classic one does.
        worker: { format: 'iife' },
        publicDir: false,
        plugins: [
          swapModules({
            [path('./src/store/spawn-worker.ts')]: path('./src/store/spawn-worker.inline.ts'),
            [path('./src/ui/cluster/spawn-draw.ts')]: path('./src/ui/cluster/spawn-draw.inline.ts'),
            [path('./src/store/scenario-files.ts')]: path('./src/store/scenario-files.bundled.ts'),
          }),
          react(),
          bundledScenarios(),
          viteSingleFile(),
          singleFileOutput('psync-lab.html', path('./public/icon.svg')),
        ],
        build: { target: 'es2022', sourcemap: false, outDir: 'dist-single', emptyOutDir: true },
      }
    : {
        ...shared,
        plugins: [react(), scenarios(), serviceWorker(), hostedCsp()],
        build: {
          target: 'es2022',
          sourcemap: false,
          chunkSizeWarningLimit: 600,
          // The first load as one script (scripts/build/first-load.ts).
          rolldownOptions: { output: { codeSplitting: { groups: [{ name: firstLoadChunk }] } } },
        },
      },
);
