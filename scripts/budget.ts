// `npm test`'s budget check, after the build: the first load of each language within 120 kB gzip
// (scripts/build/first-load-size.ts). A page that grew past it fails here, not in a later bench run
// (a console import of the engine's index once pulled the engine into the first load: 153 kB).
//   npx tsx scripts/budget.ts   (after npx vite build)
import { join } from 'node:path';
import { FIRST_LOAD_BUDGET, firstLoad } from './build/first-load-size.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
let over = 0;
for (const lang of ['zh', 'en'] as const) {
  const { page } = firstLoad(DIST, lang);
  const ok = page <= FIRST_LOAD_BUDGET;
  if (!ok) over++;
  console.log(`first load ${lang}: ${page} B of ${FIRST_LOAD_BUDGET} B gzip ${ok ? 'ok' : 'OVER BUDGET'}`);
}
process.exit(over ? 1 : 0);
