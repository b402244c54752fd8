import { CommandRegistry } from './CommandRegistry';
import { echo, printf } from './builtins/echoPrintf';
import { test } from './builtins/test';
import { cp, editor, mkdir, mv, rm, rmdir, tee, touch, wc } from './tools/fileTools';
import { grep, grepStreamsLines } from './tools/grep';
import { ls } from './tools/ls';
import { base64, clear, date, env, hostname, seq, sleep, which, whoami } from './tools/sysTools';
import { cut, sort, tail, uniq } from './tools/textTools';
import { head } from './tools/head';
import { cat, fold, yes } from './tools/streamTools';
import { od } from './tools/od';
import { tr } from './tools/tr';
import { xargs } from './tools/xargs';
import { shellCommand } from './tools/shellCommand';
import { awk } from './tools/awk';
import { sed } from './tools/sed';
import { jq } from './tools/jq';
import { diff } from './tools/diff/diff';
import type { Machine, ShellFlavor } from './types';
import { Vfs } from './vfs/Vfs';
import { CONTAINER_DEVICES, DEV_LINKS } from './vfs/devices';

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The tools every Linux machine here has (GNU coreutils, grep, sed, awk, jq on the node).
 * Returns a fresh registry: each machine may add or remove commands without touching others.
 */
export function coreCommands(): CommandRegistry {
  const r = new CommandRegistry();
  const bin = { dir: '/usr/bin' };
  r.registerStream('cat', cat, bin).registerStream('head', head, bin).registerStream('yes', yes, bin).registerStream('fold', fold, bin);
  r.register('ls', ls, bin).register('touch', touch, bin).register('mkdir', mkdir, bin);
  r.register('rm', rm, bin).register('rmdir', rmdir, bin).register('cp', cp, bin).register('mv', mv, bin);
  r.register('tee', tee, bin).register('wc', wc, bin).register('tail', tail, bin);
  r.register('sort', sort, bin).register('uniq', uniq, bin).register('cut', cut, bin);
  r.registerStream('tr', tr, bin);
  r.register('grep', grep, { ...bin, streamsLines: grepStreamsLines }).register('xargs', xargs, bin);
  r.register('jq', jq, bin).register('sed', sed, bin).register('awk', awk, bin).register('base64', base64, bin).register('env', env, bin).register('which', which, bin);
  r.register('sleep', sleep, bin).register('date', date, bin).register('hostname', hostname, bin).register('whoami', whoami, bin);
  r.register('clear', clear, bin).register('echo', echo, bin).register('printf', (ctx) => printf(ctx, ctx.argv[0]!), bin);
  r.register('test', (ctx) => test(ctx, ctx.argv[0]!), bin).register('[', (ctx) => test(ctx, ctx.argv[0]!), bin);
  r.registerStream('seq', seq, bin).registerStream('od', od, bin);
  r.register('diff', diff, bin).register('true', () => 0, bin).register('false', () => 1, bin);
  r.register('pwd', (ctx) => (ctx.stdout(`${ctx.cwd}\n`), 0), bin);
  for (const name of ['vi', 'vim', 'nano']) r.register(name, editor, bin);
  r.register('sh', shellCommand, { dir: '/bin' }).register('bash', shellCommand, { dir: '/bin' });
  return r;
}

export interface MachineOptions {
  hostname: string;
  /** Virtual time for file modification times. */
  now: () => number;
  user?: string;
  home?: string;
  flavor?: ShellFlavor;
  /** What `sh` is: dash unless the machine is busybox (ash). */
  sh?: ShellFlavor;
  /** Defaults: `\h:\w$ ` (the learner's node, as on killercoda-style labs). */
  ps1?: string;
  fs?: Vfs;
  commands?: CommandRegistry;
  env?: Record<string, string>;
  cwd?: string;
  addresses?: string[];
}

/** A machine with a small Linux tree (`/dev`'s devices, `/etc/hostname`, `/etc/hosts`, `/tmp`, the user's home). */
export function createMachine(o: MachineOptions): Machine {
  const user = o.user ?? 'root';
  const home = o.home ?? (user === 'root' ? '/root' : `/home/${user}`);
  const fs = o.fs ?? new Vfs(o.now);
  for (const dir of ['/dev', '/etc', '/tmp', '/usr/bin', '/usr/local/bin', '/var/log', home]) if (!fs.exists(dir)) fs.mkdir(dir, true);
  for (const device of CONTAINER_DEVICES) if (!fs.exists(`/dev/${device}`)) fs.mknod(`/dev/${device}`, device);
  for (const [name, target] of DEV_LINKS) if (!fs.lstat(`/dev/${name}`)) fs.symlink(target, `/dev/${name}`);
  if (!fs.exists('/etc/hostname')) fs.writeFile('/etc/hostname', `${o.hostname}\n`);
  if (!fs.exists('/etc/hosts')) {
    const ip = o.addresses?.[0];
    fs.writeFile('/etc/hosts', `127.0.0.1 localhost\n${ip ? `${ip} ${o.hostname}` : `127.0.1.1 ${o.hostname}`}\n`);
  }
  const flavor = o.flavor ?? 'bash';
  const machine: Machine = {
    hostname: o.hostname,
    user,
    home,
    fs,
    commands: o.commands ?? coreCommands(),
    flavor,
    sh: o.sh ?? (flavor === 'ash' ? 'ash' : 'dash'),
    ps1: o.ps1 ?? '\\h:\\w$ ',
    env: { HOME: home, USER: user, LOGNAME: user, PATH, SHELL: flavor === 'ash' ? '/bin/sh' : '/bin/bash', TERM: 'xterm-256color', LANG: 'C.UTF-8', ...o.env },
  };
  if (o.cwd !== undefined) machine.cwd = o.cwd;
  if (o.addresses !== undefined) machine.addresses = o.addresses;
  return machine;
}

/** A Debian/Ubuntu container (`root@jump:/# `): bash, coreutils, starts in `/`. */
export function debianContainer(o: Omit<MachineOptions, 'flavor' | 'ps1'>): Machine {
  return createMachine({ cwd: '/', ...o, flavor: 'bash', ps1: '\\u@\\h:\\w\\$ ', env: { HOSTNAME: o.hostname, ...o.env } });
}

/** A busybox/alpine container (`/ # `): ash, whose errors read `sh: foo: not found`. */
export function busyboxContainer(o: Omit<MachineOptions, 'flavor' | 'ps1'>): Machine {
  const commands = o.commands ?? coreCommands();
  for (const name of ['jq', 'nano', 'bash']) commands.unregister(name);
  return createMachine({ cwd: '/', ...o, commands, flavor: 'ash', ps1: '\\w \\$ ', env: { HOSTNAME: o.hostname, ...o.env } });
}
