import { describe, expect, it } from 'vitest';
import { workloadRig } from './testing/harness';

describe('kubectl create role / clusterrole', () => {
  it('groups resources by API group (sorted), maps short names and singulars through discovery, keeps subresources', () => {
    const rig = workloadRig();
    const out = rig.run('kubectl create role pod-reader --verb=get,list --verb=watch --verb=get --resource=po,pods/log,deployments.apps/scale,deploy --resource-name=a --resource-name=a --dry-run=client -o yaml');
    expect(out).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups:
  - ""
  resourceNames:
  - a
  resources:
  - pods
  - pods/log
  verbs:
  - get
  - list
  - watch
- apiGroups:
  - apps
  resourceNames:
  - a
  resources:
  - deployments/scale
  - deployments
  verbs:
  - get
  - list
  - watch
`);
    expect(rig.sim.api.admin().tryGet('roles.rbac.authorization.k8s.io', 'default', 'pod-reader')).toBeUndefined();
  });

  it('a bare * replaces every verb and every resource given with it', () => {
    const rig = workloadRig();
    const rule = (JSON.parse(rig.run('kubectl create role all --verb=get,*,list --resource=pods,* -n kube-public -o json')) as { metadata: { namespace: string }; rules: unknown[] });
    expect(rule.metadata.namespace).toBe('kube-public');
    expect(rule.rules).toEqual([{ apiGroups: [''], resources: ['*'], verbs: ['*'] }]);
    expect(rig.sim.api.admin().tryGet('roles.rbac.authorization.k8s.io', 'kube-public', 'all')).toBeDefined();
  });

  it('reports validation errors as kubectl does', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create role r --resource=pods')).toBe('error: at least one verb must be specified\n');
    expect(rig.run('kubectl create role r --verb=get')).toBe('error: at least one resource must be specified\n');
    expect(rig.run('kubectl create role r --verb=get --resource=foo')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(rig.run('kubectl create role r --verb=get --resource=foo.apps')).toBe('error: the server doesn\'t have a resource type "foo" in group "apps"\n');
    expect(rig.run('kubectl create role r --verb=get --resource=.apps')).toBe('error: resource must be specified if apiGroup/subresource specified\n');
    expect(rig.run('kubectl create role r --verb=bind --resource=pods')).toBe("error: can not perform 'bind' on 'pods' in group ''\n");
    expect(rig.run('kubectl create role r --verb=get')).toBe('error: at least one resource must be specified\n');
    expect(rig.run('kubectl create role --verb=get --resource=pods')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create role -h' for help and examples\n");
    expect(rig.run('kubectl create role r --verb=frob --resource=pods')).toBe("Warning: 'frob' is not a standard resource verb\nrole.rbac.authorization.k8s.io/r created\n");
  });

  it('bind and escalate are accepted on roles and clusterroles', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create clusterrole binder --verb=bind,escalate --resource=clusterroles --dry-run=server')).toBe('clusterrole.rbac.authorization.k8s.io/binder created (server dry run)\n');
  });

  it('clusterrole adds a non-resource rule after the resource rules, and validates URLs and verbs', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create clusterrole c --verb=get --non-resource-url=/logs/*,/healthz --resource=nodes -o yaml --dry-run=client')).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: c
rules:
- apiGroups:
  - ""
  resources:
  - nodes
  verbs:
  - get
- nonResourceURLs:
  - /logs/*
  - /healthz
  verbs:
  - get
`);
    expect(rig.run('kubectl create clusterrole c --verb=list --non-resource-url=/logs')).toBe("error: invalid verb: 'list' for nonResourceURL\n");
    expect(rig.run('kubectl create clusterrole c --verb=get --non-resource-url=logs')).toBe('error: nonResourceURL should start with /\n');
    expect(rig.run('kubectl create clusterrole c --verb=get --non-resource-url=/a*/b')).toBe("error: nonResourceURL only supports wildcard matches when '*' is at the end\n");
    expect(rig.run('kubectl create clusterrole c --verb=get')).toBe('error: one of resource or nonResourceURL must be specified\n');
  });

  it('clusterrole --aggregation-rule sends a selector and no rules', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create clusterrole monitoring --aggregation-rule=a=b,c=d -o yaml --dry-run=client')).toBe(`aggregationRule:
  clusterRoleSelectors:
  - matchLabels:
      a: b
      c: d
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
rules: null
`);
    expect(rig.run('kubectl create clusterrole m --aggregation-rule=a=b --verb=get')).toBe('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n');
    expect(rig.run('kubectl create clusterrole m --aggregation-rule=ab')).toBe(`error: invalid argument "ab" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee 'kubectl create clusterrole --help' for usage.\n`);
  });
});

describe('kubectl create rolebinding / clusterrolebinding', () => {
  it('lists users, then groups, then service accounts (commas split each flag); only service accounts have no apiGroup', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create rolebinding rb --clusterrole=view --serviceaccount=dev:x --group=g --user=jane,joe -n dev --dry-run=client -o yaml')).toBe(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: dev
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: jane
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: joe
- apiGroup: rbac.authorization.k8s.io
  kind: Group
  name: g
- kind: ServiceAccount
  name: x
  namespace: dev
`);
  });

  it('--user on a binding is the subject, not the kubeconfig user (the local flag shadows the global one)', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create clusterrolebinding crb --clusterrole=view --user=jane')).toBe('clusterrolebinding.rbac.authorization.k8s.io/crb created\n');
    expect(rig.run('kubectl get pods -A --as=jane')).not.toContain('Forbidden');
  });

  it('reports binding errors as kubectl does', () => {
    const rig = workloadRig();
    expect(rig.run('kubectl create rolebinding rb --clusterrole=view --role=r')).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect(rig.run('kubectl create rolebinding rb --user=jane')).toBe('error: exactly one of clusterrole or role must be specified\n');
    expect(rig.run('kubectl create rolebinding rb --role=r --serviceaccount=dev')).toBe('error: serviceaccount must be <namespace>:<name>\n');
    expect(rig.run('kubectl create rolebinding rb --role=r --serviceaccount=:x')).toBe('error: serviceaccount must be <namespace>:<name>\n');
    expect(rig.run('kubectl create clusterrolebinding crb --user=jane')).toBe('error: required flag(s) "clusterrole" not set\n');
    rig.run('kubectl create rolebinding rb --role=r');
    expect(rig.run('kubectl create rolebinding rb --role=r')).toBe('error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "rb" already exists\n');
  });

  it('a RoleBinding to view for the namespace\'s service-account group turns Forbidden into allowed', async () => {
    const rig = workloadRig();
    await expect(
      rig.transcript([
        'kubectl get pods --as=system:serviceaccount:default:default',
        'kubectl create rolebinding sa-view --clusterrole=view --group=system:serviceaccounts:default',
        'kubectl get rolebinding sa-view -o yaml',
        'kubectl get pods --as=system:serviceaccount:default:default',
        'kubectl get pods -n kube-system --as=system:serviceaccount:default:default',
      ]),
    ).toMatchFileSnapshot('./__golden__/rbac-rolebinding-view.txt');
  });

  it('kubectl create --help lists the RBAC generators in kubectl\'s order', () => {
    const rig = workloadRig();
    const list = rig.run('kubectl create --help').split('Available Commands:\n')[1]!.split('\n\n')[0]!;
    expect(list.split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['clusterrole', 'clusterrolebinding', 'configmap', 'deployment', 'namespace', 'role', 'rolebinding', 'service', 'serviceaccount']);
    expect(list).toContain('  rolebinding         Create a role binding for a particular role or cluster role');
  });
});
