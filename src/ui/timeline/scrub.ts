// The time bar's own arrow keys. A slider reached with the keyboard keeps them (ui/keymap.ts), and
// the scrubber's native step is 1 µs: ← moved nothing a student could see (QA walk 5). An arrow
// moves 100 ms, with Shift 1 s; PageUp/PageDown and Home/End stay the browser's (a tenth, the ends).

/** Where `key` moves the scrubber from `at` (µs), kept within [0, max]; null for any other key. */
export function scrubTo(key: string, shift: boolean, at: number, max: number): number | null {
  const back = key === 'ArrowLeft' || key === 'ArrowDown';
  if (!back && key !== 'ArrowRight' && key !== 'ArrowUp') return null;
  const d = (shift ? 1_000_000 : 100_000) * (back ? -1 : 1);
  return Math.min(max, Math.max(0, at + d));
}
