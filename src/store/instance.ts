// The one controller of the page, set by main.tsx (tests may set a fake).
import type { Controller } from './client.ts';

let current: Controller | null = null;

export function setController(c: Controller | null): void {
  current = c;
}

export function ctl(): Controller {
  if (!current) throw new Error('the lab controller is not started');
  return current;
}
