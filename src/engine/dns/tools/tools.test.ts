import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { podToolContext } from '../testing/toolFixture';
import { dig } from './dig';
import { getentHosts, host } from './hostAndGetent';
import { nslookupBind, nslookupBind918 } from './nslookupBind';
import { nslookupBusybox128, nslookupBusybox136 } from './nslookupBusybox';
import type { DnsToolContext, ToolResult } from './toolContext';

type Tool = (argv: string[], ctx: DnsToolContext) => ToolResult;

const GOLDEN_DIR = join(__dirname, '__golden__');

/**
 * Compares a tool run with `__golden__/<name>.txt` (stdout, then stderr and the exit code).
 * `UPDATE_GOLDEN=1 npx vitest run src/engine/dns` rewrites the files; review the diff.
 */
function golden(name: string, r: ToolResult): void {
  const text = `${r.stdout}--- stderr ---\n${r.stderr}--- exit ${r.exitCode} ---\n`;
  const file = join(GOLDEN_DIR, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Expands tabs to 8-column stops, as a terminal (and the seed's copy of it) shows them. */
function expandTabs(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
      return out;
    })
    .join('\n');
}

describe('seed 002: `nslookup kubernetes` inside a dnsutils pod', () => {
  it('prints exactly what the book shows', () => {
    const r = nslookupBind(['kubernetes'], podToolContext());
    expect(r.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n');
    const seed = ['Server:         10.96.0.10', 'Address:        10.96.0.10#53', '', 'Name:   kubernetes.default.svc.cluster.local', 'Address: 10.96.0.1'];
    expect(expandTabs(r.stdout).split('\n').slice(0, 5)).toEqual(seed);
    expect(r.exitCode).toBe(0);
  });
});

const runs: [string, Tool, string[], Parameters<typeof podToolContext>?][] = [
  ['nslookup-service', nslookupBind, ['web']],
  ['nslookup-headless', nslookupBind, ['db']],
  ['nslookup-nonauthoritative', nslookupBind, ['google.com']],
  ['nslookup-externalname', nslookupBind, ['ext']],
  ['nslookup-nxdomain', nslookupBind, ['nope']],
  ['nslookup-nodata', nslookupBind, ['-type=AAAA', 'web.default.svc.cluster.local']],
  ['nslookup-srv', nslookupBind, ['-type=SRV', '_http._tcp.web.default.svc.cluster.local']],
  ['nslookup-reverse', nslookupBind, ['10.96.0.1']],
  ['nslookup-timeout', nslookupBind, ['web'], ['default', { dnsDown: true }]],
  ['nslookup-cross-namespace-miss', nslookupBind, ['api'], ['default']],
  ['nslookup918-service', nslookupBind918, ['web']],
  ['nslookup918-search-then-forward', nslookupBind918, ['google.com']],
  ['busybox128-service', nslookupBusybox128, ['kubernetes.default']],
  ['busybox128-fail', nslookupBusybox128, ['nope']],
  ['busybox136-short-name', nslookupBusybox136, ['kubernetes']],
  ['busybox136-dotted-name-trap', nslookupBusybox136, ['kubernetes.default']],
  ['busybox136-timeout', nslookupBusybox136, ['web'], ['default', { dnsDown: true }]],
  ['dig-full', dig, ['web.default.svc.cluster.local']],
  ['dig-nxdomain', dig, ['nope.default.svc.cluster.local']],
  ['dig-forwarded', dig, ['@10.96.0.10', 'google.com']],
  ['dig-no-search', dig, ['web']],
  ['dig-search', dig, ['+search', 'web']],
  ['dig-short', dig, ['+short', 'web.default.svc.cluster.local']],
  ['dig-noall-answer-srv', dig, ['+noall', '+answer', 'SRV', '_http._tcp.web.default.svc.cluster.local']],
  ['dig-t-srv-headless', dig, ['-t', 'SRV', '_pg._tcp.db.default.svc.cluster.local']],
  ['dig-reverse', dig, ['-x', '10.96.100.10']],
  ['dig-timeout', dig, ['web.default.svc.cluster.local'], ['default', { dnsDown: true }]],
  ['host-service', host, ['web']],
  ['host-externalname', host, ['ext']],
  ['host-nxdomain', host, ['nope']],
  ['host-reverse', host, ['10.96.0.1']],
  ['host-srv', host, ['-t', 'SRV', '_http._tcp.web.default.svc.cluster.local']],
  ['getent-service', getentHosts, ['web']],
  ['getent-externalname', getentHosts, ['ext']],
  ['getent-missing', getentHosts, ['nope']],
];

describe('tool output goldens (REFERENCE §3.5)', () => {
  it.each(runs)('%s', (name, tool, argv, ctx) => {
    golden(name, tool(argv, podToolContext(...(ctx ?? []))));
  });
});

describe('tool behaviour', () => {
  it('exit codes follow the real tools', () => {
    const ctx = () => podToolContext();
    expect(nslookupBind(['nope'], ctx()).exitCode).toBe(1);
    expect(dig(['nope.default.svc.cluster.local'], ctx()).exitCode).toBe(0);
    expect(dig(['web'], podToolContext('default', { dnsDown: true })).exitCode).toBe(9);
    expect(host(['nope'], ctx()).exitCode).toBe(1);
    expect(getentHosts(['nope'], ctx()).exitCode).toBe(2);
    expect(nslookupBusybox136(['nope'], ctx()).exitCode).toBe(0);
  });

  it('reports the virtual time spent waiting on a dead DNS server', () => {
    const down = () => podToolContext('default', { dnsDown: true });
    expect(dig(['web.default.svc.cluster.local'], down()).elapsedMs).toBe(15_000); // +tries=3, +time=5
    expect(dig(['web.default.svc.cluster.local'], podToolContext()).elapsedMs).toBe(0);
    expect(nslookupBusybox136(['web'], down()).elapsedMs).toBe(5_000);
    // AAAA then A (gethostbyname2 for each family), each attempts:2 × timeout:5.
    expect(getentHosts(['web'], down()).elapsedMs).toBe(20_000);
  });

  it('the same seed gives the same output', () => {
    expect(dig(['google.com'], podToolContext('default', { seed: 's' }))).toEqual(dig(['google.com'], podToolContext('default', { seed: 's' })));
  });

  it('a pod in another namespace needs the namespace in the name', () => {
    expect(host(['web'], podToolContext('prod')).stdout).toBe('Host web not found: 3(NXDOMAIN)\n');
    expect(host(['web.default'], podToolContext('prod')).stdout).toBe('web.default.svc.cluster.local has address 10.96.100.10\n');
  });
});
