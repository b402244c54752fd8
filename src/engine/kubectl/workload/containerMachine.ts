/**
 * A Machine for a shell inside a container (`kubectl exec -it`, `kubectl run -it`).
 *
 * Local stand-in until `src/engine/cluster/` provides `containerMachine(sim, place)` with every
 * area's tools: this one holds the pod's /etc files from the kubelet, the environment the
 * container was started with, and only the shell's base tools the image ships.
 */
import { baseCommand } from '../../apps/process';
import type { ImageProfile } from '../../apps';
import { CommandRegistry } from '../../shell/CommandRegistry';
import { busyboxContainer, coreCommands, debianContainer } from '../../shell/machines';
import type { Machine } from '../../shell/types';
import { Vfs } from '../../shell/vfs/Vfs';
import type { Simulation } from '../../sim/Simulation';

/** Shell builtins every shell brings, whatever the image's binaries. */
const SHELL_BUILTINS = ['echo', 'printf', 'test', '[', 'true', 'false', 'pwd'];

/** Images whose default command (no command/args in the pod spec) is an interactive shell. */
const SHELL_BY_DEFAULT = new Set(['busybox', 'ubuntu', 'dnsutils', 'netshoot']);

export interface ContainerPlace {
  namespace: string;
  pod: string;
  container: string;
  node: string;
}

/** Whether `argv[0]` is a shell this image has (what exec -it turns into an interactive session). */
export function isShell(profile: ImageProfile, argv0: string): boolean {
  const base = baseCommand(argv0);
  if (profile.shell === 'none') return false;
  return base === 'sh' || base === profile.shell || (base === 'bash' && profile.tools.includes('bash'));
}

/** Whether the image can run `argv0` at all (shell, one of its tools, or a shell builtin path). */
export function imageCanRun(profile: ImageProfile, argv0: string): boolean {
  return isShell(profile, argv0) || profile.tools.includes(baseCommand(argv0));
}

/** The container's main process as `kubectl run -it` attaches to it: a shell or not. */
export function mainProcessIsShell(profile: ImageProfile, command: string[] | undefined, args: string[] | undefined): boolean {
  const argv = [...(command ?? []), ...(command?.length ? (args ?? []) : [])];
  if (argv.length > 0) return isShell(profile, argv[0]!) && argv.length === 1;
  if (args?.length) return false;
  return SHELL_BY_DEFAULT.has(profile.name);
}

/** Builds the machine, or undefined when the container is not running on that node. */
export function containerMachine(sim: Simulation, place: ContainerPlace): Machine | undefined {
  const kubelet = sim.kubelet(place.node);
  const info = kubelet?.container(place.namespace, place.pod, place.container);
  const files = kubelet?.podFiles(place.namespace, place.pod);
  if (!info || !files || info.container.state !== 'running') return undefined;
  const now = () => sim.clock.now();
  const fs = new Vfs(now);
  fs.mkdir('/etc', true);
  fs.writeFile('/etc/resolv.conf', files.resolvConf);
  fs.writeFile('/etc/hosts', files.hosts);
  fs.writeFile('/etc/hostname', `${files.hostname}\n`);
  for (const f of info.container.files) {
    const dir = f.slice(0, f.lastIndexOf('/')) || '/';
    fs.mkdir(dir, true);
    if (!fs.exists(f)) fs.writeFile(f, '');
  }
  const base = coreCommands();
  const commands = new CommandRegistry();
  for (const name of base.names()) {
    if (info.profile.tools.includes(name) || SHELL_BUILTINS.includes(name)) commands.register(name, base.get(name)!, { dir: '/bin' });
  }
  const env = { ...(info.container.launch?.env ?? {}) };
  const opts = { hostname: files.hostname, now, fs, commands, env };
  return info.profile.shell === 'sh' ? busyboxContainer(opts) : debianContainer(opts);
}
