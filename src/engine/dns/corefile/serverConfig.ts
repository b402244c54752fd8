import { CorefileError, DEFAULT_COREFILE_PATH, parseCorefile } from './parseCorefile';
import type { BlockLine, Directive, ServerBlock } from './parseCorefile';

export type PodMode = 'disabled' | 'verified' | 'insecure';

export interface KubernetesPluginConfig {
  /** Normalized zones, lower case with a trailing dot (`cluster.local.`, `in-addr.arpa.`). */
  zones: string[];
  podMode: PodMode;
  ttl: number;
  /** Zones the plugin passes on instead of answering NXDOMAIN; `['.']` = all. Empty = none. */
  fallthrough: string[];
  endpointPodNames: boolean;
  /** `namespaces a b`: only these are exposed; empty = all. */
  namespaces: string[];
  /** `ignore empty_service`: NXDOMAIN for ClusterIP services without ready endpoints. */
  ignoreEmptyService: boolean;
}

export interface CachePluginConfig {
  successTtl: number;
  denialTtl: number;
  disableSuccess: string[];
  disableDenial: string[];
  zones: string[];
}

export interface RewriteRule {
  kind: 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex';
  from: string;
  to: string;
  /** `answer auto`: rename answers back to the question name (CoreDNS's default for `stop`). */
  answerAuto: boolean;
}

export interface HostsEntry {
  ip: string;
  names: string[];
}

/** One server block (zone set + port) with the plugins that shape query handling. */
export interface ServerConfig {
  zones: string[];
  port: number;
  plugins: string[];
  kubernetes?: KubernetesPluginConfig;
  forward?: { from: string; to: string[] };
  cache?: CachePluginConfig;
  log?: { names: string[] };
  errors: boolean;
  hosts?: { entries: HostsEntry[]; fallthrough: string[]; ttl: number };
  rewrite: RewriteRule[];
  loadbalance: boolean;
  prometheus?: string;
  health?: string;
  ready?: string;
  reload: boolean;
}

/** Parses and sets up a Corefile; throws {@link CorefileError} with the exact CoreDNS crash line. */
export function loadCorefile(text: string, file = DEFAULT_COREFILE_PATH): ServerConfig[] {
  return parseCorefile(text, file).flatMap((b) => setupBlock(b, file));
}

/** `plugin.Host(z).Normalize()`: lower case, trailing dot, scheme and port stripped. */
export function normalizeZone(z: string): string {
  let s = z.replace(/^dns:\/\//, '').toLowerCase();
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && !s.includes('::')) s = s.slice(0, colon);
  if (s === '' || s === '.') return '.';
  return s.endsWith('.') ? s : `${s}.`;
}

function setupBlock(block: ServerBlock, file: string): ServerConfig[] {
  const zones = block.keys.map(normalizeZone);
  const portMatch = /:(\d+)$/.exec(block.keys[0] ?? '');
  const cfg: ServerConfig = {
    zones,
    port: portMatch ? Number(portMatch[1]) : 53,
    plugins: [],
    errors: false,
    rewrite: [],
    loadbalance: false,
    reload: false,
  };
  const ctx = new SetupContext(file);
  for (const d of block.directives) {
    cfg.plugins.push(d.name);
    setupDirective(cfg, d, ctx);
  }
  return [cfg];
}

class SetupContext {
  constructor(readonly file: string) {}
  /** caddy's ArgErr, cited at the last token read on the line. */
  argErr(name: string, l: BlockLine): CorefileError {
    const val = l.args.at(-1) ?? l.name;
    return this.err(name, l.line, `Wrong argument count or unexpected line ending after '${val}'`);
  }
  err(name: string, line: number, msg: string): CorefileError {
    return new CorefileError(`plugin/${name}: ${this.file}:${line} - Error during parsing: ${msg}`);
  }
  plain(name: string, msg: string): CorefileError {
    return new CorefileError(`plugin/${name}: ${msg}`);
  }
}

function setupDirective(cfg: ServerConfig, d: Directive, ctx: SetupContext): void {
  switch (d.name) {
    case 'kubernetes':
      if (cfg.kubernetes) throw ctx.plain('kubernetes', 'this plugin can only be used once per Server Block');
      cfg.kubernetes = setupKubernetes(d, cfg.zones, ctx);
      return;
    case 'forward': {
      if (d.args.length < 2) throw ctx.argErr('forward', d);
      cfg.forward = { from: normalizeZone(d.args[0]!), to: d.args.slice(1) };
      return;
    }
    case 'cache':
      cfg.cache = setupCache(d, cfg.zones, ctx);
      return;
    case 'log':
      cfg.log = { names: d.args.length > 0 ? d.args.map(normalizeZone) : ['.'] };
      return;
    case 'errors':
      cfg.errors = true;
      return;
    case 'hosts':
      cfg.hosts = setupHosts(d, ctx);
      return;
    case 'rewrite':
      cfg.rewrite.push(setupRewrite(d, ctx));
      return;
    case 'loadbalance':
      if (d.args.length > 0 && d.args[0] !== 'round_robin' && d.args[0] !== 'weighted') throw ctx.plain('loadbalance', `unknown policy: ${d.args[0]}`);
      cfg.loadbalance = true;
      return;
    case 'prometheus':
      cfg.prometheus = d.args[0] ?? 'localhost:9153';
      return;
    case 'health':
      cfg.health = d.args[0] ?? ':8080';
      return;
    case 'ready':
      cfg.ready = d.args[0] ?? ':8181';
      return;
    case 'reload':
      cfg.reload = true;
      return;
    default:
      // Valid plugins we do not simulate (loop, bind, ...) are accepted, as on a real server.
      return;
  }
}

function setupKubernetes(d: Directive, blockZones: string[], ctx: SetupContext): KubernetesPluginConfig {
  const zones = (d.args.length > 0 ? d.args : blockZones).map(normalizeZone);
  if (!zones.some((z) => !z.endsWith('in-addr.arpa.') && !z.endsWith('ip6.arpa.'))) throw ctx.plain('kubernetes', 'non-reverse zone name must be used');
  const k: KubernetesPluginConfig = { zones, podMode: 'disabled', ttl: 5, fallthrough: [], endpointPodNames: false, namespaces: [], ignoreEmptyService: false };
  for (const l of d.block) {
    switch (l.name) {
      case 'endpoint_pod_names':
        if (l.args.length > 0) throw ctx.argErr('kubernetes', l);
        k.endpointPodNames = true;
        break;
      case 'pods':
        if (l.args.length !== 1) throw ctx.argErr('kubernetes', l);
        if (l.args[0] !== 'disabled' && l.args[0] !== 'verified' && l.args[0] !== 'insecure') {
          throw ctx.plain('kubernetes', `wrong value for pods: ${l.args[0]},  must be one of: disabled, verified, insecure`);
        }
        k.podMode = l.args[0];
        break;
      case 'fallthrough':
        k.fallthrough = l.args.length > 0 ? l.args.map(normalizeZone) : ['.'];
        break;
      case 'ttl': {
        if (l.args.length === 0) throw ctx.argErr('kubernetes', l);
        const t = l.args[0]!;
        if (!/^[+-]?\d+$/.test(t)) throw ctx.plain('kubernetes', `strconv.Atoi: parsing "${t}": invalid syntax`);
        const n = Number(t);
        if (n < 0 || n > 3600) throw ctx.err('kubernetes', l.line, `ttl must be in range [0, 3600]: ${n}`);
        k.ttl = n;
        break;
      }
      case 'namespaces':
        if (l.args.length === 0) throw ctx.argErr('kubernetes', l);
        k.namespaces.push(...l.args.map((n) => n.toLowerCase()));
        break;
      case 'endpoint': case 'labels': case 'namespace_labels': case 'kubeconfig':
        if (l.args.length === 0) throw ctx.argErr('kubernetes', l);
        break;
      case 'tls':
        if (l.args.length !== 3) throw ctx.argErr('kubernetes', l);
        break;
      case 'noendpoints':
        if (l.args.length !== 0) throw ctx.argErr('kubernetes', l);
        break;
      case 'ignore':
        if (l.args[0] !== undefined && l.args[0] !== 'empty_service') throw ctx.plain('kubernetes', `unable to parse ignore value: '${l.args[0]}'`);
        if (l.args[0] === 'empty_service') k.ignoreEmptyService = true;
        break;
      default:
        throw ctx.err('kubernetes', l.line, `unknown property '${l.name}'`);
    }
  }
  return k;
}

function setupCache(d: Directive, blockZones: string[], ctx: SetupContext): CachePluginConfig {
  const c: CachePluginConfig = { successTtl: 3600, denialTtl: 1800, disableSuccess: [], disableDenial: [], zones: blockZones };
  const args = [...d.args];
  if (args.length > 0 && /^\d+$/.test(args[0]!)) {
    const ttl = Number(args.shift());
    if (ttl <= 0) throw ctx.plain('cache', `cache TTL can not be zero or negative: ${ttl}`);
    c.successTtl = ttl;
    c.denialTtl = ttl;
  }
  if (args.length > 0) c.zones = args.map(normalizeZone);
  for (const l of d.block) {
    if (l.name === 'disable') {
      if (l.args.length < 1) throw ctx.argErr('cache', l);
      const zones = l.args.length > 1 ? l.args.slice(1).map(normalizeZone) : c.zones;
      if (l.args[0] === 'success') c.disableSuccess.push(...zones);
      else if (l.args[0] === 'denial') c.disableDenial.push(...zones);
      else throw ctx.plain('cache', `cache type for disable must be "success" or "denial"`);
    } else if (l.name === 'success' || l.name === 'denial') {
      if (l.args.length < 1) throw ctx.argErr('cache', l);
      const ttl = l.args[1];
      if (ttl !== undefined) {
        if (l.name === 'success') c.successTtl = Number(ttl);
        else c.denialTtl = Number(ttl);
      }
    } else if (!['prefetch', 'serve_stale', 'servfail', 'keepttl'].includes(l.name)) {
      throw ctx.err('cache', l.line, `unknown property '${l.name}'`);
    }
  }
  return c;
}

function setupHosts(d: Directive, ctx: SetupContext): { entries: HostsEntry[]; fallthrough: string[]; ttl: number } {
  const h = { entries: [] as HostsEntry[], fallthrough: [] as string[], ttl: 3600 };
  for (const l of d.block) {
    if (l.name === 'fallthrough') h.fallthrough = l.args.length > 0 ? l.args.map(normalizeZone) : ['.'];
    else if (l.name === 'ttl') {
      if (l.args.length !== 1) throw ctx.argErr('hosts', l);
      h.ttl = Number(l.args[0]);
    } else if (l.name === 'reload' || l.name === 'no_reverse') continue;
    else if (/^[0-9a-fA-F:.]+$/.test(l.name) && l.args.length > 0) h.entries.push({ ip: l.name, names: l.args.map((n) => normalizeZone(n)) });
    else throw ctx.err('hosts', l.line, `unknown property '${l.name}'`);
  }
  return h;
}

function setupRewrite(d: Directive, ctx: SetupContext): RewriteRule {
  const args = [...d.args];
  if (args[0] === 'stop' || args[0] === 'continue') args.shift();
  if (args[0] !== 'name') throw ctx.plain('rewrite', `invalid rule type "${args[0] ?? ''}"`);
  args.shift();
  const kinds = ['exact', 'prefix', 'suffix', 'substring', 'regex'] as const;
  let kind: RewriteRule['kind'] = 'exact';
  if ((kinds as readonly string[]).includes(args[0] ?? '')) kind = args.shift() as RewriteRule['kind'];
  if (args.length < 2) throw ctx.argErr('rewrite', d);
  const answerAuto = args[2] === 'answer' && args[3] === 'auto';
  const norm = (s: string) => (kind === 'exact' ? normalizeZone(s) : s.toLowerCase());
  return { kind, from: norm(args[0]!), to: norm(args[1]!), answerAuto };
}
