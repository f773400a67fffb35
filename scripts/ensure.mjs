// Installs what the project needs when it is missing, so a fresh machine needs only
// `npm start` or `npm test`. Every step is a no-op when the thing is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** npm ci (or npm install without a lockfile) when node_modules lacks our tools. */
export function ensureNodeModules() {
  if (existsSync(join(ROOT, 'node_modules/.bin/vite')) && existsSync(join(ROOT, 'node_modules/.bin/tsx')))
    return;
  console.log('[ensure] installing npm dependencies (first run)…');
  const lock = existsSync(join(ROOT, 'package-lock.json'));
  execFileSync('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

let aptUpdated = false;
function aptInstall(pkgs) {
  if (process.getuid?.() !== 0) {
    console.log(
      `[ensure] not root: install ${pkgs.join(' ')} with: sudo apt-get install -y ${pkgs.join(' ')}`,
    );
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  if (!aptUpdated) {
    execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
    stdio: 'inherit',
    env,
  });
  return true;
}

/** Debian's redis-server (7.0.15 on bookworm): the judge for the conformance tests. */
export function ensureRedis() {
  if (have('redis-server')) return true;
  console.log('[ensure] installing redis-server from Debian packages…');
  aptInstall(['redis-server']);
  // Never use the system service: the tests start their own processes on loopback.
  spawnSync(
    'sh',
    [
      '-c',
      'systemctl stop redis-server 2>/dev/null; service redis-server stop 2>/dev/null; pkill -x redis-server 2>/dev/null',
    ],
    { stdio: 'ignore' },
  );
  return have('redis-server');
}

/** Debian's chromium for Playwright (Playwright cannot download its own browser here). */
export function ensureChromium() {
  const font = spawnSync('dpkg', ['-s', 'fonts-wqy-microhei'], { stdio: 'ignore' }).status === 0;
  if (existsSync('/usr/bin/chromium') && font) return true;
  if (!existsSync('/usr/bin/chromium') && existsSync('/usr/bin/apt-get'))
    console.log('[ensure] installing chromium from Debian packages…');
  // chromium for the browser tests, a CJK font so zh screenshots show Chinese glyphs
  if (existsSync('/usr/bin/apt-get'))
    aptInstall([
      ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
      ...(font ? [] : ['fonts-wqy-microhei']),
    ]);
  return existsSync('/usr/bin/chromium');
}
