// The Content-Security-Policy of the built lab, and the single-file build's last step.
//
// Hosted build: a <meta> policy in index.html (a static folder cannot be relied on to send headers;
// `vite preview` sends the same policy as a header too, so the worker's own script runs under it):
// everything from the page's own origin, nothing inline, no eval, no remote origin.
//
// Single file: the page's one <script> and one <style> are inline, so the policy names each by
// its sha256 (nothing else inline can run), and the worker starts from a blob: URL (Vite's inline
// worker), so worker-src allows blob: and nothing more.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { afterBuild } from './after-build.ts';

const COMMON = ["base-uri 'none'", "object-src 'none'", "form-action 'none'"];

/** The hosted lab's policy. */
export const HOSTED_CSP = ["default-src 'self'", ...COMMON].join('; ');

const meta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

/** Puts the policy first in <head>, after <meta charset> (which must stay in the first 1024 bytes). */
function withPolicy(html: string, policy: string): string {
  const at = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (!at) throw new Error('index.html has no <meta charset>: the CSP meta has no place');
  const end = at.index + at[0].length;
  return `${html.slice(0, end)}\n    ${meta(policy)}${html.slice(end)}`;
}

/** Hosted build: the policy as a <meta> in index.html. */
export function hostedCsp(): Plugin {
  return {
    name: 'psync-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withPolicy(html, HOSTED_CSP) },
  };
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The single file's policy: its inline <script>s and <style>s by hash, the worker from blob:. */
export function singleFilePolicy(html: string): string {
  const hashes = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => sha256(m[1]));
  const scripts = hashes('script');
  const styles = hashes('style');
  if (scripts.length === 0) throw new Error('the single file has no inline script');
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    'worker-src blob:',
    "img-src 'self' data:",
    ...COMMON,
  ].join('; ');
}

/**
 * Single-file build, once vite-plugin-singlefile has inlined everything: drop the links that
 * need files beside the page (manifest, PNG icons), inline the SVG icon, add the policy, and
 * write OUT_DIR/`fileName` in place of index.html.
 */
export function singleFileOutput(fileName: string, iconSvg: string): Plugin {
  return afterBuild('psync-single-file-output', (dir) => {
    const icon = `data:image/svg+xml,${encodeURIComponent(readFileSync(iconSvg, 'utf8').trim())}`;
    let html = readFileSync(join(dir, 'index.html'), 'utf8')
      .replace(/\s*<link rel="(manifest|apple-touch-icon)"[^>]*>/g, '')
      .replace(/\s*<link rel="icon" href="[^"]*\.png"[^>]*>/g, '')
      .replace(/<link rel="icon" href="[^"]*\.svg"/, `<link rel="icon" href="${icon}"`);
    html = withPolicy(html, singleFilePolicy(html));
    writeFileSync(join(dir, fileName), html);
    rmSync(join(dir, 'index.html'));
  });
}
