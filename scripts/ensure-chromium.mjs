#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (nothing here may download a browser build).
// Finds it, installs it when running as root, or says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p));
}

function main() {
  if (findChromium()) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('No Chromium found for the end-to-end tests. Install Debian\'s package, then run npm test again:');
    console.error('  sudo apt-get update && sudo apt-get install -y chromium');
    console.error('(or point CHROMIUM_PATH at an existing Chromium binary)');
    return 1;
  }
  console.log('No Chromium found; installing Debian\'s chromium package (apt-get)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${r.status}). Install it by hand: apt-get update && apt-get install -y chromium`);
      return 1;
    }
  }
  if (!findChromium()) {
    console.error('apt-get finished but /usr/bin/chromium is still missing.');
    return 1;
  }
  console.log(execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim());
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
