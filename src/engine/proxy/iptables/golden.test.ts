/**
 * Whole-output golden files for the default cluster on node01. Regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run src/engine/proxy` and review the diff by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultClusterServices } from '../testing/defaultCluster';
import { baseConfig, node01 } from '../testing/fixtures';
import { generateRules } from './generateRules';
import { iptablesList } from './printList';
import { iptablesListRules, iptablesSave } from './printSave';

const dir = join(import.meta.dirname, '__golden__');
function golden(name: string, actual: string): void {
  const path = join(dir, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden output, default cluster on node01', () => {
  const { services, slices } = defaultClusterServices();
  const rs = generateRules({ node: node01, services, endpointSlices: slices, config: baseConfig });
  it('iptables-save', () => golden('default-cluster.iptables-save.txt', iptablesSave(rs, Date.UTC(2025, 10, 22, 21, 45, 0))));
  it('iptables -t nat -S', () => golden('default-cluster.nat-S.txt', iptablesListRules(rs, 'nat')!));
  it('iptables -t nat -S KUBE-SERVICES', () => golden('default-cluster.nat-S-KUBE-SERVICES.txt', iptablesListRules(rs, 'nat', 'KUBE-SERVICES')!));
  it('iptables -t nat -L -n', () => golden('default-cluster.nat-L-n.txt', iptablesList(rs, 'nat', undefined, { numeric: true })!));
  it('iptables -t nat -L KUBE-SERVICES -n -v --line-numbers', () =>
    golden('default-cluster.nat-L-KUBE-SERVICES-nv-line-numbers.txt', iptablesList(rs, 'nat', 'KUBE-SERVICES', { numeric: true, verbose: true, lineNumbers: true })!));
  it('iptables -L -n (filter)', () => golden('default-cluster.filter-L-n.txt', iptablesList(rs, 'filter', undefined, { numeric: true })!));
  it('iptables -t nat -L KUBE-SERVICES (names, no -n)', () => golden('default-cluster.nat-L-KUBE-SERVICES.txt', iptablesList(rs, 'nat', 'KUBE-SERVICES')!));
  it('iptables -t nat -L KUBE-SVC-NPX46M4PTMTKRN6Y -v (names)', () =>
    golden('default-cluster.nat-L-KUBE-SVC-kubernetes-v.txt', iptablesList(rs, 'nat', 'KUBE-SVC-NPX46M4PTMTKRN6Y', { verbose: true, hostNames: { '172.18.0.2': 'controlplane' } })!));
  it('reports a missing chain as undefined', () => {
    expect(iptablesList(rs, 'nat', 'NOPE')).toBeUndefined();
    expect(iptablesListRules(rs, 'nat', 'NOPE')).toBeUndefined();
  });
});
