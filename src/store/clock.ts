// The display clock: the virtual time the moving things are drawn at, once per animation frame.
// The worker answers at most ~20 times a second (each answer costs the page a message and a React
// pass); between answers the display time glides at the chosen speed, never past the time the
// worker has confirmed — so nothing is drawn that the page does not know yet. Paused, stepped or
// scrubbed, it snaps to the confirmed time. Not React state: subscribers draw imperatively.

type Listener = (t: number) => void;

/** Longest wall time one display step (and one worker request) may cover, ms: a hidden tab does not leap. */
export const MAX_WALL_STEP = 100;
/** How far the display time may trail the confirmed time while gliding (virtual µs): two longest steps. */
export const glideLag = (speed: number) => 2 * MAX_WALL_STEP * 1000 * speed;

const listeners = new Set<Listener>();
let display = 0;

export function displayTime(): number {
  return display;
}

/** Set the display time and tell the drawers (message layer, transcript marks). */
export function setDisplayTime(t: number): void {
  if (t === display) return;
  display = t;
  for (const f of listeners) f(t);
}

export function onDisplayTime(f: Listener): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * The next display time: `confirmed` when not gliding, else the previous display time moved by
 * wall time × speed, clamped to [confirmed − lead, confirmed] (it lags at most one worker answer).
 */
export function nextDisplayTime(
  prev: number,
  confirmed: number,
  wallMs: number,
  speed: number,
  glide: boolean,
  maxLagUs: number,
): number {
  // Not playing, scrubbed back, or jumped far ahead (a seek while playing): snap.
  if (!glide || prev > confirmed || confirmed - prev > maxLagUs) return confirmed;
  return Math.min(confirmed, prev + Math.round(wallMs * 1000 * speed));
}
