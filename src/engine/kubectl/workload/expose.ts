/** `kubectl expose (-f FILENAME | TYPE NAME) [--port=port] ...` (REFERENCE §6.7). */
import type { Verb } from '../verb';
import { withSavedConfig } from './typedJson';
import { DRY_RUN_FLAG, PRINT_FLAGS, SAVE_CONFIG_FLAG, KubectlError, checkOutputFormat, dryRunOf, fieldManagerFlag, guarded, printObject } from './common';
import { buildExposedService, checkExposable, portsFor, protocolsFor, selectorFor } from './exposeService';
import { fetchTarget, parseTargets } from './targets';

/** DNS1035LabelMaxLength: longer source names are cut for the Service name. */
const MAX_NAME = 63;

export const exposeVerb: Verb = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-expose'),
    SAVE_CONFIG_FLAG,
    { name: 'protocol', kind: 'string', default: '', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'port', kind: 'string', default: '', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'type', kind: 'string', default: '', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'load-balancer-ip', kind: 'string', default: '', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'selector', kind: 'string', default: '', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'labels', short: 'l', kind: 'string', default: '', usage: 'Labels to apply to the service created by this call.' },
    { name: 'target-port', kind: 'string', default: '', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'external-ip', kind: 'string', default: '', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    { name: 'name', kind: 'string', default: '', usage: 'The name for the newly created object.' },
    { name: 'session-affinity', kind: 'string', default: '', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'cluster-ip', kind: 'string', default: '', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
  ],
  run: (ctx) =>
    guarded(ctx, () => {
      checkOutputFormat(ctx);
      const dryRun = dryRunOf(ctx);
      const f = (n: string) => ctx.flags.get<string>(n) ?? '';
      for (const t of parseTargets(ctx)) {
        const obj = fetchTarget(ctx, t);
        checkExposable(obj.kind);
        let selector = f('selector');
        if (!selector) {
          try {
            selector = selectorFor(obj);
          } catch (e) {
            throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
          }
        }
        const headless = f('cluster-ip') === 'None';
        let port = f('port');
        let ports = '';
        if (!port) {
          const found = portsFor(obj);
          if (found.length === 0 && !headless) throw new KubectlError("couldn't find port via --port flag or introspection");
          if (found.length === 1) port = found[0]!;
          else ports = found.join(',');
        }
        const svc = buildExposedService({
          name: f('name') || t.name.slice(0, MAX_NAME),
          selector,
          labels: f('labels') || Object.entries(obj.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
          port,
          ports,
          protocol: f('protocol'),
          protocols: protocolsFor(obj),
          targetPort: f('target-port'),
          externalIP: f('external-ip'),
          type: f('type'),
          loadBalancerIP: f('load-balancer-ip'),
          sessionAffinity: f('session-affinity'),
          clusterIP: f('cluster-ip'),
          ...(dryRun === 'client' && ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
        });
        // RunExpose prints a client dry-run before CreateOrUpdateAnnotation, so only sent objects carry it.
        const sent = ctx.flags.get<boolean>('save-config') ? withSavedConfig(svc) : svc;
        const out = dryRun === 'client' ? svc : ctx.api.create('services', ctx.namespace, sent, { dryRun: dryRun === 'server', fieldManager: f('field-manager') });
        printObject(ctx, out, 'exposed', dryRun);
      }
    }),
};
