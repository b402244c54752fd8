import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/Rng';
import { VirtualClock } from '../../sim/VirtualClock';
import { ApiServer } from '../ApiServer';
import { newUid } from '../metadata';
import { bootstrapPolicyObjects } from './bootstrapPolicy';

const objects = bootstrapPolicyObjects();
const of = <T>(resource: string) => objects.filter((o) => o.resource === `${resource}.rbac.authorization.k8s.io`).map((o) => o.object as unknown as T);
const clusterRoles = of<ClusterRole>('clusterroles');
const clusterBindings = of<ClusterRoleBinding>('clusterrolebindings');
const sorted = (xs: string[] | undefined) => JSON.stringify(xs ?? []) === JSON.stringify([...new Set(xs ?? [])].sort());

describe('bootstrap policy (kube-apiserver 1.34 + kubeadm)', () => {
  it('has the roles and bindings of a kubeadm 1.34 cluster, each name once', () => {
    expect(clusterRoles).toHaveLength(70);
    expect(clusterBindings).toHaveLength(56);
    expect(new Set(clusterRoles.map((r) => r.metadata!.name)).size).toBe(clusterRoles.length);
    expect(new Set(clusterBindings.map((r) => r.metadata!.name)).size).toBe(clusterBindings.length);
    expect(clusterRoles.filter((r) => r.metadata!.name!.startsWith('system:controller:'))).toHaveLength(37);
    expect(of<Role>('roles').map((r) => `${r.metadata!.namespace}/${r.metadata!.name}`).sort()).toEqual([
      'kube-public/kubeadm:bootstrap-signer-clusterinfo',
      'kube-public/system:controller:bootstrap-signer',
      'kube-system/extension-apiserver-authentication-reader',
      'kube-system/kube-proxy',
      'kube-system/kubeadm:kubelet-config',
      'kube-system/kubeadm:nodes-kubeadm-config',
      'kube-system/system::leader-locking-kube-controller-manager',
      'kube-system/system::leader-locking-kube-scheduler',
      'kube-system/system:controller:bootstrap-signer',
      'kube-system/system:controller:cloud-provider',
      'kube-system/system:controller:token-cleaner',
    ]);
  });

  it('binds only roles that exist (ClusterRoles cluster-wide, Roles in their namespace)', () => {
    const names = new Set(clusterRoles.map((r) => r.metadata!.name));
    for (const b of clusterBindings) expect(names.has(b.roleRef.name), b.metadata!.name).toBe(true);
    const roles = new Set(of<Role>('roles').map((r) => `${r.metadata!.namespace}/${r.metadata!.name}`));
    for (const b of of<RoleBinding>('rolebindings')) expect(roles.has(`${b.metadata!.namespace}/${b.roleRef.name}`), b.metadata!.name).toBe(true);
  });

  it('writes rules as NewRule does (sorted sets), except the CoreDNS manifest kubeadm applies verbatim', () => {
    for (const r of clusterRoles) {
      if (r.metadata!.name === 'system:coredns') continue;
      for (const rule of r.rules ?? []) {
        expect([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs].every(sorted), r.metadata!.name).toBe(true);
      }
    }
  });

  it('labels and annotates the API server\'s objects, not kubeadm\'s; only admin, edit and view aggregate', () => {
    const labelled = (o: { metadata?: { labels?: Record<string, string> } }) => o.metadata?.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
    expect(clusterRoles.filter((r) => !labelled(r)).map((r) => r.metadata!.name)).toEqual(['kubeadm:get-nodes', 'system:coredns']);
    expect(clusterRoles.filter((r) => r.aggregationRule).map((r) => [r.metadata!.name, r.rules])).toEqual([
      ['admin', undefined],
      ['edit', undefined],
      ['view', undefined],
    ]);
    const system = clusterBindings.find((b) => b.metadata!.name === 'system:node')!;
    expect(system.subjects).toBeUndefined();
  });

  it('takes exactly six UIDs from the cluster\'s random stream, whatever the size of the policy', () => {
    const rng = new Rng('seed');
    new ApiServer({ clock: new VirtualClock(0), rng, serviceCIDR: '10.96.0.0/12', nodePortRange: '30000-32767', clusterDomain: 'cluster.local' });
    const expected = new Rng('seed');
    for (let i = 0; i < 6; i++) newUid(expected);
    expect(rng.save()).toEqual(expected.save());
  });
});
