/**
 * The network area's commands, as ToolSets the cluster area installs: `podTools` in containers
 * (only the ones the image ships), `nodeTools` on nodes.
 */
import type { ToolSet } from '../../cluster/tools';
import { curlTool } from './curl';
import { conntrackTool, iptablesSaveTool, iptablesTool, ipvsadmTool } from './nodeTools';
import { ipTool, ncTool, pingTool, wgetTool } from './podTools';
import { tracerouteTool } from './traceroute';

/** Commands inside containers: curl, wget (busybox), ping (iputils or busybox by image), nc, ip, traceroute (busybox). */
export const podTools: ToolSet = { curl: curlTool, wget: wgetTool, ping: pingTool, nc: ncTool, ip: ipTool, traceroute: tracerouteTool };

/** Commands on nodes: the pod tools plus kube-proxy's views (iptables, ipvsadm, conntrack). */
export const nodeTools: ToolSet = {
  ...podTools,
  'iptables-save': iptablesSaveTool,
  iptables: iptablesTool,
  ipvsadm: ipvsadmTool,
  conntrack: conntrackTool,
};

export { runCurl, CURL_VERSION } from './curl';
