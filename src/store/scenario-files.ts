// Where the hosted lab gets scenario files: the static folder next to index.html
// (scenarios/index.json + scenarios/NAME.json), so a copied build works offline. The single-file
// build swaps this module for scenario-files.bundled.ts (vite.config.ts), with the same exports.

function scenarioUrl(file: string): string {
  return new URL(`scenarios/${file}`, document.baseURI).href;
}

async function getJson(file: string): Promise<unknown> {
  try {
    const r = await fetch(scenarioUrl(file));
    return r.ok ? await r.json() : null;
  } catch {
    return null;
  }
}

/** The list of scenario names as published (unchecked JSON), or null when there is none. */
export function scenarioIndex(): Promise<unknown> {
  return getJson('index.json');
}

/** The scenario file NAME.json (unchecked JSON), or null when it cannot be had. `name` is checked by the caller. */
export function scenarioFile(name: string): Promise<unknown> {
  return getJson(`${name}.json`);
}
