// The hosted build's first load as one script. Left to itself the bundler splits the modules the
// page imports statically into the entry and several small shared chunks (whichever lazy chunks
// also import them), each with its own import/export glue and its own gzip window: ~2.6 kB gzip
// of the 120 kB first-load budget went to that. This puts every module reachable from the entry
// through static imports in the entry's chunk; lazy chunks import from it. The worker and the
// single-file build are separate builds and unaffected.

interface ModuleInfoLike {
  isEntry: boolean;
  /** Modules that import this one statically (dynamic importers are listed elsewhere). */
  importers: readonly string[];
}

/** A `codeSplitting` group name: 'first-load' for a module the entry reaches statically. */
export function firstLoadChunk(
  id: string,
  ctx: { getModuleInfo(id: string): ModuleInfoLike | null },
): string | null {
  const seen = new Set<string>();
  const reaches = (m: string): boolean => {
    if (seen.has(m)) return false;
    seen.add(m);
    const info = ctx.getModuleInfo(m);
    if (!info) return false;
    return info.isEntry || info.importers.some(reaches);
  };
  return reaches(id) ? 'first-load' : null;
}
