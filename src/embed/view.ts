// What the embedded widget shows (its own small store, in the embed chunk).
import { create } from 'zustand';
import type { EmbedParams } from './params.ts';

/** What the widget shows: locked to what the URL (or the host's last `load`) opened. */
export interface EmbedView {
  params: EmbedParams;
  /** A scenario or chapter is locked in: no picker. */
  locked: boolean;
  /** Lesson 27's chapter open (1-based), or null. */
  chapter: number | null;
}

export const useEmbed = create<EmbedView>(() => ({
  params: { scenario: null, chapter: null, controls: 'full', parent: null, problems: [] },
  locked: false,
  chapter: null,
}));
