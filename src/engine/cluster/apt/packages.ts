/**
 * The few Debian/Ubuntu packages learners install in a pod to debug Services, with the versions,
 * sizes and (main) dependencies of Ubuntu 24.04 "noble" and Debian 12 "bookworm", and the
 * commands each one brings.
 */

export type Distro = 'noble' | 'bookworm';

/** One .deb as apt lists and downloads it. */
export interface DebPackage {
  name: string;
  version: Record<Distro, string>;
  arch: 'amd64' | 'all';
  /** Download size in bytes. */
  size: number;
  /** Installed size in bytes. */
  installed: number;
  /** Archive section (`main`/`universe`) and pocket it comes from on noble. */
  component: 'main' | 'universe';
  deps: string[];
  /** Executables the package installs (only the ones the lab simulates matter). */
  tools: string[];
}

const P = (name: string, noble: string, bookworm: string, arch: DebPackage['arch'], size: number, installed: number, deps: string[] = [], tools: string[] = [], component: DebPackage['component'] = 'main'): DebPackage => ({
  name,
  version: { noble, bookworm },
  arch,
  size,
  installed,
  component,
  deps,
  tools,
});

/** Packages by name (virtual and transitional names resolve through {@link ALIASES}). */
export const PACKAGES: Record<string, DebPackage> = Object.fromEntries(
  [
    P('curl', '8.5.0-2ubuntu10.6', '7.88.1-10+deb12u12', 'amd64', 226_800, 534_000, ['libcurl4t64', 'ca-certificates'], ['curl']),
    P('libcurl4t64', '8.5.0-2ubuntu10.6', '7.88.1-10+deb12u12', 'amd64', 341_100, 929_000, ['libnghttp2-14', 'libpsl5t64', 'libbrotli1', 'librtmp1', 'libssh-4']),
    P('ca-certificates', '20240203', '20230311', 'all', 159_800, 383_000, ['openssl']),
    P('openssl', '3.0.13-0ubuntu3.5', '3.0.16-1~deb12u1', 'amd64', 1_002_000, 2_330_000, [], ['openssl']),
    P('libnghttp2-14', '1.59.0-1ubuntu0.2', '1.52.0-1+deb12u2', 'amd64', 74_300, 199_000),
    P('libpsl5t64', '0.21.2-1.1build1', '0.21.2-1', 'amd64', 57_400, 103_000),
    P('libbrotli1', '1.1.0-2build2', '1.0.9-2+b6', 'amd64', 339_700, 821_000),
    P('librtmp1', '2.4+20151223.gitfa8646d.1-2build7', '2.4+20151223.gitfa8646d.1-2+b2', 'amd64', 56_300, 133_000),
    P('libssh-4', '0.10.6-2build2', '0.10.6-0+deb12u1', 'amd64', 188_700, 478_000),
    P('wget', '1.21.4-1ubuntu4.1', '1.21.3-1+b2', 'amd64', 334_400, 949_000, ['libpsl5t64', 'ca-certificates'], ['wget']),
    P('iputils-ping', '3:20240117-1build1', '3:20221126-1+deb12u1', 'amd64', 44_400, 115_000, ['libcap2-bin'], ['ping']),
    P('libcap2-bin', '1:2.66-5ubuntu2.2', '1:2.66-4', 'amd64', 34_600, 122_000),
    P('netcat-openbsd', '1.226-1ubuntu2', '1.219-1', 'amd64', 44_400, 109_000, ['libbsd0'], ['nc', 'netcat']),
    P('libbsd0', '0.12.1-1build1.1', '0.11.7-2', 'amd64', 41_500, 141_000, ['libmd0']),
    P('libmd0', '1.1.0-2build1.1', '1.0.4-2', 'amd64', 25_000, 79_000),
    P('iproute2', '6.1.0-1ubuntu6', '6.1.0-3', 'amd64', 1_120_000, 3_920_000, ['libbpf1', 'libelf1t64', 'libmnl0', 'libxtables12', 'libcap2-bin'], ['ip', 'ss']),
    P('libbpf1', '1:1.3.0-2build2', '1:1.1.0-1', 'amd64', 166_400, 451_000, ['libelf1t64']),
    P('libelf1t64', '0.190-1.1ubuntu0.1', '0.188-2.1', 'amd64', 57_800, 144_000),
    P('libmnl0', '1.0.5-2build1', '1.0.4-3', 'amd64', 12_300, 43_000),
    P('libxtables12', '1.8.10-3ubuntu2', '1.8.9-2', 'amd64', 35_700, 118_000),
    P('bind9-dnsutils', '1:9.18.30-0ubuntu0.24.04.2', '1:9.18.33-1~deb12u2', 'amd64', 156_500, 559_000, ['bind9-libs', 'bind9-host'], ['dig', 'nslookup', 'nsupdate']),
    P('bind9-host', '1:9.18.30-0ubuntu0.24.04.2', '1:9.18.33-1~deb12u2', 'amd64', 50_500, 143_000, ['bind9-libs'], ['host']),
    P('bind9-libs', '1:9.18.30-0ubuntu0.24.04.2', '1:9.18.33-1~deb12u2', 'amd64', 1_252_000, 3_562_000, ['libuv1t64', 'libjson-c5', 'liblmdb0', 'libmaxminddb0']),
    P('dnsutils', '1:9.18.30-0ubuntu0.24.04.2', '1:9.18.33-1~deb12u2', 'all', 3_700, 18_000, ['bind9-dnsutils']),
    P('libuv1t64', '1.48.0-1.1build1', '1.44.2-1', 'amd64', 97_000, 253_000),
    P('libjson-c5', '0.17-1build1', '0.16-2', 'amd64', 35_300, 103_000),
    P('liblmdb0', '0.9.31-1build1', '0.9.24-1', 'amd64', 48_100, 124_000),
    P('libmaxminddb0', '1.9.1-1build1', '1.7.1-1', 'amd64', 25_700, 77_000),
    P('jq', '1.7.1-3build1', '1.6-2.1', 'amd64', 65_700, 173_000, ['libjq1'], ['jq'], 'universe'),
    P('libjq1', '1.7.1-3build1', '1.6-2.1', 'amd64', 141_100, 420_000, ['libonig5'], [], 'universe'),
    P('libonig5', '6.9.9-1build1', '6.9.8-1', 'amd64', 172_900, 624_000, [], [], 'universe'),
  ].map((p) => [p.name, p]),
);

/** Names apt resolves to another package (transitional or Debian-only names). */
export const ALIASES: Record<string, string> = { netcat: 'netcat-openbsd' };

/** `name` and everything it needs, dependencies first (apt unpacks in dependency order). */
export function withDependencies(names: readonly string[]): DebPackage[] {
  const out: DebPackage[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    const p = PACKAGES[n];
    if (!p) return;
    for (const d of p.deps) visit(d);
    out.push(p);
  };
  for (const n of names) visit(n);
  return out;
}
