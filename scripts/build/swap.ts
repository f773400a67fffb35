// A build-time module swap: every import that resolves to `from` gets `to` instead (same exports).
// The single-file build uses it for the two things a file:// page must carry inside itself: the
// workers (spawn-worker.ts → spawn-worker.inline.ts, ui/cluster/spawn-draw.ts → spawn-draw.inline.ts) and the scenarios (scenario-files.ts →
// scenario-files.bundled.ts). Paths are absolute.
import type { Plugin } from 'vite';

export function swapModules(pairs: Record<string, string>): Plugin {
  return {
    name: 'psync-swap-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.startsWith('\0')) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r && Object.hasOwn(pairs, r.id) ? pairs[r.id] : null;
    },
  };
}
