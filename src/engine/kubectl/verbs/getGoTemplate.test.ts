/**
 * `-o go-template` through kubectl: the formats and flags of cli-runtime's GoTemplatePrintFlags
 * (go-template, go-template-file, template, templatefile, --template alone), a List for several
 * objects, and the error texts and debugging block kubectl prints (printers/template.go).
 */
import { describe, expect, it } from 'vitest';
import { kubectlSession, transcript } from '../testing/session';

describe('kubectl -o go-template', () => {
  it('prints one object, a List for several, from a file, and with --template alone', () => {
    const { s } = kubectlSession();
    s.machine.fs.writeFile('/root/svc.tmpl', '{{range .items}}{{.metadata.name}}:{{range .spec.ports}} {{.port}}/{{.protocol}}{{end}}\n{{end}}');
    expect(
      transcript(s, [
        `kubectl get svc kubernetes -o go-template='{{.metadata.name}} {{.spec.clusterIP}}{{"\\n"}}'`,
        'kubectl get svc -n kube-system -o go-template-file=svc.tmpl',
        'kubectl get svc -A -o templatefile=svc.tmpl',
        `kubectl get svc kubernetes --template='{{.kind}} {{index .metadata.labels "component"}}{{"\\n"}}'`,
        `kubectl get svc kubernetes -o template --template='{{len .spec.ports}}{{"\\n"}}'`,
        `kubectl get svc kubernetes -o jsonpath --template='{.spec.ports[0].port}{"\\n"}'`,
        `kubectl get svc -o go-template='{{.kind}} {{len .items}}{{"\\n"}}'`,
        `kubectl get ns -o go-template='{{range .items}}{{if ne .metadata.name "default"}}{{.metadata.name}} {{end}}{{end}}{{"\\n"}}'`,
      ]),
    ).toBe(`controlplane:~$ kubectl get svc kubernetes -o go-template='{{.metadata.name}} {{.spec.clusterIP}}{{"\\n"}}'
kubernetes 10.96.0.1
controlplane:~$ kubectl get svc -n kube-system -o go-template-file=svc.tmpl
kube-dns: 53/UDP 53/TCP 9153/TCP
controlplane:~$ kubectl get svc -A -o templatefile=svc.tmpl
kubernetes: 443/TCP
kube-dns: 53/UDP 53/TCP 9153/TCP
controlplane:~$ kubectl get svc kubernetes --template='{{.kind}} {{index .metadata.labels "component"}}{{"\\n"}}'
Service apiserver
controlplane:~$ kubectl get svc kubernetes -o template --template='{{len .spec.ports}}{{"\\n"}}'
1
controlplane:~$ kubectl get svc kubernetes -o jsonpath --template='{.spec.ports[0].port}{"\\n"}'
443
controlplane:~$ kubectl get svc -o go-template='{{.kind}} {{len .items}}{{"\\n"}}'
List 1
controlplane:~$ kubectl get ns -o go-template='{{range .items}}{{if ne .metadata.name "default"}}{{.metadata.name}} {{end}}{{end}}{{"\\n"}}'
kube-node-lease kube-public kube-system 
`);
  });

  it('words missing templates, unreadable files and parse errors as ToPrinter does', () => {
    const { s } = kubectlSession();
    expect(
      transcript(s, [
        'kubectl get svc kubernetes -o go-template',
        'kubectl get svc kubernetes -o go-template-file=nope.tmpl',
        "kubectl get svc kubernetes -o go-template='{{.metadata.name'",
        "kubectl get svc kubernetes -o go-template='{{upper .kind}}'",
      ]),
    ).toBe(`controlplane:~$ kubectl get svc kubernetes -o go-template
error: template format specified but no template given
controlplane:~$ kubectl get svc kubernetes -o go-template-file=nope.tmpl
error: error reading --template nope.tmpl, open nope.tmpl: no such file or directory
controlplane:~$ kubectl get svc kubernetes -o go-template='{{.metadata.name'
error: error parsing template {{.metadata.name, template: output:1: unclosed action
controlplane:~$ kubectl get svc kubernetes -o go-template='{{upper .kind}}'
error: error parsing template {{upper .kind}}, template: output:1: function "upper" not defined
`);
  });

  it('prints what ran, the debugging block on stdout and the error on stderr when execution fails', () => {
    const { s } = kubectlSession();
    const r = s.execute(`kubectl get svc kubernetes -o go-template='{{.metadata.name}} {{.spec.clusterIP.x}}'`);
    expect(r.exitCode).toBe(1);
    const lines = r.output.split('\n');
    expect(lines[0]).toBe(`kubernetes Error executing template: template: output:1:21: executing "output" at <.spec.clusterIP.x>: can't evaluate field x in type interface {}. Printing more information for debugging the template:`);
    expect(lines.slice(1, 4)).toEqual(['\ttemplate was:', '\t\t{{.metadata.name}} {{.spec.clusterIP.x}}', '\traw data was:']);
    expect(lines[4]).toMatch(/^\t\t\{"apiVersion":"v1","kind":"Service","metadata":\{"creationTimestamp":"[^"]+","labels":\{"component":"apiserver","provider":"kubernetes"\},"name":"kubernetes"/);
    expect(lines[5]).toBe('\tobject given to template engine was:');
    expect(lines[6]).toMatch(/^\t\tmap\[apiVersion:v1 kind:Service metadata:map\[creationTimestamp:\S+ labels:map\[component:apiserver provider:kubernetes\] name:kubernetes /);
    expect(lines.slice(7)).toEqual(['', `error: error executing template "{{.metadata.name}} {{.spec.clusterIP.x}}": template: output:1:21: executing "output" at <.spec.clusterIP.x>: can't evaluate field x in type interface {}`, '']);
  });

  it('--allow-missing-template-keys=false turns a missing key into an error', () => {
    const { s } = kubectlSession();
    const r = s.execute(`kubectl get svc kubernetes -o go-template='{{.spec.nope}}' --allow-missing-template-keys=false`);
    expect(r.output.split('\n').at(-2)).toBe(`error: error executing template "{{.spec.nope}}": template: output:1:2: executing "output" at <.spec.nope>: map has no entry for key "nope"`);
    expect(s.execute(`kubectl get svc kubernetes -o go-template='{{.spec.nope}}'`).output).toBe('<no value>');
  });

  it('serves the printers of create, run and expose too', () => {
    const { s } = kubectlSession();
    expect(
      transcript(s, [
        `kubectl create deployment web --image=nginx --replicas=2 --dry-run=client -o go-template='{{.kind}} {{.spec.replicas}} {{(index .spec.template.spec.containers 0).image}}{{"\\n"}}'`,
        `kubectl run tmp --image=busybox --dry-run=client --template='{{.metadata.name}}/{{.spec.restartPolicy}}{{"\\n"}}'`,
      ]),
    ).toBe(`controlplane:~$ kubectl create deployment web --image=nginx --replicas=2 --dry-run=client -o go-template='{{.kind}} {{.spec.replicas}} {{(index .spec.template.spec.containers 0).image}}{{"\\n"}}'
Deployment 2 nginx
controlplane:~$ kubectl run tmp --image=busybox --dry-run=client --template='{{.metadata.name}}/{{.spec.restartPolicy}}{{"\\n"}}'
tmp/Always
`);
  });

  it('prints each watched object with the template, and ends the watch with kubectl\'s error when it fails', () => {
    const { s } = kubectlSession();
    expect(transcript(s, [`kubectl get svc kubernetes -w -o go-template='{{.metadata.name}}{{"\\n"}}'`])).toBe(`controlplane:~$ kubectl get svc kubernetes -w -o go-template='{{.metadata.name}}{{"\\n"}}'\nkubernetes\n^C\n`);
    const r = s.execute(`kubectl get svc kubernetes -w -o go-template='{{.kind}}{{len 3}}'`);
    expect([r.running ?? false, r.exitCode]).toEqual([false, 1]);
    expect(r.output.startsWith('ServiceError executing template: ')).toBe(true);
    expect(r.output.endsWith(`\nerror: error executing template "{{.kind}}{{len 3}}": template: output:1:11: executing "output" at <len>: error calling len: len of type int64\n`)).toBe(true);
  });
});
