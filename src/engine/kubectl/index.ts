/**
 * kubectl for the simulated cluster: {@link kubectlTool} is the `kubectl` command of a machine
 * (node or container). The dispatcher (`cli/`) parses argv like cobra/pflag, resolves the
 * kubeconfig or in-cluster identity (`config/`), and runs the verbs (`verbs/`, `workload/`).
 */
import type { ToolEnv, ToolFactory } from '../cluster/tools';
import type { Completer } from '../shell/types';
import { kubectlCompleter } from './complete';
import type { Verb } from './verb';
import { runKubectl } from './cli/dispatch';
import { adminKubeconfig } from './config/kubeconfig';
import { toYaml } from './print';
import { applyVerb, createFromFileVerb, replaceVerb } from './verbs/apply';
import { deleteVerb } from './verbs/delete';
import { describeVerb } from './verbs/describe';
import { getVerb } from './verbs/get';
import { editVerb } from './verbs/edit';
import { patchVerb } from './verbs/patch';
import { annotateVerb, labelVerb } from './verbs/labelAnnotate';
import { apiResourcesVerb, apiVersionsVerb, clusterInfoVerb, versionVerb } from './verbs/info';
import { configVerb } from './verbs/config';
import { authVerb } from './verbs/auth';
import { explainVerb } from './verbs/explain';
import { diffVerb } from './verbs/diff';
import { topVerb } from './verbs/top';
import { createSubcommands, workloadVerbs } from './workload';

export { adminKubeconfig, type Kubeconfig } from './config/kubeconfig';
export { serviceAccountToken, clientCertificateData } from './config/credentials';
export { runKubectl } from './cli/dispatch';
export { kubectlCompleter } from './complete';

/** Every verb kubectl serves here: this folder's resource verbs and the workload verbs. */
export function kubectlVerbs(): Verb[] {
  const create: Verb = { ...createFromFileVerb, subcommands: createSubcommands };
  return [
    getVerb, describeVerb, applyVerb, diffVerb, create, replaceVerb, deleteVerb, editVerb, patchVerb, labelVerb, annotateVerb,
    apiResourcesVerb, apiVersionsVerb, versionVerb, clusterInfoVerb, configVerb, authVerb, explainVerb, topVerb, ...workloadVerbs,
  ];
}

/** The text of kubeadm's admin.conf, as `/root/.kube/config` holds it on the control-plane node. */
export function adminKubeconfigText(apiServerIP = '172.18.0.2'): string {
  return toYaml(adminKubeconfig(apiServerIP));
}

/**
 * The `kubectl` command for one machine. On the control-plane node the admin kubeconfig is
 * written to `/root/.kube/config` the first time kubectl runs there if nobody placed it yet
 * (kubeadm's documented `cp /etc/kubernetes/admin.conf $HOME/.kube/config` step).
 */
export const kubectlTool: ToolFactory = (env) => {
  const verbs = kubectlVerbs();
  let seeded = false;
  return (ctx) => {
    const node = env.place.kind === 'node' ? env.sim.config.nodes.find((n) => n.name === env.place.node) : undefined;
    if (!seeded && node?.controlPlane) {
      seeded = true;
      if (!ctx.fs.exists('/root/.kube/config')) {
        ctx.fs.mkdir('/root/.kube', true);
        ctx.fs.writeFile('/root/.kube/config', adminKubeconfigText(node.internalIP));
      }
    }
    return runKubectl(env, ctx, verbs);
  };
};

/** Tab completion for the `kubectl` of one machine: register it with `{ complete: kubectlCompletion(env) }`. */
export function kubectlCompletion(env: ToolEnv): Completer {
  return kubectlCompleter(env, kubectlVerbs());
}
