/**
 * What a simulated container image does when it runs. Everything here is plain data or pure
 * functions of their inputs, so the kubelet can rebuild a running process after a snapshot is
 * restored simply by asking the registry again.
 */

/** Which shell the image ships: decides what `kubectl exec ... -- bash` can do. */
export type ShellKind = 'bash' | 'sh' | 'zsh' | 'none';

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** A socket the process listens on inside the pod's network namespace. */
export interface Listener {
  port: number;
  protocol: PortProtocol;
  /**
   * The address it is bound to: every address when absent, `127.0.0.1` for loopback only
   * (kube-scheduler's and kube-controller-manager's `--bind-address=127.0.0.1`).
   */
  address?: string;
}

/** The certificate a TLS server presents, as a client's verification sees it. */
export interface ServerCert {
  subject: string;
  /** The CA that signed it, by its common name (`kubernetes` = the cluster CA). */
  issuer: string;
  /** subjectAltName entries: DNS names and IP addresses. */
  dnsNames: string[];
  ips: string[];
  /** The server sends its self-signed CA along with the leaf (kube-scheduler's generated pair). */
  chainIncludesRoot?: boolean;
}

/** What the kubelet tells the image about the container it is starting. */
export interface ContainerLaunch {
  image: string;
  /** `command` of the container spec (replaces the image ENTRYPOINT). */
  command?: string[];
  /** `args` of the container spec (replaces the image CMD). */
  args?: string[];
  tty: boolean;
  stdin: boolean;
  containerPorts: Listener[];
  env: Record<string, string>;
  /** Virtual time at which the process starts (ms since the epoch), for log timestamps. */
  startedAt: number;
  hostname: string;
  /**
   * The node the container runs on, as a process there can learn it: InternalIP, CPU count, and
   * the kernel's `net/netfilter/*` sysctls as they stand when the container starts.
   */
  host?: { ip: string; cpus: number; sysctls?: Record<string, number> };
  /**
   * The files of the configMap volumes mounted into the container (mount path + key → content),
   * as the kubelet wrote them before the start: what a program reads as its config (`--config`).
   */
  files?: Record<string, string>;
}

export interface HttpRequest {
  method: string;
  path: string;
  /** The Host header as the client sent it. */
  host: string;
  userAgent: string;
  /** Client address as the server sees it (after any SNAT). */
  remoteAddr: string;
  remotePort: number;
  headers: Record<string, string>;
  /** Virtual time of the request (ms since the epoch). */
  at: number;
  /** The request came over TLS (the port presented a certificate and the client accepted it). */
  tls?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Reason phrase as the server prints it (`OK`, `Not Found`). */
  reason: string;
  headers: [string, string][];
  body: string;
  /** `1.0` for a bare reply such as Go's "Client sent an HTTP request to an HTTPS server."; 1.1 otherwise. */
  httpVersion?: string;
}

/** One thing a process does at a point of its life, relative to its start. */
export type ProcessStep =
  | { atMs: number; kind: 'log'; line: string }
  | { atMs: number; kind: 'touch'; path: string }
  | { atMs: number; kind: 'rm'; path: string }
  | { atMs: number; kind: 'exit'; code: number }
  /** A write to the node's kernel (`net/netfilter/nf_conntrack_max`): privileged host processes. */
  | { atMs: number; kind: 'sysctl'; key: string; value: number };

/** A repeating tail (`while true; do ...; done`): its steps are offsets inside one round. */
export interface ProcessLoop {
  periodMs: number;
  steps: ProcessStep[];
}

/**
 * The life of one container process. Steps run on the virtual clock; without an `exit` step the
 * process runs until it is killed.
 */
export interface ProcessPlan {
  listens: Listener[];
  steps: ProcessStep[];
  loop?: ProcessLoop;
  /** Time after start before the listeners accept connections (servers need a moment). */
  listenAfterMs: number;
  /**
   * How the process reacts to SIGTERM: exits after a short while with a code, or ignores it
   * (a shell as PID 1 has no handler, so only SIGKILL after the grace period ends it).
   */
  onSigterm: { exitAfterMs: number; code: number } | 'ignore';
  /** The certificate a TLS port presents; undefined for plain TCP ports. */
  tls?: (port: number) => ServerCert | undefined;
  /** Answers HTTP requests on a listening TCP port; undefined when the port does not speak HTTP. */
  http?: (port: number, req: HttpRequest) => HttpResponse | undefined;
  /**
   * Set when the runtime cannot start the process at all (binary missing from the image):
   * the text runc reports, which becomes the container's `StartError` message.
   */
  startError?: string;
  /** The access-log line the server writes for a request, if it logs requests. */
  accessLog?: (req: HttpRequest, res: HttpResponse) => string | undefined;
  /**
   * A tool run as the main process (`nslookup kubernetes`, a `sh -c` script the planner cannot
   * read): the argv the runtime runs in the container as it starts. Its output becomes the
   * container's log and its exit status the container's exit code.
   */
  command?: string[];
  /**
   * Starts {@link command} in the running container. Set by a process hook of the cluster, which
   * has the container's shell; without it the command prints nothing and exits 0.
   */
  runCommand?: (saved?: unknown) => CommandRun | undefined;
}

/** A main-process command as the runtime sees it: output captured line by line, then an exit. */
export interface CommandRun {
  /** Lines written since the last call (stdout and stderr, as the runtime captures both); the status once it ended. */
  take(): { lines: string[]; exitCode?: number };
  /** The container was killed while the command still ran. */
  kill(): void;
  /**
   * What a restored cluster needs to resume the command (plain JSON, the same object as it
   * grows): the kubelet keeps it with the container and passes it back to `runCommand`.
   */
  state?: unknown;
}

/** A known image: what is inside it and how it runs. */
export interface ImageProfile {
  /** Human name for docs and errors (`nginx`, `busybox`). */
  name: string;
  /** True when this profile describes the given parsed reference. */
  matches(ref: ImageRef): boolean;
  shell: ShellKind;
  /** What /bin/sh is when it is not the usual one for the image's userland (Alpine-based images with bash: busybox ash). */
  binSh?: 'dash' | 'ash';
  /** Executables on $PATH (besides the shell), e.g. `curl`, `nslookup`, `apt-get`. */
  tools: readonly string[];
  /** Uncompressed size as the `Pulled` event reports it. */
  sizeBytes(ref: ImageRef): number;
  /** Builds the process plan for a container started from this image. */
  start(launch: ContainerLaunch, ref: ImageRef): ProcessPlan;
}

/** A parsed image reference (`gcr.io/kuar-demo/kuard-amd64:blue`). */
export interface ImageRef {
  /** Registry host; `docker.io` when none was given. */
  registry: string;
  /** Path inside the registry; Docker Hub official images get `library/`. */
  repository: string;
  /** Tag; `latest` when neither tag nor digest was given. */
  tag: string;
  digest?: string;
  /** The reference exactly as written in the pod spec. */
  original: string;
}
