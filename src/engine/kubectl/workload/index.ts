/**
 * kubectl's workload verbs: create generators, expose, scale, set image, rollout, logs, exec,
 * run, proxy, port-forward and wait. The dispatcher in `kubectl/` runs {@link workloadVerbs};
 * its `create` verb mounts {@link createSubcommands}.
 */
import type { Verb } from '../verb';
export { createSubcommands } from './create';
import { createSubcommands } from './create';
import { exposeVerb } from './expose';
import { scaleVerb } from './scale';
import { setVerb } from './setImage';
import { rolloutVerb } from './rollout/rollout';

/** A `create` verb holding only the generators (for tests and until `create -f` mounts them). */
export const createGenerators: Verb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [],
  subcommands: createSubcommands,
  run: (ctx) => {
    ctx.cmd.stderr('error: must specify one of -f and -k\n');
    return 1;
  },
};

/** Every workload verb, for kubectl's dispatcher. */
export const workloadVerbs: Verb[] = [exposeVerb, rolloutVerb, scaleVerb, setVerb];
