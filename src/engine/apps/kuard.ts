import { imageBaseName } from './imageRef';
import { effectiveArgv, runCommandLine } from './process';
import { slashDateTime } from './timeFormat';
import type { HttpRequest, HttpResponse, ImageProfile } from './types';

/** kuard's startup banner (kuard's cmd/kuard main: version, warning box, config dump). */
export function kuardStartupLog(startedAt: number, version: string): string[] {
  const t = slashDateTime(startedAt);
  return [
    `${t} Starting kuard version: ${version}`,
    `${t} **********************************************************************`,
    `${t} * WARNING: This server may expose sensitive`,
    `${t} * and secret information. Be careful.`,
    `${t} **********************************************************************`,
    `${t} Config: `,
    '{',
    '  "address": ":8080",',
    '  "debug": false,',
    '  "debug-sitedata-dir": "./sitedata",',
    '  "keygen": {',
    '    "enable": false,',
    '    "exit-code": 0,',
    '    "exit-on-complete": false,',
    '    "memq-queue": "",',
    '    "memq-server": "",',
    '    "num-to-gen": 0,',
    '    "time-to-run": 0',
    '  },',
    '  "liveness": {',
    '    "fail-next": 0',
    '  },',
    '  "readiness": {',
    '    "fail-next": 0',
    '  },',
    '  "tls-address": ":8443",',
    '  "tls-dir": "/tls"',
    '}',
    `${t} Could not find certificates to serve TLS`,
    `${t} Serving on HTTP on :8080`,
  ];
}

function kuardHttp(version: string, hostname: string, req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0] ?? '/';
  const text = (status: number, reason: string, body: string): HttpResponse => ({
    status,
    reason,
    headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(body.length)]],
    body,
  });
  // kuard's health and readiness handlers answer "ok" while healthy.
  if (path === '/healthy' || path === '/ready') return text(200, 'OK', 'ok');
  if (path === '/' || path.startsWith('/-/')) {
    const body = `<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>KUAR Demo</title>\n</head>\n<body>\n  <div id="root"></div>\n  <script>var pageContext = {"hostname":"${hostname}","addrs":[],"version":"${version}","versionColor":"hsl(${version.endsWith('blue') ? 197 : version.endsWith('green') ? 115 : 280},100%,50%)","requestDump":"${req.method} ${req.path} HTTP/1.1","requestProto":"HTTP/1.1","requestAddr":"${req.remoteAddr}:${req.remotePort}"}</script>\n</body>\n</html>\n`;
    return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/html'], ['Content-Length', String(body.length)]], body };
  }
  return text(404, 'Not Found', '404 page not found\n');
}

/** kuard logs each request as `<time> <addr:port> <METHOD> <path>`. */
function kuardAccessLog(req: HttpRequest): string {
  return `${slashDateTime(req.at)} ${req.remoteAddr}:${req.remotePort} ${req.method} ${req.path}`;
}

/** `gcr.io/kuar-demo/kuard-amd64:blue|green|purple|1|2|3`, the demo app of "Kubernetes: Up and Running". */
export const kuardProfile: ImageProfile = {
  name: 'kuard',
  matches: (ref) => imageBaseName(ref).startsWith('kuard'),
  shell: 'sh',
  tools: ['kuard', 'ls', 'cat', 'echo', 'sleep', 'wget', 'nslookup', 'ps'],
  sizeBytes: () => 11487234,
  start(launch, ref) {
    const argv = effectiveArgv(launch, ['/kuard'], []);
    if (argv[0] !== '/kuard' && argv[0] !== 'kuard') return runCommandLine(kuardProfile, launch, argv);
    const version = /^\d/.test(ref.tag) ? `v0.10.0-${['blue', 'green', 'purple'][Number(ref.tag) - 1] ?? 'blue'}` : `v0.10.0-${ref.tag}`;
    return {
      listens: [{ port: 8080, protocol: 'TCP' }],
      steps: kuardStartupLog(launch.startedAt, version).map((line) => ({ atMs: 0, kind: 'log' as const, line })),
      listenAfterMs: 100,
      // Go's default SIGTERM action kills the process: the runtime reports 128+15.
      onSigterm: { exitAfterMs: 0, code: 143 },
      http: (port, req) => (port === 8080 ? kuardHttp(version, launch.hostname, req) : undefined),
      accessLog: (req) => kuardAccessLog(req),
    };
  },
};

/** `nigelpoulton/k8sbook:text-dev|text-prod`: a tiny web app answering one line of text. */
export const k8sbookTextProfile: ImageProfile = {
  name: 'k8sbook-text',
  matches: (ref) => ref.repository === 'nigelpoulton/k8sbook' && ref.tag.startsWith('text-'),
  shell: 'sh',
  tools: ['node', 'npm', 'ls', 'cat', 'echo', 'sleep', 'wget', 'ps'],
  sizeBytes: () => 57216538,
  start(launch, ref) {
    const argv = effectiveArgv(launch, [], ['node', './app.js']);
    if (argv[0] !== 'node') return runCommandLine(k8sbookTextProfile, launch, argv);
    const body = ref.tag === 'text-prod' ? 'Hello from the PROD Namespace!\n' : 'Hello from the Dev Namespace!\n';
    return {
      listens: [{ port: 8080, protocol: 'TCP' }],
      steps: [],
      listenAfterMs: 200,
      onSigterm: 'ignore',
      http: (port) =>
        port === 8080
          ? { status: 200, reason: 'OK', headers: [['X-Powered-By', 'Express'], ['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(body.length)]], body }
          : undefined,
    };
  },
};
