import { resolveImage, runExec } from '../apps';
import type { ExecResult, HttpRequest, HttpResponse, ImageProfile, ServerCert } from '../apps';
import type { Container } from 'kubernetes-types/core/v1';
import { PodSync } from './PodSync';
import { listening } from './probes';
import type { ContainerRuntime, LogLine, PodRuntime } from './runtimeTypes';
import type { PodObject } from '../sim/kinds';

/**
 * What other parts of the engine ask a kubelet about its pods: logs (`kubectl logs`), files and
 * commands (`kubectl exec`), and whether a container accepts a connection or answers HTTP (the
 * network engine's last hop).
 */
export abstract class PodQueries extends PodSync {
  /** Container logs (`kubectl logs`), current or `--previous`. */
  logs(namespace: string, pod: string, container?: string, previous = false): LogLine[] | undefined {
    const rt = this.podByName(namespace, pod);
    const c = container ? [...(rt?.initContainers ?? []), ...(rt?.containers ?? [])].find((x) => x.name === container) : rt?.containers[0];
    return c && (previous ? c.previousLogs : c.logs);
  }

  /** The pod's `/etc/resolv.conf`, `/etc/hosts` and hostname as its containers see them. */
  podFiles(namespace: string, pod: string): { resolvConf: string; hosts: string; hostname: string } | undefined {
    const rt = this.podByName(namespace, pod);
    return rt && { resolvConf: rt.resolvConf, hosts: rt.hosts, hostname: rt.hostname };
  }

  /**
   * What `kubectl exec`/`attach` need about a container: its runtime state, image profile
   * (shell, tools) and the pod's files. Undefined when the pod or container is not here.
   */
  container(namespace: string, pod: string, container?: string): { pod: PodRuntime; container: ContainerRuntime; profile: ImageProfile } | undefined {
    const rt = this.podByName(namespace, pod);
    const c = container ? [...(rt?.initContainers ?? []), ...(rt?.containers ?? [])].find((x) => x.name === container) : rt?.containers[0];
    if (!rt || !c) return undefined;
    return { pod: JSON.parse(JSON.stringify(rt)) as PodRuntime, container: JSON.parse(JSON.stringify(c)) as ContainerRuntime, profile: resolveImage(c.image).profile };
  }

  /**
   * Appends a line to a running container's log at the current virtual time: what a process
   * simulated outside its image profile prints (CoreDNS's query log). False when not running.
   */
  appendLog(namespace: string, pod: string, container: string, line: string): boolean {
    const c = this.podByName(namespace, pod)?.containers.find((x) => x.name === container);
    if (!c || c.state !== 'running') return false;
    c.logs.push({ at: this.clock.now(), line });
    return true;
  }

  /**
   * The container's main process ended with `code` (the shell `kubectl run -it` attached to was
   * PID 1 and the learner left it): the container terminates and the pod's restart policy
   * decides what follows, as for any exit. False when the container is not running here.
   */
  mainProcessExited(namespace: string, pod: string, container: string, code: number): boolean {
    const rt = this.podByName(namespace, pod);
    const c = rt?.containers.find((x) => x.name === container);
    const obj = rt && this.cfg.api.tryGet<PodObject>('pods', namespace, pod);
    if (!rt || !c || c.state !== 'running' || !obj || obj.metadata.uid !== rt.uid) return false;
    this.exited(rt, obj, c, code);
    return true;
  }

  /** Creates or removes a file in a running container (what an exec'd `touch`/`rm` does). */
  setFile(namespace: string, pod: string, container: string, path: string, exists: boolean): boolean {
    const c = this.podByName(namespace, pod)?.containers.find((x) => x.name === container);
    if (!c || c.state !== 'running') return false;
    c.files = exists ? [...new Set([...c.files, path])] : c.files.filter((f) => f !== path);
    return true;
  }

  /** Runs a non-interactive command in a running container, as an exec probe would. */
  exec(namespace: string, pod: string, container: string | undefined, argv: string[]): ExecResult | undefined {
    const rt = this.podByName(namespace, pod);
    const c = container ? [...(rt?.initContainers ?? []), ...(rt?.containers ?? [])].find((x) => x.name === container) : rt?.containers[0];
    if (!rt || !c || c.state !== 'running') return undefined;
    const files = new Set(c.files);
    return runExec(resolveImage(c.image).profile, { exists: (p) => files.has(p) || p.startsWith('/etc/') }, argv);
  }

  /** Which pod owns `ip` on this node, and what its containers run. */
  podByIP(ip: string): PodRuntime | undefined {
    return [...this.pods.values()].find((p) => p.ip === ip && !p.hostNetwork);
  }

  /**
   * A TCP connection to `ip:port`: which container accepts it, or `refused`. The network
   * engine calls this for the last hop of a trace. Host-network pods share the node's address,
   * so every one of them is asked; a socket bound to 127.0.0.1 takes only `fromLoopback` ones.
   */
  accepts(ip: string, port: number, protocol = 'TCP', fromLoopback = false): { pod: PodRuntime; container: string } | 'refused' {
    const own = this.podByIP(ip);
    const candidates = own ? [own] : [...this.pods.values()].filter((p) => p.ip === ip);
    for (const rt of candidates) {
      for (const c of rt.containers) {
        const plan = this.planOf(rt, c);
        if (!plan || !listening({ container: {} as Container, runtime: c, plan, podIP: ip, sourceIP: '', now: this.clock.now(), kubeletVersion: '' }, port, protocol)) continue;
        if (plan.listens.some((l) => l.port === port && l.protocol === protocol && (fromLoopback || !l.address?.startsWith('127.')))) return { pod: rt, container: c.name };
      }
    }
    return 'refused';
  }

  /** The certificate the TLS socket on `ip:port` presents, or undefined (plain TCP, or refused). */
  tlsCert(ip: string, port: number, fromLoopback = false): ServerCert | undefined {
    const target = this.accepts(ip, port, 'TCP', fromLoopback);
    if (target === 'refused') return undefined;
    const c = target.pod.containers.find((x) => x.name === target.container)!;
    return this.planOf(target.pod, c)?.tls?.(port);
  }

  /** Serves an HTTP request on `ip:port` (and writes the server's access log), or `refused`. */
  http(ip: string, port: number, req: HttpRequest, fromLoopback = false): HttpResponse | 'refused' {
    const target = this.accepts(ip, port, 'TCP', fromLoopback);
    if (target === 'refused') return 'refused';
    const c = target.pod.containers.find((x) => x.name === target.container)!;
    const plan = this.planOf(target.pod, c)!;
    const res = plan.http?.(port, req);
    if (!res) return 'refused';
    const line = plan.accessLog?.(req, res);
    if (line) c.logs.push({ at: this.clock.now(), line });
    return res;
  }
}
