/**
 * `iptables -t <table> -L [CHAIN] -n [-v] [--line-numbers]`, following iptables' xshared.c
 * print_header / print_rule_details / print_fragment / print_ipv4_addresses (nft backend,
 * v1.8.9: protocol names even with -n; `--` in the opt column). Counters are zero.
 */
import type { Chain, Rule, Ruleset, Table, TableName } from '../model';
import { findTable, orderedChains } from '../model';
import { matchList, targetList, targetName } from './matchText';

export interface ListOptions {
  /** `-n`: addresses and ports as numbers. Without it iptables prints `anywhere` and service names. */
  numeric?: boolean;
  verbose?: boolean;
  lineNumbers?: boolean;
  /** What the node's resolver returns for an address without -n (e.g. /etc/hosts entries). */
  hostNames?: Record<string, string>;
}

/** What a node's resolver answers for addresses kube-proxy rules use (seen in real captures). */
const DEFAULT_HOST_NAMES: Record<string, string> = { '127.0.0.0': 'localhost' };

/** Debian netbase /etc/services names for the ports a Services lab meets (getservbyport). */
const SERVICE_NAMES: Record<number, string> = {
  21: 'ftp', 22: 'ssh', 25: 'smtp', 53: 'domain', 80: 'http', 110: 'pop3', 123: 'ntp', 143: 'imap2',
  443: 'https', 3306: 'mysql', 5432: 'postgresql', 8080: 'http-alt',
};

const pad = (s: string, n: number) => s.padEnd(n, ' ');
const rpad = (s: string, n: number) => s.padStart(n, ' ');

/** Address as `-L` shows it: `0.0.0.0/0` (or `anywhere`) for any, no suffix for /32. */
function listAddress(cidr: string | undefined, opts: ListOptions): string {
  if (!cidr || cidr === '0.0.0.0/0') return opts.numeric ? '0.0.0.0/0' : 'anywhere';
  const [ip, bits] = cidr.split('/') as [string, string | undefined];
  const name = opts.numeric ? ip : (opts.hostNames?.[ip] ?? DEFAULT_HOST_NAMES[ip] ?? ip);
  return bits === undefined || bits === '32' ? name : `${name}/${bits}`;
}

/** Without -n, tcp/udp ports print as service names (libxt_tcp port_to_service). */
function namedPorts(text: string, opts: ListOptions): string {
  if (opts.numeric) return text;
  return text.replace(/^ (tcp|udp) dpt:(\d+)$/, (all, proto: string, port: string) => {
    const name = SERVICE_NAMES[Number(port)];
    return name ? ` ${proto} dpt:${name}` : all;
  });
}

function header(chain: Chain, refs: number, opts: ListOptions): string[] {
  const counts = opts.verbose ? ' 0 packets, 0 bytes' : '';
  const title = chain.policy ? `Chain ${chain.name} (policy ${chain.policy}${counts})` : `Chain ${chain.name} (${refs} references)`;
  let cols = '';
  if (opts.lineNumbers) cols += `${pad('num', 4)} `;
  if (opts.verbose) cols += `${rpad('pkts', 5)} ${rpad('bytes', 5)} `;
  cols += `${pad('target', 9)} `;
  cols += ' prot opt';
  if (opts.verbose) cols += ` ${pad('in', 6)} ${pad('out', 6)} `;
  cols += ` ${pad('source', 19)} `;
  cols += ` ${pad('destination', 19)} `;
  return [title, cols];
}

function row(rule: Rule, num: number, opts: ListOptions): string {
  let s = '';
  if (opts.lineNumbers) s += `${pad(String(num), 4)} `;
  if (opts.verbose) s += `${rpad('0', 5)} ${rpad('0', 5)} `;
  s += `${pad(targetName(rule.target), 9)} `;
  s += ` ${pad(rule.protocol ?? 'all', 5)}`;
  s += '-- ';
  const anyIface = opts.numeric ? '*' : 'any';
  if (opts.verbose) s += ` ${pad(anyIface, 6)} ${pad(anyIface, 6)} `;
  s += `${rule.src?.negate ? '!' : ' '}${pad(listAddress(rule.src?.cidr, opts), 19)} `;
  s += `${rule.dst?.negate ? '!' : ' '}${pad(listAddress(rule.dst?.cidr, opts), 19)} `;
  for (const m of rule.matches) s += namedPorts(matchList(m), opts);
  s += targetList(rule.target);
  return s;
}

/** How many rules in the table jump to `chain`. */
export function referenceCount(table: Table, chain: string): number {
  let n = 0;
  for (const c of table.chains) for (const r of c.rules) if (r.target?.kind === 'jump' && r.target.chain === chain) n++;
  return n;
}

/** The listing text (trailing newline included), or undefined if the chain does not exist. */
export function iptablesList(ruleset: Ruleset, table: TableName, chain: string | undefined, opts: ListOptions = {}): string | undefined {
  const t = findTable(ruleset, table);
  if (!t) return undefined;
  const chains = orderedChains(t).filter((c) => !chain || c.name === chain);
  if (chain && chains.length === 0) return undefined;
  const blocks = chains.map((c) => [...header(c, referenceCount(t, c.name), opts), ...c.rules.map((r, i) => row(r, i + 1, opts))].join('\n'));
  return blocks.join('\n\n') + '\n';
}
