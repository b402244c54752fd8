/** `kubectl get`: tables, -o formats, selectors, several kinds, and `-w` as a shell Job. */
import { ApiError, type KubeObject } from '../../api/types';
import { buildTable, formatApiError, noResourcesFound, PrintError, sortObjects, TablePrinter, kindPrefix } from '../print';
import type { FlagDef, KubectlContext, Verb } from '../verb';
import { CommandFailed } from '../cli/errors';
import { parseResourceArgs, type ResourceTarget } from './resourceArgs';
import { checkOutputFormat, effectiveOutput, isObjectFormat, printObjects, TEMPLATE_FLAGS, templateOptions } from './printObjects';
import { PrintErrorWithOutput } from '../print/goTemplateOutput';
import { filenameArgs, readManifests } from '../manifest/readManifests';
import { startWatch } from './getWatch';

export const GET_FLAGS: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
  { name: 'selector', short: 'l', kind: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { name: 'field-selector', kind: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { name: 'watch', short: 'w', kind: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', kind: 'bool', default: false, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'show-labels', kind: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'label-columns', short: 'L', kind: 'stringArray', usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
  { name: 'no-headers', kind: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'sort-by', kind: 'string', default: '', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
  { name: 'show-kind', kind: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
  { name: 'ignore-not-found', kind: 'bool', default: false, usage: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
  { name: 'filename', short: 'f', kind: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
  { name: 'recursive', short: 'R', kind: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'chunk-size', kind: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  { name: 'output-watch-events', kind: 'bool', default: false, usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
  ...TEMPLATE_FLAGS,
];

interface Fetched {
  target: ResourceTarget;
  objects: KubeObject[];
}

function fetchTargets(k: KubectlContext, targets: ResourceTarget[], errors: string[]): Fetched[] {
  const all = k.flags.get<boolean>('all-namespaces')!;
  const opts = { labelSelector: k.flags.get<string>('selector') || undefined, fieldSelector: k.flags.get<string>('field-selector') || undefined };
  return targets.map((target) => {
    const ns = target.info.namespaced ? (all && target.names.length === 0 ? undefined : k.namespace) : undefined;
    if (target.names.length === 0) return { target, objects: k.api.list(target.key, ns, opts).items };
    const objects: KubeObject[] = [];
    for (const name of target.names) {
      try {
        objects.push(k.api.get(target.key, ns, name));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.reason === 'NotFound' && k.flags.get<boolean>('ignore-not-found')) continue;
        errors.push(formatApiError(e));
      }
    }
    return { target, objects };
  });
}

function runGet(k: KubectlContext): number | import('../../shell/types').CommandEffects {
  const output = effectiveOutput(k);
  checkOutputFormat(output);
  const files = filenameArgs(k.flags.get<string[]>('filename')!);
  let targets: ResourceTarget[];
  if (files.length > 0) {
    targets = [];
    for (const m of readManifests(k.cmd, files, k.flags.get<boolean>('recursive'))) {
      const info = k.server.resourceFor(m.object.apiVersion, m.object.kind);
      const key = k.server.resourceKey(info);
      const t = targets.find((x) => x.key === key) ?? (targets.push({ info, key, names: [] }), targets[targets.length - 1]!);
      t.names.push(m.object.metadata.name ?? '');
    }
  } else {
    if (k.args.length === 0) {
      k.cmd.stderr('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      k.cmd.stderr(`error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`);
      return 1;
    }
    targets = parseResourceArgs(k.server, k.args);
  }
  if (k.flags.get<boolean>('watch') || k.flags.get<boolean>('watch-only')) return startWatch(k, targets, output);
  const errors: string[] = [];
  const fetched = fetchTargets(k, targets, errors);
  const sortBy = k.flags.get<string>('sort-by')!;
  try {
    if (sortBy) for (const f of fetched) f.objects = sortObjects(f.objects, sortBy);
    const objects = fetched.flatMap((f) => f.objects);
    const singleItem = targets.length === 1 && targets[0]!.names.length === 1 && files.length === 0;
    if (isObjectFormat(output)) {
      // A single named object prints bare; anything else is wrapped in a List (kubectl's printGeneric).
      if (objects.length > 0 || !singleItem) k.cmd.stdout(printObjects(output, objects, !singleItem || objects.length !== 1, k.flags.get<boolean>('no-headers'), templateOptions(k)));
    } else {
      const printer = new TablePrinter();
      // get.go's multipleGVKsRequested looks at what came back, not at what was asked for.
      const multi = k.flags.get<boolean>('show-kind') || fetched.filter((f) => f.objects.length > 0).length > 1;
      for (const f of fetched) {
        if (f.objects.length === 0) continue;
        const table = buildTable(f.target.info.kind, f.objects, k.now());
        k.cmd.stdout(
          printer.print(f.target.key, table, {
            wide: output === 'wide',
            noHeaders: k.flags.get<boolean>('no-headers'),
            withNamespace: k.flags.get<boolean>('all-namespaces') && f.target.info.namespaced,
            showLabels: k.flags.get<boolean>('show-labels'),
            labelColumns: k.flags.get<string[]>('label-columns')!.flatMap((l) => l.split(',')).filter(Boolean),
            kindPrefix: multi ? kindPrefix(f.target.info.kind, f.target.info.group) : undefined,
          }),
        );
      }
    }
    const anyNamed = targets.some((t) => t.names.length > 0);
    if (objects.length === 0 && errors.length === 0 && !anyNamed && !isObjectFormat(output)) {
      const namespaced = targets.some((t) => t.info.namespaced) && !k.flags.get<boolean>('all-namespaces');
      k.cmd.stderr(noResourcesFound(namespaced ? k.namespace : undefined));
    }
  } catch (e) {
    // A template that failed half way has printed what it wrote and its debugging lines already.
    if (e instanceof PrintErrorWithOutput) k.cmd.stdout(e.output);
    if (e instanceof PrintError) throw new CommandFailed(e.message);
    throw e;
  }
  for (const e of errors) k.cmd.stderr(e);
  return errors.length > 0 ? 1 : 0;
}

export const getVerb: Verb = {
  name: 'get',
  short: 'Display one or many resources.',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: GET_FLAGS,
  run: runGet,
};
