/**
 * The Machine of a node: what a learner finds after logging in to `controlplane` or
 * `ssh node01`. A kubeadm host: root's home, the admin kubeconfig on the control plane, the static
 * pod manifests, the host's resolv.conf and hosts, and the node's tools (kubectl, crictl,
 * systemctl, journalctl, iptables..., ssh to the other nodes).
 */
import { adminKubeconfigText, kubectlCompletion, kubectlTool } from '../kubectl';
import { toYaml } from '../kubectl/print';
import { coreCommands, createMachine } from '../shell/machines';
import type { Machine } from '../shell/types';
import { controlPlaneStaticPods } from '../sim/bootstrap/staticPods';
import type { Simulation } from '../sim/Simulation';
import { installTools, nodeToolSets } from './installTools';
import { crictlTool } from './node/crictl';
import { journalctlTool } from './node/journalctl';
import { psTool } from './node/ps';
import { sshTool } from './node/ssh';
import { systemctlTool } from './node/systemctl';
import { uptimeTool } from './node/uptime';
import type { Place, ToolSet } from './tools';

/** The nodes' resolver: the Docker-style bridge gateway the kubelet also hands to `dnsPolicy: Default` pods. */
const NODE_RESOLV_CONF = 'nameserver 172.18.0.1\n';

const machines = new WeakMap<Simulation, Map<string, Machine>>();

/** The tools this area adds to every node. */
export function nodeOwnTools(): ToolSet {
  return { systemctl: systemctlTool, journalctl: journalctlTool, crictl: crictlTool, ps: psTool, uptime: uptimeTool, ssh: sshTool(nodeMachine) };
}

/** The node's machine (one per node and Simulation: files written there stay), or undefined for an unknown node. */
export function nodeMachine(sim: Simulation, node: string): Machine | undefined {
  let perSim = machines.get(sim);
  if (!perSim) machines.set(sim, (perSim = new Map()));
  const known = perSim.get(node);
  if (known) return known;
  const cfg = sim.config.nodes.find((n) => n.name === node);
  if (!cfg) return undefined;

  const place: Place = { kind: 'node', node };
  const env = { sim, place };
  const commands = coreCommands();
  installTools(commands, env, [...nodeToolSets(), nodeOwnTools()]);
  commands.register('kubectl', kubectlTool(env), { dir: '/usr/bin', complete: kubectlCompletion(env) });

  const machine = createMachine({ hostname: node, now: () => sim.clock.now(), commands, addresses: [cfg.internalIP] });
  const fs = machine.fs;
  fs.writeFile('/etc/resolv.conf', NODE_RESOLV_CONF);
  fs.writeFile('/etc/hosts', ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback', ...sim.config.nodes.map((n) => `${n.internalIP} ${n.name}`), ''].join('\n'));
  fs.mkdir('/etc/kubernetes/manifests', true);
  fs.mkdir('/var/lib/kubelet', true);
  if (cfg.controlPlane) {
    const kubeconfig = adminKubeconfigText(cfg.internalIP);
    fs.writeFile('/etc/kubernetes/admin.conf', kubeconfig);
    fs.mkdir('/root/.kube', true);
    fs.writeFile('/root/.kube/config', kubeconfig);
    const c = sim.config;
    for (const pod of controlPlaneStaticPods({ nodeIP: cfg.internalIP, serviceCIDR: c.serviceCIDR, podCIDR: c.podCIDR, nodePortRange: c.nodePortRange })) {
      fs.writeFile(`/etc/kubernetes/manifests/${pod.metadata?.name}.yaml`, toYaml(pod));
    }
  }
  perSim.set(node, machine);
  return machine;
}
