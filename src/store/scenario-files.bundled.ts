// The single-file build's scenario files: every scenario is inside the page (a file:// page
// cannot fetch). Same exports as scenario-files.ts, which vite.config.ts swaps for this one.
import { files, index } from 'virtual:psync-scenarios';

export async function scenarioIndex(): Promise<unknown> {
  return index;
}

export async function scenarioFile(name: string): Promise<unknown> {
  return Object.hasOwn(files, name) ? structuredClone(files[name]) : null;
}
