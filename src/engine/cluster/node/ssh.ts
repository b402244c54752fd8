/**
 * `ssh node01` from one node to another: enters that node's machine (`exit` comes back), or runs
 * one command there (`ssh node01 crictl ps`). Host names resolve through the node's /etc/hosts,
 * as OpenSSH's getaddrinfo would.
 */
import type { Simulation } from '../../sim/Simulation';
import type { ToolFactory } from '../tools';
import type { Machine } from '../../shell/types';

/** Builds the machine of another node (provided by the node machine module, avoiding a cycle). */
export type NodeMachineLookup = (sim: Simulation, node: string) => Machine | undefined;

/** The node a host name or address means, looked up like getaddrinfo (hosts file, then the node list). */
function resolveNode(sim: Simulation, hosts: string, host: string): string | undefined {
  let ip: string | undefined = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : undefined;
  if (!ip) {
    for (const line of hosts.split('\n')) {
      const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (addr && names.includes(host)) {
        ip = addr;
        break;
      }
    }
  }
  if (host === 'localhost' || ip === '127.0.0.1') return undefined;
  return sim.config.nodes.find((n) => n.internalIP === ip || n.name === host)?.name;
}

/** The `ssh` command of a node. */
export function sshTool(lookup: NodeMachineLookup): ToolFactory {
  return ({ sim, place }) =>
    (ctx) => {
      const args = ctx.argv.slice(1);
      let i = 0;
      while (i < args.length && args[i]!.startsWith('-')) i += /^-[iloFpJ]$/.test(args[i]!) ? 2 : 1;
      const target = args[i];
      if (target === undefined) {
        ctx.stderr('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n');
        return 255;
      }
      const host = target.includes('@') ? target.slice(target.indexOf('@') + 1) : target;
      const hosts = ctx.fs.exists('/etc/hosts') ? ctx.fs.readFile('/etc/hosts') : '';
      const node = place.kind === 'node' && (host === 'localhost' || host === '127.0.0.1') ? place.node : resolveNode(sim, hosts, host);
      const machine = node ? lookup(sim, node) : undefined;
      if (!machine) {
        ctx.stderr(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
        return 255;
      }
      const command = args.slice(i + 1);
      if (command.length > 0) {
        // The remote shell splits a single quoted command line into words.
        const argv = command.length === 1 ? command[0]!.trim().split(/\s+/) : command;
        return ctx.shell.runOn(machine, argv, ctx.stdin);
      }
      // OpenSSH's client reports the end of the session once the remote login shell has gone.
      ctx.shell.enter(machine, { cwd: machine.home, login: true, onExit: () => ctx.stderr(`Connection to ${host} closed.\n`) });
      return 0;
    };
}
