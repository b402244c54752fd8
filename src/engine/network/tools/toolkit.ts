/** What every network tool needs: its network, its place, its image flavour, waiting in virtual time. */
import type { ToolEnv } from '../../cluster/tools';
import type { CommandContext, CommandOutcome } from '../../shell/types';
import { networkOf } from '../Network';
import type { Network } from '../Network';

/** Which implementation of a tool the machine ships: busybox applets or the GNU/iputils ones. */
export type Flavor = 'busybox' | 'gnu';

/** Images whose `ping`/`wget`/`ip` are busybox applets (the rest ship the full tools). */
const BUSYBOX_IMAGES = new Set(['busybox', 'dnsutils', 'curl']);

export function flavorOf(env: ToolEnv): Flavor {
  if (env.place.kind !== 'container') return 'gnu';
  const c = env.sim.kubelet(env.place.node)?.container(env.place.namespace, env.place.pod, env.place.container);
  return c && BUSYBOX_IMAGES.has(c.profile.name) ? 'busybox' : 'gnu';
}

export function netOf(env: ToolEnv): Network {
  return networkOf(env.sim);
}

/**
 * Finishes a command after `ms` of virtual time (a timeout the user waits through): at once when
 * `ms` is 0, else as a job the shell wakes when the clock gets there.
 */
export function after(ctx: CommandContext, ms: number, finish: () => number): CommandOutcome {
  if (ms <= 0) return finish();
  const until = ctx.now() + ms;
  let done: number | undefined;
  return {
    exitCode: 0,
    job: {
      poll: (now) => (now >= until ? (done ??= finish()) : undefined),
      wakeAt: () => until,
      interrupt: () => {},
    },
  };
}

/** Splits `http://host:port/path` (scheme optional) into its parts; undefined when malformed. */
export function parseUrl(raw: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const host = m[2] ?? '';
  if (!host) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?') || path.startsWith('#')) path = `/${path}`;
  return { scheme, host, port, path: path.replace(/#.*$/, '') };
}
