/**
 * The character devices a container runtime puts in `/dev` (runc's default devices, which
 * containerd and CRI-O both use) and that a Debian node has too. Numbers from the kernel's
 * Documentation/admin-guide/devices.txt: major 1 is the memory devices, 5,0 the controlling tty.
 */

import { decodeBytes } from '../streams/bytes';

export type DeviceName = 'null' | 'zero' | 'full' | 'random' | 'urandom' | 'tty';

export interface DeviceInfo {
  major: number;
  minor: number;
  /** Reading to end of file never ends: the bytes keep coming (or, for a tty, are waited for). */
  endless: boolean;
}

export const DEVICES: Record<DeviceName, DeviceInfo> = {
  null: { major: 1, minor: 3, endless: false },
  zero: { major: 1, minor: 5, endless: true },
  full: { major: 1, minor: 7, endless: true },
  random: { major: 1, minor: 8, endless: true },
  urandom: { major: 1, minor: 9, endless: true },
  tty: { major: 5, minor: 0, endless: true },
};

/**
 * A read that would never reach end of file: the command blocks (or keeps writing) until it is
 * interrupted, as `cat /dev/zero` does. The shell turns it into a job that only Ctrl+C ends.
 */
export class EndlessRead extends Error {
  constructor(readonly path: string) {
    super(`${path}: endless read`);
    this.name = 'EndlessRead';
  }
}

/**
 * What a read of `limit` bytes returns: null is at end of file at once; zero and full give NUL
 * bytes, random and urandom random bytes (0x00-0xff, carried as streams/bytes describes); a tty
 * waits for input.
 */
export function deviceRead(device: DeviceName, limit: number | undefined, random: () => number): string {
  if (device === 'null') return '';
  if (limit === undefined || device === 'tty') throw new EndlessRead(`/dev/${device}`);
  if (device === 'zero' || device === 'full') return '\0'.repeat(limit);
  const bytes = new Uint8Array(limit);
  for (let i = 0; i < limit; i++) bytes[i] = random() & 0xff;
  return decodeBytes(bytes);
}

/** The entries of a container's `/dev` that are devices, by name. */
export const CONTAINER_DEVICES: DeviceName[] = ['full', 'null', 'random', 'tty', 'urandom', 'zero'];

/**
 * The links every Linux /dev has (the OCI runtime spec's "Dev symbolic links", which runc makes
 * in containers and udev/systemd on hosts). Their targets live in /proc, which these machines
 * do not have: `ls -l` shows them, reading one is the shell's business (`cat /dev/stdin`).
 */
export const DEV_LINKS: [string, string][] = [
  ['fd', '/proc/self/fd'],
  ['stderr', '/proc/self/fd/2'],
  ['stdin', '/proc/self/fd/0'],
  ['stdout', '/proc/self/fd/1'],
];
