import { ShellSession, type ShellSessionOptions } from '../ShellSession';

/** A session on `controlplane` with `files` written under /root (the learner's home). */
export function sessionWith(files: Record<string, string> = {}, options: ShellSessionOptions = {}): ShellSession {
  const s = new ShellSession(options);
  for (const [name, content] of Object.entries(files)) {
    const path = name.startsWith('/') ? name : `/root/${name}`;
    s.machine.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
    s.machine.fs.writeFile(path, content);
  }
  return s;
}

/**
 * Types each line into the session and returns what a terminal would show: the prompt and
 * the line, then the output. This is the golden format: compare it whole. With
 * `interruptRunning`, a command still running after its line (a watch, `logs -f`) gets Ctrl+C
 * before the next line, as a learner at the keyboard would do.
 */
export function transcript(s: ShellSession, lines: readonly string[], options: { interruptRunning?: boolean } = {}): string {
  let out = '';
  for (const line of lines) {
    out += `${s.prompt()}${line}\n`;
    const r = s.execute(line);
    out += r.output;
    if (options.interruptRunning && r.running) out += s.interrupt().output;
  }
  return out;
}

/** The output of one line (stdout and stderr interleaved). */
export function run(s: ShellSession, line: string): string {
  return s.execute(line).output;
}
