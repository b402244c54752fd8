/**
 * `kubectl edit`: writes the object as YAML to `/tmp/kubectl-edit-<n>.yaml` under kubectl's
 * header, runs `$KUBE_EDITOR`/`$EDITOR` (default `vi`) on it, and patches what changed.
 *
 * The seam for the browser: interactive editors (`vi`, `vim`, `nano`) cannot run in the terminal,
 * so the verb returns `openInEditor` for the temp file plus a Job that waits for the file to be
 * saved (a Vfs change) and then applies it; Ctrl+C (closing the editor unsaved) cancels.
 * Any other editor command (`EDITOR='sed -i s/80/81/'`) runs to completion at once, as on a
 * real terminal.
 */
import { parse } from 'yaml';
import { parse as parseShell } from '../../shell/parser/parse';
import { ApiError, type KubeObject } from '../../api/types';
import { formatApiError, nameLine, toYaml } from '../print';
import type { CommandEffects, Job } from '../../shell/types';
import type { KubectlContext, Verb } from '../verb';
import { UsageError } from '../cli/errors';
import { parseResourceArgs } from './resourceArgs';
import { threeWayPatch } from './threeWayPatch';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

const INTERACTIVE = new Set(['vi', 'vim', 'nano', 'nvim', 'emacs', 'view', 'editor']);

/**
 * How kubectl's editor.go launches `$EDITOR`: a value without a space is the program itself; one
 * with a space (and no leading `"`) runs as `$SHELL -c '<editor> "<path>"'`, so the shell's quote
 * removal applies (`sed -i s/a\ b/c/` is one sed expression). `display` is what kubectl's error
 * names (`strings.Join(e.Args, " ")`).
 */
function editorCommand(editor: string, path: string, shell: string): { argv: string[]; display: string } {
  if (!editor.includes(' ') || editor.startsWith('"')) return { argv: [...editorArgv(editor), path], display: editor };
  const display = `${shell} -c ${editor}`;
  const parsed = parseShell(`${editor} "${path}"`);
  const only = parsed.ok && parsed.script.length === 1 && parsed.script[0]!.andOr.rest.length === 0 ? parsed.script[0]!.andOr.first.commands : undefined;
  const simple = only?.length === 1 && only[0]!.type === 'simple' ? only[0] : undefined;
  const literal = simple && simple.assigns.length === 0 && simple.redirects.length === 0 && simple.words.every((w) => w.every((part) => part.type === 'lit'));
  if (!simple || !literal) return { argv: [...editorArgv(editor), path], display };
  return { argv: simple.words.map((w) => w.map((part) => (part.type === 'lit' ? part.text : '')).join('')), display };
}

/** Splits a value for `"`-prefixed editors like kubectl's rough shell approximation. */
function editorArgv(editor: string): string[] {
  const out: string[] = [];
  for (const m of editor.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Go's %q for the plain ASCII kubectl quotes here. */
function goQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

interface EditSession {
  k: KubectlContext;
  key: string;
  namespace: string | undefined;
  original: KubeObject;
  path: string;
  lastContent: string;
  failed: string[];
}

type Outcome = { done: true; code: number } | { done: false };

/** Handles one saved version of the file: cancel, apply, or reopen with the errors. */
function onSaved(s: EditSession): Outcome {
  const { k } = s;
  const text = k.cmd.fs.exists(s.path) ? k.cmd.fs.readFile(s.path) : '';
  const body = stripComments(text);
  if (body.trim() === '') {
    k.cmd.stdout('Edit cancelled, saved file was empty.\n');
    return { done: true, code: 0 };
  }
  if (body === stripComments(s.lastContent)) {
    if (s.failed.length > 0) {
      for (const f of s.failed) k.cmd.stderr(f);
      k.cmd.stderr(`A copy of your changes has been stored to "${s.path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
      return { done: true, code: 1 };
    }
    k.cmd.stdout('Edit cancelled, no changes made.\n');
    return { done: true, code: 0 };
  }
  let edited: KubeObject;
  try {
    edited = parse(body) as KubeObject;
  } catch (e) {
    return reopen(s, body, [`error: error parsing ${s.path}: ${(e as Error).message.split('\n')[0]}\n`]);
  }
  const patch = threeWayPatch(s.original, edited, s.original, s.original.kind);
  delete (patch.metadata as Record<string, unknown> | undefined)?.resourceVersion;
  if (Object.keys(patch).length === 0 || JSON.stringify(patch) === '{"metadata":{}}') {
    k.cmd.stdout('Edit cancelled, no changes made.\n');
    return { done: true, code: 0 };
  }
  try {
    const after = k.api.patch(s.key, s.namespace, s.original.metadata.name ?? '', 'strategic', patch, { fieldManager: 'kubectl-edit' });
    k.cmd.stdout(nameLine(after, 'edited'));
    return { done: true, code: 0 };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return reopen(s, body, [formatApiError(e)]);
  }
}

function reopen(s: EditSession, body: string, errors: string[]): Outcome {
  const comment = errors.map((e) => e.trimEnd().split('\n').map((l) => `# ${l}\n`).join('')).join('');
  s.lastContent = `${HEADER}${comment}#\n${body}`;
  s.failed = errors;
  s.k.cmd.fs.writeFile(s.path, s.lastContent);
  return { done: false };
}

function runEdit(k: KubectlContext): number | CommandEffects {
  const targets = parseResourceArgs(k.server, k.args);
  const t = targets[0];
  if (!t || t.names.length === 0) throw new UsageError('resource(s) were provided, but no name was specified');
  const namespace = t.info.namespaced ? k.namespace : undefined;
  let original: KubeObject;
  try {
    original = k.api.get(t.key, namespace, t.names[0]!);
  } catch (e) {
    if (e instanceof ApiError) {
      k.cmd.stderr(formatApiError(e));
      return 1;
    }
    throw e;
  }
  const path = `/tmp/kubectl-edit-${1_000_000_000 + k.sim.rng.int(3_000_000_000)}.yaml`;
  if (!k.cmd.fs.exists('/tmp')) k.cmd.fs.mkdir('/tmp', true);
  const s: EditSession = { k, key: t.key, namespace, original, path, lastContent: `${HEADER}${toYaml(original)}`, failed: [] };
  k.cmd.fs.writeFile(path, s.lastContent);
  const editor = editorCommand(k.cmd.env.get('KUBE_EDITOR') || k.cmd.env.get('EDITOR') || 'vi', path, k.cmd.env.get('SHELL') || '/bin/bash');
  if (INTERACTIVE.has(editor.argv[0]!.split('/').pop()!)) return openInBrowserEditor(s);
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = k.cmd.exec(editor.argv, '');
    if (code !== 0) {
      k.cmd.stderr(`error: there was a problem with the editor ${goQuote(editor.display)}\n`);
      return 1;
    }
    const r = onSaved(s);
    if (r.done) return r.code;
  }
  return 1;
}

/** The browser seam: open the temp file in the editor pane and apply it when it is saved. */
function openInBrowserEditor(s: EditSession): CommandEffects {
  let result: number | undefined;
  let pending = false;
  const off = s.k.cmd.fs.onChange((c) => {
    if (c.path === s.path && c.type === 'write') pending = true;
  });
  const job: Job = {
    poll: () => {
      if (result !== undefined) return result;
      if (!pending) return undefined;
      pending = false;
      const r = onSaved(s);
      if (r.done) {
        result = r.code;
        off();
      }
      // A rejected edit rewrites the file with its errors: that write is ours, not a save.
      else pending = false;
      return result;
    },
    wakeAt: () => undefined,
    interrupt: () => {
      off();
      s.k.cmd.stdout('Edit cancelled, no changes made.\n');
    },
  };
  return { exitCode: 0, openInEditor: s.path, job };
}

export const editVerb: Verb = {
  name: 'edit',
  short: 'Edit a resource on the server.',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    { name: 'output', short: 'o', kind: 'string', default: '', usage: 'Output format.' },
    { name: 'windows-line-endings', kind: 'bool', default: false, usage: 'Defaults to the line ending native to your platform.' },
    { name: 'save-config', kind: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation.' },
  ],
  run: runEdit,
};
