/**
 * kubectl's workload verbs: create generators, expose, scale, set image, rollout, logs, exec,
 * run, proxy, port-forward and wait. The dispatcher in `kubectl/` runs {@link workloadVerbs};
 * its `create` verb mounts {@link createSubcommands}.
 */
import type { Verb } from '../verb';
export { createSubcommands } from './create';
import { attachVerb } from './attach';
import { execVerb } from './exec';
import { exposeVerb } from './expose';
import { logsVerb } from './logs';
import { portForwardVerb, proxyVerb } from './proxy';
import { scaleVerb } from './scale';
import { setVerb } from './setImage';
import { waitVerb } from './wait';
import { rolloutVerb } from './rollout/rollout';
import { runVerb } from './run';

/** Every workload verb, for kubectl's dispatcher. */
export const workloadVerbs: Verb[] = [attachVerb, execVerb, exposeVerb, logsVerb, portForwardVerb, proxyVerb, rolloutVerb, runVerb, scaleVerb, setVerb, waitVerb];
export { localHttpHandler, localHttp, listenLocal, type LocalHttpHandler, type LocalHttpRequest } from '../../network/localListeners';
