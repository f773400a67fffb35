// The scenario files (scenarios/*.json, not the *.trace.json recordings) as the app gets them:
// - hosted build: served in dev and emitted as scenarios/NAME.json + scenarios/index.json, so a
//   copied build works offline (src/store/scenario-files.ts fetches them);
// - single-file build: one virtual module holding all of them (src/store/scenario-files.bundled.ts),
//   since a page opened from file:// cannot fetch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));

/** Scenario file names (NAME.json), sorted. */
function files(): string[] {
  return existsSync(DIR)
    ? readdirSync(DIR)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.trace.json') && f !== 'index.json')
        .sort()
    : [];
}
const names = () => files().map((f) => f.slice(0, -'.json'.length));
const read = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8');

/** Hosted build: scenarios/ served in dev and copied into the build. */
export function scenarios(): Plugin {
  return {
    name: 'psync-scenarios',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/scenarios\/([A-Za-z0-9_-]+)\.json$/.exec(req.url?.split('?')[0] ?? '');
        if (!m) return next();
        const body =
          m[1] === 'index'
            ? JSON.stringify(names())
            : files().includes(`${m[1]}.json`)
              ? read(`${m[1]}.json`)
              : null;
        if (body === null) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
    },
    generateBundle() {
      for (const f of files()) this.emitFile({ type: 'asset', fileName: `scenarios/${f}`, source: read(f) });
      this.emitFile({ type: 'asset', fileName: 'scenarios/index.json', source: JSON.stringify(names()) });
    },
  };
}

export const BUNDLED_ID = 'virtual:psync-scenarios';

/** Single-file build: `virtual:psync-scenarios` exports `index` (names) and `files` (name → JSON). */
export function bundledScenarios(): Plugin {
  const resolved = `\0${BUNDLED_ID}`;
  return {
    name: 'psync-bundled-scenarios',
    resolveId: (id) => (id === BUNDLED_ID ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      const entries = files().map((f) => `${JSON.stringify(f.slice(0, -5))}: ${read(f).trim()}`);
      return `export const index = ${JSON.stringify(names())};\nexport const files = {\n${entries.join(',\n')}\n};\n`;
    },
  };
}
