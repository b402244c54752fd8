import { imageBaseName } from './imageRef';
import { effectiveArgv, runCommandLine } from './process';
import type { ImageProfile } from './types';

/** Applets of busybox 1.36 that learners reach for (the real list is ~400 long). */
const BUSYBOX_APPLETS = ['ls', 'cat', 'echo', 'sleep', 'touch', 'rm', 'mkdir', 'wget', 'nslookup', 'ping', 'traceroute', 'nc', 'telnet', 'ip', 'ifconfig', 'route', 'netstat', 'hostname', 'env', 'ps', 'top', 'date', 'head', 'tail', 'grep', 'sed', 'awk', 'vi', 'true', 'false', 'test', 'id', 'whoami', 'uname', 'df', 'du', 'free', 'kill', 'which', 'arp', 'httpd', 'tee', 'wc', 'sort', 'uniq', 'getent'];
const COREUTILS = ['ls', 'cat', 'echo', 'sleep', 'touch', 'rm', 'mkdir', 'env', 'hostname', 'date', 'head', 'tail', 'grep', 'sed', 'awk', 'true', 'false', 'test', 'id', 'whoami', 'uname', 'df', 'du', 'kill', 'which', 'tee', 'wc', 'sort', 'uniq', 'getent'];

/** Builds a profile for an image whose job is to run whatever command it is given. */
function toolImage(name: string, opts: { match: (base: string, repo: string) => boolean; shell: ImageProfile['shell']; binSh?: 'dash' | 'ash'; tools: string[]; size: number; entrypoint?: string[]; cmd: string[] }): ImageProfile {
  const profile: ImageProfile = {
    name,
    ...(opts.binSh ? { binSh: opts.binSh } : {}),
    matches: (ref) => opts.match(imageBaseName(ref), ref.repository),
    shell: opts.shell,
    tools: opts.tools,
    sizeBytes: () => opts.size,
    start: (launch) => runCommandLine(profile, launch, effectiveArgv(launch, opts.entrypoint ?? [], opts.cmd)),
  };
  return profile;
}

/** busybox: `sh` by default, so without a command or a terminal it exits at once. */
export const busyboxProfile = toolImage('busybox', { match: (b) => b === 'busybox', shell: 'sh', tools: BUSYBOX_APPLETS, size: 2222260, cmd: ['sh'] });

/** ubuntu: `bash` by default; no curl, ping or dig until `apt-get install`. */
export const ubuntuProfile = toolImage('ubuntu', { match: (b) => b === 'ubuntu' || b === 'debian', shell: 'bash', tools: [...COREUTILS, 'apt-get', 'apt', 'dpkg', 'bash', 'sh'], size: 29754422, cmd: ['/bin/bash'] });

/** The Kubernetes e2e DNS debugging image (bind9 `nslookup`, `dig`, `host`). */
export const dnsutilsProfile = toolImage('dnsutils', {
  match: (b) => b === 'dnsutils' || b === 'jessie-dnsutils',
  shell: 'sh',
  tools: [...BUSYBOX_APPLETS, 'dig', 'host', 'nslookup', 'nsupdate'],
  size: 48346213,
  cmd: ['sh'],
});

/** nicolaka/netshoot: every network tool there is; zsh by default. */
export const netshootProfile = toolImage('netshoot', {
  match: (b) => b === 'netshoot',
  shell: 'zsh',
  // Alpine underneath: /bin/sh is busybox ash.
  binSh: 'ash',
  tools: [...BUSYBOX_APPLETS, 'bash', 'sh', 'curl', 'dig', 'host', 'nslookup', 'tcpdump', 'iptables', 'ipvsadm', 'conntrack', 'ss', 'iperf3', 'mtr', 'nmap', 'socat', 'jq', 'drill'],
  size: 207612140,
  cmd: ['zsh'],
});

/** curlimages/curl: ENTRYPOINT `curl`, CMD `--help`, so by default it prints help and exits. */
export const curlProfile = toolImage('curl', {
  match: (_b, repo) => repo === 'curlimages/curl',
  shell: 'sh',
  tools: [...BUSYBOX_APPLETS, 'curl'],
  size: 12478914,
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl', '--help'],
});
// The entrypoint script just execs its arguments.
curlProfile.start = (launch) => {
  const argv = effectiveArgv(launch, ['/entrypoint.sh'], ['curl', '--help']);
  return runCommandLine(curlProfile, launch, argv[0] === '/entrypoint.sh' ? argv.slice(1) : argv);
};
