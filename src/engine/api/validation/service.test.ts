import { describe, expect, it } from 'vitest';
import { ApiError } from '../types';
import { newTestServer, svc } from '../testing/newTestServer';

/** What kubectl would print: header plus causes, rebuilt from details exactly as kubectl does. */
function kubectlInvalid(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as ApiError;
    const causes = err.details.causes ?? [];
    const lines = causes.map((c) => `${c.field}: ${c.message}`);
    const head = `The ${err.details.kind} "${err.details.name}" is invalid: `;
    return lines.length === 1 ? head + lines[0] : `${head}\n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  return '';
}

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('Service validation messages (REFERENCE §4.4)', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['bad name', 'My_Svc', { ports: [{ port: 80 }] }, `The Service "My_Svc" is invalid: metadata.name: Invalid value: "My_Svc": ${DNS1035}`],
    ['name starting with a digit', '1web', { ports: [{ port: 80 }] }, `The Service "1web" is invalid: metadata.name: Invalid value: "1web": ${DNS1035}`],
    [
      'port name upper case',
      'web',
      { ports: [{ port: 80, name: 'HTTP' }] },
      `The Service "web" is invalid: spec.ports[0].name: Invalid value: "HTTP": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'port 70000',
      'web',
      { ports: [{ port: 70000, targetPort: 80 }] },
      'The Service "web" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'targetPort 70000',
      'web',
      { ports: [{ port: 80, targetPort: 70000 }] },
      'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'duplicate port names',
      'web',
      { ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] },
      'The Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"',
    ],
    ['unnamed port among several', 'web', { ports: [{ port: 80 }, { port: 81, name: 'b' }] }, 'The Service "web" is invalid: spec.ports[0].name: Required value'],
    ['no ports', 'web', { selector: { app: 'web' } }, 'The Service "web" is invalid: spec.ports: Required value'],
    [
      'protocol HTTP',
      'web',
      { ports: [{ port: 80, protocol: 'HTTP' }] },
      'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      'type Foo',
      'web',
      { type: 'Foo', ports: [{ port: 80 }] },
      'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      'nodePort on ClusterIP',
      'web',
      { ports: [{ port: 80, nodePort: 30080 }] },
      "The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
    [
      'nodePort out of range',
      'web',
      { type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] },
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
    [
      'same nodePort twice',
      'web',
      { type: 'NodePort', ports: [{ port: 80, name: 'a', nodePort: 30080 }, { port: 81, name: 'b', nodePort: 30080 }] },
      'The Service "web" is invalid: spec.ports[1].nodePort: Duplicate value: 30080',
    ],
    ['ExternalName without externalName', 'ext', { type: 'ExternalName' }, 'The Service "ext" is invalid: spec.externalName: Required value'],
    [
      'clusterIP outside the range',
      'web',
      { clusterIP: '192.168.1.1', ports: [{ port: 80 }] },
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["192.168.1.1"]: failed to allocate IP 192.168.1.1: the provided network does not match the current range',
    ],
    [
      'headless NodePort',
      'web',
      { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] },
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ],
    [
      'headless LoadBalancer',
      'web',
      { type: 'LoadBalancer', clusterIP: 'None', ports: [{ port: 80 }] },
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services',
    ],
    [
      'same port and protocol twice',
      'web',
      { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] },
      'The Service "web" is invalid: spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ],
  ];
  it.each(cases)('%s', (_label, name, spec, expected) => {
    const { server } = newTestServer();
    expect(kubectlInvalid(() => server.admin().create('services', 'default', svc(name, spec)))).toBe(expected);
  });

  it('name longer than 63 characters', () => {
    const { server } = newTestServer();
    const name = 'a'.repeat(64);
    const out = kubectlInvalid(() => server.admin().create('services', 'default', svc(name, { ports: [{ port: 80 }] })));
    expect(out).toBe(`The Service "${name}" is invalid: metadata.name: Invalid value: "${name}": must be no more than 63 characters`);
  });

  it('clusterIP already allocated', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('dns', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] }));
    expect(kubectlInvalid(() => a.create('services', 'default', svc('web', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] })))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('nodePort used by another Service', () => {
    const { server } = newTestServer();
    const a = server.admin();
    a.create('services', 'default', svc('one', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(kubectlInvalid(() => a.create('services', 'default', svc('two', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toBe(
      'The Service "two" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('changing the clusterIP on update', () => {
    const { server } = newTestServer();
    const a = server.admin();
    const created = a.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    const spec = created.spec as Record<string, unknown>;
    const changed = { ...created, spec: { ...spec, clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] } };
    expect(kubectlInvalid(() => a.update('services', 'default', changed))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set',
    );
  });

  it('several causes: the Status message aggregates, kubectl lists them', () => {
    const { server } = newTestServer();
    let err: ApiError | undefined;
    try {
      server.admin().create('services', 'default', svc('web', { type: 'Foo', ports: [{ port: 0 }] }));
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.message).toBe(
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive, spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]',
    );
    expect(err?.reason).toBe('Invalid');
    expect(err?.code).toBe(422);
    expect(err?.details.causes?.map((c) => c.reason)).toEqual(['FieldValueInvalid', 'FieldValueInvalid', 'FieldValueNotSupported']);
  });
});
