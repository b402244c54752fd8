/**
 * `apt-get` (and `apt`) in a Debian/Ubuntu container: `update` fetches the package lists on the
 * virtual clock, `install` resolves dependencies from {@link PACKAGES}, prints apt's transcript
 * and installs the packages' commands on the container's machine. State lives with the machine,
 * so it is gone when the container restarts, as a container's writable layer is.
 */
import { parseImageRef } from '../../apps';
import type { Command, CommandContext } from '../../shell/types';
import type { Simulation } from '../../sim/Simulation';
import { timedOutput, type TimedChunk } from '../timedOutput';
import type { Place } from '../tools';
import { ALIASES, PACKAGES, withDependencies, type DebPackage, type Distro } from './packages';
import { aptUsage, debName, fetchedLine, formatBytes, mirrorLists, wrapList } from './aptText';

/** Which release an image is: Ubuntu images are noble; every other apt image is Debian bookworm. */
export function distroOf(image: string): Distro {
  const ref = parseImageRef(image);
  return ref.repository.endsWith('ubuntu') ? 'noble' : 'bookworm';
}

export interface AptOptions {
  sim: Simulation;
  place: Place;
  distro: Distro;
  /** Installs the commands of freshly set-up packages on the machine. */
  install: (tools: string[]) => void;
}

/** Files and directories in a fresh image's dpkg database (the `(Reading database ...` count). */
const BASE_DB_FILES: Record<Distro, number> = { noble: 4381, bookworm: 6090 };

/** The exit status apt uses for every `E:` error. */
const APT_ERROR = 100;

/** Builds the apt-get command of one container. */
export function aptCommand(o: AptOptions): Command {
  let listsFetched = false;
  const installed = new Set<string>();
  let dbFiles = BASE_DB_FILES[o.distro];

  const update = (ctx: CommandContext) => {
    const chunks: TimedChunk[] = [];
    let at = 0;
    const lists = mirrorLists(o.distro);
    lists.forEach((l, i) => {
      at += listsFetched || l.size < 300_000 ? 120 : Math.round(l.size / 8_000);
      const line = listsFetched && l.release ? `Hit:${i + 1} ${l.url}\n` : listsFetched ? '' : `Get:${i + 1} ${l.url} [${formatBytes(l.size)}]\n`;
      if (line) chunks.push({ afterMs: at, stdout: line });
    });
    const total = lists.reduce((s, l) => s + (l.release || !listsFetched ? l.size : 0), 0);
    if (!listsFetched) chunks.push({ afterMs: at + 10, stdout: fetchedLine(total, at) });
    chunks.push({ afterMs: at + 400, stdout: 'Reading package lists... Done\n', effect: () => (listsFetched = true) });
    return timedOutput(ctx, chunks, 0);
  };

  const install = (ctx: CommandContext, names: string[], yes: boolean) => {
    const head = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
    const resolved: string[] = [];
    for (const raw of names) {
      const n = ALIASES[raw] ?? raw;
      if (!listsFetched || !PACKAGES[n]) {
        ctx.stdout(head);
        ctx.stderr(`E: Unable to locate package ${raw}\n`);
        return APT_ERROR;
      }
      resolved.push(n);
    }
    const plan = withDependencies(resolved).filter((p) => !installed.has(p.name));
    const already = resolved.filter((n) => installed.has(n));
    let text = head;
    for (const n of already) text += `${debName(PACKAGES[n]!, o.distro)} is already the newest version (${PACKAGES[n]!.version[o.distro]}).\n`;
    const extra = plan.filter((p) => !resolved.includes(p.name));
    if (extra.length > 0) text += `The following additional packages will be installed:\n${wrapList(extra.map((p) => debName(p, o.distro)).sort())}`;
    if (plan.length > 0) text += `The following NEW packages will be installed:\n${wrapList(plan.map((p) => debName(p, o.distro)).sort())}`;
    text += `0 upgraded, ${plan.length} newly installed, 0 to remove and 0 not upgraded.\n`;
    if (plan.length === 0) {
      ctx.stdout(text);
      return 0;
    }
    const size = plan.reduce((s, p) => s + p.size, 0);
    text += `Need to get ${formatBytes(size)} of archives.\nAfter this operation, ${formatBytes(plan.reduce((s, p) => s + p.installed, 0))} of additional disk space will be used.\n`;
    if (!yes && extra.length > 0) {
      ctx.stdout(`${text}Do you want to continue? [Y/n] `);
      const answer = ctx.readLine();
      if (answer === undefined || !/^(y|yes|)$/i.test(answer.trim())) {
        ctx.stdout('Abort.\n');
        return 1;
      }
      text = '';
    }
    return timedOutput(ctx, [{ afterMs: 0, stdout: text }, ...downloadAndUnpack(plan)], 0);
  };

  const downloadAndUnpack = (plan: DebPackage[]): TimedChunk[] => {
    const chunks: TimedChunk[] = [];
    let at = 200;
    const base = o.distro === 'noble' ? 'http://archive.ubuntu.com/ubuntu noble-updates' : 'http://deb.debian.org/debian bookworm';
    plan.forEach((p, i) => {
      at += 40 + Math.round(p.size / 20_000);
      chunks.push({ afterMs: at, stdout: `Get:${i + 1} ${base}/${p.component} ${p.arch === 'all' ? 'amd64' : p.arch} ${debName(p, o.distro)} ${p.arch} ${p.version[o.distro]} [${formatBytes(p.size)}]\n` });
    });
    const size = plan.reduce((s, p) => s + p.size, 0);
    chunks.push({ afterMs: at + 10, stdout: fetchedLine(size, at), stderr: 'debconf: delaying package configuration, since apt-utils is not installed\n' });
    const width = String(plan.length - 1).length;
    let unpack = '';
    plan.forEach((p, i) => {
      const name = debName(p, o.distro);
      const version = p.version[o.distro];
      const file = `${plan.length > 1 ? `${String(i).padStart(width, '0')}-` : ''}${name}_${version.replace(/^\d+:/, '')}_${p.arch}.deb`;
      unpack += `Selecting previously unselected package ${name}.\n`;
      if (i === 0) unpack += `(Reading database ... ${dbFiles} files and directories currently installed.)\n`;
      unpack += `Preparing to unpack .../${file} ...\nUnpacking ${name} (${version}) ...\n`;
    });
    at += 600;
    chunks.push({ afterMs: at, stdout: unpack });
    plan.forEach((p) => {
      at += 60;
      chunks.push({
        afterMs: at,
        stdout: `Setting up ${debName(p, o.distro)} (${p.version[o.distro]}) ...\n`,
        effect: () => {
          installed.add(p.name);
          dbFiles += Math.max(3, Math.round(p.installed / 40_000));
          o.install(p.tools);
        },
      });
    });
    chunks.push({ afterMs: at + 100, stdout: `Processing triggers for libc-bin (${o.distro === 'noble' ? '2.39-0ubuntu8.4' : '2.36-9+deb12u10'}) ...\n` });
    return chunks;
  };

  return (ctx) => {
    const args = ctx.argv.slice(1);
    const yes = args.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes' || /^-[a-zA-Z]*y/.test(a));
    const words = args.filter((a) => !a.startsWith('-'));
    const op = words[0];
    if (op === undefined) {
      ctx.stdout(aptUsage(o.distro));
      return 1;
    }
    switch (op) {
      case 'update':
        return update(ctx);
      case 'install':
        if (words.length === 1) {
          ctx.stdout('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          return 0;
        }
        return install(ctx, words.slice(1), yes);
      default:
        ctx.stderr(`E: Invalid operation ${op}\n`);
        return APT_ERROR;
    }
  };
}
