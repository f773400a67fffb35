// Draws the app icons into public/: icon.svg (the favicon and the manifest's "any" icon) and the
// PNGs a web app manifest needs (192 and 512, "any" with rounded corners, "maskable" full bleed).
// The PNGs are rendered from the same SVG by the Chromium the e2e tests use, so they cannot drift
// from the SVG. Run after changing the drawing: node scripts/icons.mjs (outputs are committed).
//
// The drawing: the top bar's colour (#1f2430, app.css .topbar) with the logo's two arrows — the
// master's stream going right (#ff6b6b, the .logo colour) and the replica's PSYNC going back
// (#93b4ff). Every stroke stays within 190 px of the centre of 512, inside the maskable safe
// zone (a circle of radius 0.4 × 512 = 204.8 px), so a launcher's mask never cuts an arrow.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const OUT = join(import.meta.dirname, '..', 'public');
const BG = '#1f2430';

function svg(rounded) {
  const corner = rounded ? ' rx="104"' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<title>PSYNC Lab</title>
<rect width="512" height="512"${corner} fill="${BG}"/>
<g fill="none" stroke-width="40" stroke-linecap="round" stroke-linejoin="round">
<path stroke="#ff6b6b" d="M136 196H376M316 136L376 196L316 256"/>
<path stroke="#93b4ff" d="M376 316H136M196 256L136 316L196 376"/>
</g>
</svg>
`;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  writeFileSync(join(OUT, 'icon.svg'), svg(true));
  for (const [name, rounded, size] of [
    ['icon-192.png', true, 192],
    ['icon-512.png', true, 512],
    ['icon-maskable-192.png', false, 192],
    ['icon-maskable-512.png', false, 512],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const body = svg(rounded).replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block}</style>${body}`,
    );
    writeFileSync(join(OUT, name), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/${name}`);
  }
} finally {
  await browser.close();
}
