import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * A build plugin that runs `step(outDir)` once the whole build is on disk (public/ copied, every
 * other plugin's output written): closeBundle, and only after a bundle was written (closeBundle
 * also runs after a failed build).
 */
export function afterBuild(name: string, step: (outDir: string) => void): Plugin {
  let config: ResolvedConfig;
  let written = false;
  return {
    name,
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    writeBundle() {
      written = true;
    },
    closeBundle() {
      if (written) step(resolve(config.root, config.build.outDir));
    },
  };
}
