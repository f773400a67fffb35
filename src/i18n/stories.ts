// The scenarios' stories, one chunk per language loaded on demand (a scenario's story is shown only
// once one is picked; the titles stay in the first-load catalog). `storyOf` answers from what is
// loaded; a component that shows a story calls `useStories(lang)`, which loads the chunk and
// renders again when it arrives. The zh chunk also carries the step notes in Chinese (`noteOf`).
import { useSyncExternalStore } from 'react';
import type { Lang } from './index.ts';

type Chunk = { stories: Record<string, string>; notes?: ReadonlyMap<string, string> };
const loaded: Partial<Record<Lang, Chunk>> = {};
const pending: Partial<Record<Lang, Promise<void>>> = {};
const listeners = new Set<() => void>();
let version = 0;

/** Load `lang`'s stories (once); listeners hear when they arrive. */
export function loadStories(lang: Lang): Promise<void> {
  pending[lang] ??= (lang === 'zh' ? import('./stories-zh.ts') : import('./stories-en.ts')).then((m) => {
    loaded[lang] = m;
    version++;
    for (const l of listeners) l();
  });
  return pending[lang];
}

/**
 * The story of scenario `name` in `lang`: its text once that language's stories are loaded, null
 * when they are loaded and have none, undefined while they are not loaded yet.
 */
export function storyOf(name: string, lang: Lang): string | null | undefined {
  const all = loaded[lang];
  return all ? (all.stories[name] ?? null) : undefined;
}

/**
 * A scenario step's `note` in `lang`: its translation once that language's chunk is loaded and has
 * one for these exact English words (a public scenario file's note), else the note as written. So
 * an opened file keeps its own words, and the page shows English until the chunk arrives.
 */
export function noteOf(note: string, lang: Lang): string {
  return loaded[lang]?.notes?.get(note) ?? note;
}

/** Starts loading `lang`'s stories (null: none needed yet) and re-renders the caller once they are in. */
export function useStories(lang: Lang | null): void {
  useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      if (lang) void loadStories(lang);
      return () => listeners.delete(cb);
    },
    () => version,
  );
}
