import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorker } from './scripts/build/offline.ts';

// scenarios/*.json (not the *.trace.json recordings) are served in dev and emitted into the
// build as scenarios/NAME.json + scenarios/index.json, so a copied build works offline.
function scenarios(): Plugin {
  const dir = fileURLToPath(new URL('./scenarios', import.meta.url));
  const files = () =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json') && f !== 'index.json')
          .sort()
      : [];
  const index = () => JSON.stringify(files().map((f) => f.slice(0, -'.json'.length)));
  return {
    name: 'psync-scenarios',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/scenarios\/([A-Za-z0-9_-]+)\.json$/.exec(req.url?.split('?')[0] ?? '');
        if (!m) return next();
        const body =
          m[1] === 'index'
            ? index()
            : files().includes(`${m[1]}.json`)
              ? readFileSync(`${dir}/${m[1]}.json`, 'utf8')
              : null;
        if (body === null) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
    },
    generateBundle() {
      for (const f of files())
        this.emitFile({ type: 'asset', fileName: `scenarios/${f}`, source: readFileSync(`${dir}/${f}`) });
      this.emitFile({ type: 'asset', fileName: 'scenarios/index.json', source: index() });
    },
  };
}

// base './' so the built folder works from any sub-path of a static server (offline use).
export default defineConfig({
  base: './',
  plugins: [react(), scenarios(), serviceWorker()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
