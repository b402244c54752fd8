import { parseImageRef } from './imageRef';
import { kuardProfile, k8sbookTextProfile } from './kuard';
import { nginxProfile } from './nginx';
import { effectiveArgv, foreverPlan } from './process';
import { controlPlaneProfile } from './controlPlane';
import { corednsProfile, pauseProfile, postgresProfile, redisProfile } from './servers';
import { busyboxProfile, curlProfile, dnsutilsProfile, netshootProfile, ubuntuProfile } from './toolImages';
import type { ContainerLaunch, ImageProfile, ImageRef, ProcessPlan } from './types';

/**
 * An image we know nothing about still runs (a pod must not fail because the simulator does not
 * know its image): a long-running process listening on the declared containerPorts, answering
 * HTTP with a plain 200 so that probes and curl behave like a healthy web app.
 */
export const genericProfile: ImageProfile = {
  name: 'generic',
  matches: () => true,
  shell: 'sh',
  tools: ['ls', 'cat', 'echo', 'sleep', 'env', 'hostname', 'ps'],
  sizeBytes: (ref) => 20_000_000 + (hash(ref.repository) % 80_000_000),
  start(launch: ContainerLaunch): ProcessPlan {
    const argv = effectiveArgv(launch, [], []);
    void argv;
    const listens = launch.containerPorts.map((p) => ({ port: p.port, protocol: p.protocol }));
    return foreverPlan({
      listens,
      listenAfterMs: 100,
      onSigterm: { exitAfterMs: 0, code: 143 },
      http: (port, req) => {
        if (!listens.some((l) => l.port === port && l.protocol === 'TCP')) return undefined;
        const body = `Hello from ${launch.hostname}\n`;
        void req;
        return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(body.length)]], body };
      },
    });
  },
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/**
 * Known images, most specific first. Add an image by writing an {@link ImageProfile} and listing
 * it here; the generic profile catches everything else.
 */
export const IMAGE_PROFILES: readonly ImageProfile[] = [
  nginxProfile,
  kuardProfile,
  k8sbookTextProfile,
  busyboxProfile,
  ubuntuProfile,
  dnsutilsProfile,
  netshootProfile,
  curlProfile,
  postgresProfile,
  redisProfile,
  corednsProfile,
  pauseProfile,
  controlPlaneProfile,
];

/** The profile for an image reference, and the parsed reference. */
export function resolveImage(image: string): { profile: ImageProfile; ref: ImageRef } {
  const ref = parseImageRef(image);
  return { profile: IMAGE_PROFILES.find((p) => p.matches(ref)) ?? genericProfile, ref };
}

/** Starts a container from its image: what it logs, listens on, and when it exits. */
export function startProcess(launch: ContainerLaunch): ProcessPlan {
  const { profile, ref } = resolveImage(launch.image);
  return profile.start(launch, ref);
}
