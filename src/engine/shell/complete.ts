import { SHELL_BUILTINS } from './builtins/shellBuiltins';
import type { ShellFrame } from './ShellFrame';
import { resolvePath } from './vfs/Vfs';

/** Tab completion: replace `line.slice(replaceFrom, cursor)` with one of `candidates`. */
export interface Completion {
  replaceFrom: number;
  candidates: string[];
}

/**
 * Completes the word before the cursor: a command name in command position, otherwise the
 * command's own completer (kubectl registers one) or a file name. Directories end in `/`,
 * a single file candidate ends in a space, as readline does.
 */
export function complete(line: string, cursor: number, frame: ShellFrame): Completion {
  const before = line.slice(0, cursor);
  const segment = before.split(/\|\||&&|[|;&]/).pop() ?? '';
  const words = segment.trimStart().split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const replaceFrom = cursor - current.length;
  const commands = frame.machine.commands;
  if (words.length <= 1 && !current.includes('/')) {
    const names = new Set([...commands.names(), ...Object.keys(SHELL_BUILTINS)]);
    const candidates = [...names].filter((n) => n.startsWith(current)).sort();
    return { replaceFrom, candidates: candidates.map((c) => (candidates.length === 1 ? `${c} ` : c)) };
  }
  const completer = commands.completerFor(words[0]!);
  if (completer) {
    const fromCommand = completer(words, words.length - 1, frame.machine).filter((c) => c.startsWith(current));
    if (fromCommand.length > 0) return { replaceFrom, candidates: fromCommand.length === 1 ? [`${fromCommand[0]} `] : fromCommand.sort() };
  }
  return { replaceFrom, candidates: completeFile(current, frame) };
}

function completeFile(current: string, frame: ShellFrame): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const namePart = current.slice(slash + 1);
  const home = frame.get('HOME') ?? frame.machine.home;
  const dirPath = resolvePath(frame.cwd, dirPart.startsWith('~') ? `${home}${dirPart.slice(1)}` : dirPart || '.');
  const fs = frame.machine.fs;
  if (!fs.isDir(dirPath)) return [];
  const names = fs.readdir(dirPath).filter((n) => n.startsWith(namePart) && (namePart.startsWith('.') || !n.startsWith('.')));
  const out = names.map((n) => `${dirPart}${n}${fs.isDir(resolvePath(dirPath, n)) ? '/' : ''}`);
  return out.length === 1 && !out[0]!.endsWith('/') ? [`${out[0]} `] : out;
}
