import { set } from './set';
import { shift } from './shift';
import type { Command, CommandContext, CommandOutcome } from '../types';
import { echo, printf } from './echoPrintf';
import { test } from './test';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * How the running shell prefixes its own errors, without the final `: `: `bash`, `bash: line 2`
 * (outside a terminal), `sh: 1` (dash), `sh` (busybox ash).
 */
export function shellLabel(ctx: CommandContext): string {
  return ctx.shell.errorPrefix().slice(0, -2);
}

function cd(ctx: CommandContext): number {
  const label = shellLabel(ctx);
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
  if (args.length > 1) {
    ctx.stderr(`${label}: cd: too many arguments\n`);
    return 1;
  }
  let target = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = ctx.env.get('HOME');
    if (target === undefined) {
      ctx.stderr(`${label}: cd: HOME not set\n`);
      return 1;
    }
  } else if (target === '-') {
    target = ctx.env.get('OLDPWD') ?? ctx.shell.oldCwd();
    if (target === undefined) {
      ctx.stderr(`${label}: cd: OLDPWD not set\n`);
      return 1;
    }
    print = true;
  }
  const path = ctx.resolve(target);
  const stat = ctx.fs.stat(path);
  if (!stat || stat.kind !== 'dir') {
    const reason = stat ? 'Not a directory' : 'No such file or directory';
    const flavor = ctx.shell.identity().flavor;
    if (flavor === 'bash') ctx.stderr(`${label}: cd: ${target}: ${reason}\n`);
    else ctx.stderr(flavor === 'dash' ? `${label}: cd: can't cd to ${target}\n` : `${label}: cd: can't cd to ${target}: ${reason}\n`);
    // dash's cd raises a shell error (status 2); bash's and ash's return 1.
    return flavor === 'dash' ? 2 : 1;
  }
  ctx.shell.setCwd(path);
  if (print) ctx.stdout(`${path}\n`);
  return 0;
}

function exportBuiltin(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    const sorted = ctx.env.exported().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of sorted) ctx.stdout(`declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
    return 0;
  }
  let code = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME_RE.test(name)) {
      ctx.stderr(`${shellLabel(ctx)}: export: \`${arg}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    if (eq >= 0) ctx.env.set(name, arg.slice(eq + 1), true);
    else ctx.env.set(name, ctx.env.get(name) ?? '', true);
  }
  return code;
}

function unset(ctx: CommandContext): number {
  for (const name of ctx.argv.slice(1)) if (!name.startsWith('-')) ctx.env.unset(name);
  return 0;
}

function exit(ctx: CommandContext): number {
  const arg = ctx.argv[1];
  if (ctx.shell.identity().flavor === 'bash' && ctx.shell.isInteractive()) ctx.stderr(ctx.shell.isLogin() ? 'logout\n' : 'exit\n');
  let code = ctx.shell.status();
  if (arg !== undefined) {
    if (!/^[+-]?\d+$/.test(arg)) {
      ctx.stderr(`${shellLabel(ctx)}: exit: ${arg}: numeric argument required\n`);
      code = 2;
    } else code = ((Number(arg) % 256) + 256) % 256;
  }
  ctx.shell.exit(code);
  return code;
}

function history(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '-c') {
    ctx.shell.clearHistory();
    return 0;
  }
  if (args.length > 1) {
    ctx.stderr(`${shellLabel(ctx)}: history: too many arguments\n`);
    return 1;
  }
  const all = ctx.shell.history();
  let start = 0;
  if (args[0] !== undefined) {
    if (!/^\d+$/.test(args[0])) {
      ctx.stderr(`${shellLabel(ctx)}: history: ${args[0]}: numeric argument required\n`);
      return 1;
    }
    start = Math.max(0, all.length - Number(args[0]));
  }
  for (let i = start; i < all.length; i++) ctx.stdout(`${String(i + 1).padStart(5)}  ${all[i]}\n`);
  return 0;
}

/** How `alias` shows a value: bash quotes `'` as `'\''`, dash as `'"'"'`. */
function quoteAlias(value: string, dash: boolean): string {
  return `'${value.replace(/'/g, dash ? `'"'"'` : `'\\''`)}'`;
}

/**
 * dash lists aliases in the order of its 39-bucket hash table (alias.c hashalias), first defined
 * first within a bucket; bash sorts them.
 */
function dashAliasOrder(names: string[]): string[] {
  const bucket = (name: string) => {
    // The name's UTF-8 bytes, as dash's unsigned chars.
    const bytes = [...name].flatMap((ch) => [...encodeURIComponent(ch)].length > 1 ? encodeURIComponent(ch).slice(1).split('%').map((x) => parseInt(x, 16)) : [ch.charCodeAt(0)]);
    let h = (bytes[0] ?? 0) << 4;
    for (const b of bytes) h += b;
    return h % 39;
  };
  return names.map((name, i) => ({ name, i, b: bucket(name) })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.name);
}

/** `alias [NAME[=VALUE]...]`: define, show one, or list all; bash prefixes each line with `alias `. */
function alias(ctx: CommandContext): number {
  const dash = ctx.shell.identity().flavor === 'dash';
  const aliases = ctx.shell.aliases();
  const show = (name: string) => ctx.stdout(`${dash ? '' : 'alias '}${name}=${quoteAlias(aliases.get(name)!, dash)}\n`);
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '-p'));
  if (args.length === 0) {
    for (const name of dash ? dashAliasOrder([...aliases.keys()]) : [...aliases.keys()].sort()) show(name);
    return 0;
  }
  let code = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (aliases.has(arg)) show(arg);
    else {
      ctx.stderr(dash ? `alias: ${arg} not found\n` : `${shellLabel(ctx)}: alias: ${arg}: not found\n`);
      code = 1;
    }
  }
  return code;
}

/** `unalias [-a] NAME...` */
function unalias(ctx: CommandContext): number {
  const dash = ctx.shell.identity().flavor === 'dash';
  const aliases = ctx.shell.aliases();
  let code = 0;
  for (const name of ctx.argv.slice(1)) {
    if (name === '-a') aliases.clear();
    else if (!aliases.delete(name)) {
      ctx.stderr(dash ? `unalias: ${name} not found\n` : `${shellLabel(ctx)}: unalias: ${name}: not found\n`);
      code = 1;
    }
  }
  return code;
}

/**
 * `source FILE` and `. FILE` (bash), `. FILE` (dash, which looks a name without `/` up in $PATH
 * only): the file runs in this shell. A file that does not parse is reported as bash does.
 */
function source(ctx: CommandContext): CommandOutcome {
  const name = ctx.argv[0]!;
  const dash = ctx.shell.identity().flavor === 'dash';
  if (dash && name === 'source') {
    // dash has only `.`.
    ctx.stderr(`${shellLabel(ctx)}: source: not found\n`);
    return 127;
  }
  const file = ctx.argv[1];
  if (file === undefined) {
    if (dash) return 0;
    ctx.stderr(`${shellLabel(ctx)}: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const candidates = dash && !file.includes('/') ? (ctx.env.get('PATH') ?? '').split(':').map((d) => `${d || '.'}/${file}`) : [file];
  const found = candidates.map((c) => ctx.resolve(c)).find((p) => ctx.fs.exists(p) && !ctx.fs.isDir(p));
  if (found === undefined) {
    ctx.stderr(dash ? `${shellLabel(ctx)}: .: ${file}: not found\n` : `${shellLabel(ctx)}: ${file}: No such file or directory\n`);
    return dash ? 2 : 1;
  }
  const r = ctx.shell.source(file, ctx.fs.readFile(found));
  if (typeof r === 'number' || !('syntaxError' in r)) return r;
  ctx.stderr(`${file}: ${r.syntaxError === 'incomplete' ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${r.token}'`}\n`);
  return 2;
}

function type(ctx: CommandContext): number {
  let code = 0;
  for (const name of ctx.argv.slice(1)) {
    const aliased = ctx.shell.aliases().get(name);
    if (aliased !== undefined) ctx.stdout(ctx.shell.identity().flavor === 'dash' ? `${name} is an alias for ${aliased}\n` : `${name} is aliased to \`${aliased}'\n`);
    else if (ctx.shell.isBuiltin(name)) ctx.stdout(`${name} is a shell builtin\n`);
    else if (ctx.machine.commands.has(name)) ctx.stdout(`${name} is ${ctx.machine.commands.pathOf(name)}\n`);
    else {
      ctx.stderr(`${shellLabel(ctx)}: type: ${name}: not found\n`);
      code = 1;
    }
  }
  return code;
}

function jobs(ctx: CommandContext): number {
  const list = ctx.shell.jobs();
  list.forEach((j, i) => {
    const mark = i === list.length - 1 ? '+' : i === list.length - 2 ? '-' : ' ';
    ctx.stdout(`[${j.id}]${mark}  ${(j.done ? 'Done' : 'Running').padEnd(24)}${j.text}${j.done ? '' : ' &'}\n`);
  });
  return 0;
}

/** `read [-r] [-p PROMPT] NAME...`: one line, split on blanks, the last name takes the rest. */
function read(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') ctx.stderr(args[++i] ?? '');
    else names.push(args[i]!);
  }
  let line = ctx.readLine();
  if (line === undefined) return 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length > 0 ? names : ['REPLY'];
  if (names.length === 0) {
    ctx.env.set('REPLY', line);
    return 0;
  }
  const words = line.trim().split(/[ \t]+/);
  targets.forEach((name, i) => {
    const value = i === targets.length - 1 ? line!.trim().split(/[ \t]+/).slice(i).join(' ') : (words[i] ?? '');
    ctx.env.set(name, value);
  });
  return 0;
}

function pwd(ctx: CommandContext): number {
  ctx.stdout(`${ctx.cwd}\n`);
  return 0;
}

const HELP = `kubelab shell: a simulated kubeadm cluster (Kubernetes 1.34).
You are on the control-plane node as the cluster admin. Type commands as on a real node:
  kubectl ...            talk to the cluster
  ls, cat, cd, vim FILE  look around and edit files (vim opens the editor pane)
  grep, awk, sed, jq ... filter output in pipelines
  clear                  clear the screen (also Ctrl+L)
  help                   this text
`;

/**
 * Commands the shell runs itself because they change or read the shell's own state. `echo`,
 * `printf`, `test` and `pwd` are builtins in bash too (and also exist in /usr/bin).
 */
export const SHELL_BUILTINS: Record<string, Command> = {
  '.': source,
  source,
  alias,
  unalias,
  set,
  shift,
  cd,
  export: exportBuiltin,
  unset,
  exit,
  history,
  type,
  jobs,
  pwd,
  read,
  wait: (ctx) => ({ exitCode: 0, job: ctx.shell.waitForJobs() }),
  echo,
  printf: (ctx) => printf(ctx, shellLabel(ctx)),
  test: (ctx) => test(ctx, shellLabel(ctx)),
  '[': (ctx) => test(ctx, shellLabel(ctx)),
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  // Run by the interpreter itself (they unwind loops); listed so `type` and completion know them.
  break: () => 0,
  continue: () => 0,
  help: (ctx) => {
    ctx.stdout(HELP);
    return 0;
  },
};
