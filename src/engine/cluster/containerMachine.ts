/**
 * The Machine behind `kubectl exec -it` and `kubectl run -it`: a shell inside one running
 * container, with the pod's files as the kubelet wrote them, the environment the container was
 * started with, and exactly the executables its image ships.
 */
import type { ImageProfile } from '../apps';
import { CommandRegistry } from '../shell/CommandRegistry';
import { busyboxContainer, coreCommands, debianContainer } from '../shell/machines';
import type { Machine } from '../shell/types';
import { Vfs } from '../shell/vfs/Vfs';
import type { Simulation } from '../sim/Simulation';
import { aptCommand, distroOf } from './apt/aptGet';
import { containerToolSets, installPackageTools, installTools } from './installTools';
import type { Place } from './tools';
import { volumeFiles } from './volumeFiles';
import type { Pod } from 'kubernetes-types/core/v1';

/** Where a container shell runs (a container {@link Place} without its `kind`, or with it). */
export type ContainerPlace = Omit<Extract<Place, { kind: 'container' }>, 'kind'> & { kind?: 'container' };

/** What every shell brings as builtins, whatever binaries the image has. */
const SHELL_BUILTINS = ['echo', 'printf', 'test', '[', 'true', 'false', 'pwd'];

/**
 * Userland every image with a coreutils or busybox `ls` also has (the profiles list what learners
 * reach for; these come along in the same package or applet set).
 */
const USERLAND = ['cp', 'mv', 'rmdir', 'cut', 'tr', 'xargs', 'seq', 'base64', 'clear', 'vi', 'yes', 'od', 'fold'];

/** One machine per running container instance: its files and installed tools live until it restarts. */
const machines = new WeakMap<Simulation, Map<string, Machine>>();

/** The executable names a container of this image can run (before any `apt-get install`). */
export function imageExecutables(profile: ImageProfile): string[] {
  const names = new Set([...profile.tools, ...SHELL_BUILTINS]);
  // The shell itself: every image with one has `sh`; `bash` only where the image ships it.
  if (profile.shell !== 'none') names.add('sh');
  if (profile.shell !== 'none' && profile.shell !== 'sh') names.add(profile.shell);
  if (profile.tools.includes('ls')) for (const n of USERLAND) names.add(n);
  return [...names].sort();
}

/**
 * Builds (or finds again) the machine for a running container, or undefined when the container
 * is not running on that node. Commands that write files tell the kubelet, so exec probes see them.
 */
export function containerMachine(sim: Simulation, place: ContainerPlace): Machine | undefined {
  const kubelet = sim.kubelet(place.node);
  const info = kubelet?.container(place.namespace, place.pod, place.container);
  const files = kubelet?.podFiles(place.namespace, place.pod);
  if (!kubelet || !info || !files || info.container.state !== 'running') return undefined;
  const key = `${info.pod.uid}/${place.container}/${info.container.containerID ?? ''}`;
  let perSim = machines.get(sim);
  if (!perSim) machines.set(sim, (perSim = new Map()));
  const known = perSim.get(key);
  if (known) return known;

  const now = () => sim.clock.now();
  const fs = new Vfs(now);
  fs.mkdir('/etc', true);
  fs.writeFile('/etc/resolv.conf', files.resolvConf);
  fs.writeFile('/etc/hosts', files.hosts);
  fs.writeFile('/etc/hostname', `${files.hostname}\n`);
  const podObject = sim.api.admin().tryGet('pods', place.namespace, place.pod) as Pod | undefined;
  if (podObject) {
    for (const [path, content] of Object.entries(volumeFiles(sim.api.admin(), podObject, place.container))) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
      fs.writeFile(path, content);
    }
  }
  for (const f of info.container.files) {
    fs.mkdir(f.slice(0, f.lastIndexOf('/')) || '/', true);
    if (!fs.exists(f)) fs.writeFile(f, '');
  }
  fs.onChange((c) => {
    if (c.type === 'mkdir') return;
    // Looked up on each write: a restored Simulation has new kubelets.
    sim.kubelet(place.node)?.setFile(place.namespace, place.pod, place.container, c.path, c.type === 'write');
  });

  const profile = info.profile;
  const commands = new CommandRegistry();
  const fullPlace: Place = { kind: 'container', namespace: place.namespace, pod: place.pod, container: place.container, node: place.node };
  const executables = imageExecutables(profile);
  const base = coreCommands();
  for (const name of executables) {
    const cmd = base.get(name);
    if (cmd) commands.register(name, cmd, { dir: '/bin' });
  }
  installTools(commands, { sim, place: fullPlace }, containerToolSets(), executables);
  if (executables.includes('apt-get')) {
    const distro = distroOf(info.container.image);
    const apt = aptCommand({ sim, place: fullPlace, distro, install: (tools) => installPackageTools(commands, { sim, place: fullPlace }, tools) });
    commands.register('apt-get', apt, { dir: '/usr/bin' });
    commands.register('apt', apt, { dir: '/usr/bin' });
  }

  const env = { ...(info.container.launch?.env ?? {}) };
  const opts = { hostname: files.hostname, now, fs, commands, env, ...(info.pod.ip ? { addresses: [info.pod.ip] } : {}) };
  const machine = profile.shell === 'bash' || profile.shell === 'zsh' ? debianContainer(opts) : busyboxContainer(opts);
  if (profile.binSh) machine.sh = profile.binSh;
  perSim.set(key, machine);
  return machine;
}
