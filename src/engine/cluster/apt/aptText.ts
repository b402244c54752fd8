/** apt's wording: sizes (apt-pkg SizeToStr), the `Fetched` line, wrapped package lists, help. */
import type { DebPackage, Distro } from './packages';

/** apt-pkg's SizeToStr with the `B` unit: `3,700 B`, `25.7 kB`, `1,002 kB`, `19.3 MB`. */
export function formatBytes(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let size = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${ext[i]}B`;
    if (size < 10000) return `${Math.round(size).toLocaleString('en-US')} ${ext[i]}B`;
    size /= 1000;
  }
  return `${Math.round(size)} PB`;
}

/** apt-pkg's TimeToStr for whole seconds: `3s`, `1min 5s`. */
function timeToStr(seconds: number): string {
  if (seconds >= 60) return `${Math.floor(seconds / 60)}min ${seconds % 60}s`;
  return `${seconds}s`;
}

/** `Fetched 29.6 MB in 3s (9,830 kB/s)`. */
export function fetchedLine(bytes: number, elapsedMs: number): string {
  const secs = Math.floor(elapsedMs / 1000);
  const rate = bytes / Math.max(elapsedMs / 1000, 0.001);
  return `Fetched ${formatBytes(bytes)} in ${timeToStr(secs)} (${formatBytes(rate)}/s)\n`;
}

/** A package's name in a release: Debian 12 predates the 64-bit time_t `t64` renames. */
export function debName(p: DebPackage, distro: Distro): string {
  return distro === 'bookworm' ? p.name.replace(/t64$/, '') : p.name;
}

/** apt's ShowList: two-space indent, words wrapped before the 80th column. */
export function wrapList(names: readonly string[], width = 80): string {
  let out = '';
  let line = ' ';
  for (const n of names) {
    if (line.length + 1 + n.length >= width && line.trim() !== '') {
      out += `${line}\n`;
      line = ' ';
    }
    line += ` ${n}`;
  }
  return `${out}${line}\n`;
}

/** One index `apt-get update` fetches; `release` marks the InRelease files (`Hit:` on refresh). */
export interface MirrorList {
  url: string;
  size: number;
  release: boolean;
}

/** The indexes a fresh container fetches, in the order apt prints them. */
export function mirrorLists(distro: Distro): MirrorList[] {
  const L = (url: string, size: number, release = false): MirrorList => ({ url, size, release });
  if (distro === 'noble') {
    const a = 'http://archive.ubuntu.com/ubuntu';
    const s = 'http://security.ubuntu.com/ubuntu';
    return [
      L(`${a} noble InRelease`, 256_000, true),
      L(`${s} noble-security InRelease`, 126_000, true),
      L(`${a} noble-updates InRelease`, 126_000, true),
      L(`${a} noble-backports InRelease`, 126_000, true),
      L(`${a} noble/universe amd64 Packages`, 19_300_000),
      L(`${s} noble-security/main amd64 Packages`, 1_060_000),
      L(`${a} noble/main amd64 Packages`, 1_808_000),
      L(`${a} noble/restricted amd64 Packages`, 117_000),
      L(`${a} noble/multiverse amd64 Packages`, 331_000),
      L(`${a} noble-updates/main amd64 Packages`, 1_371_000),
      L(`${a} noble-updates/universe amd64 Packages`, 1_515_000),
    ];
  }
  const d = 'http://deb.debian.org/debian';
  return [
    L(`${d} bookworm InRelease`, 151_000, true),
    L(`${d} bookworm-updates InRelease`, 55_400, true),
    L(`${d}-security bookworm-security InRelease`, 48_000, true),
    L(`${d} bookworm/main amd64 Packages`, 8_792_000),
    L(`${d} bookworm-updates/main amd64 Packages`, 13_500),
    L(`${d}-security bookworm-security/main amd64 Packages`, 245_000),
  ];
}

/** `apt-get` without a command: its help (apt 2.7.14 on noble, 2.6.1 on bookworm). */
export function aptUsage(distro: Distro): string {
  return `apt ${distro === 'noble' ? '2.7.14' : '2.6.1'} (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  reinstall - Reinstall packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages
  dist-upgrade - Distribution upgrade, see apt-get(8)
  dselect-upgrade - Follow dselect selections
  build-dep - Configure build-dependencies for source packages
  satisfy - Satisfy dependency strings
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files
  check - Verify that there are no broken dependencies
  source - Download source archives
  download - Download the binary package into the current directory
  changelog - Download and display the changelog for the given package

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;
}
