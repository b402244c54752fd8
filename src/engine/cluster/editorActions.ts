/**
 * What the YAML editor asks of the cluster. The editor's buffers are files in the learner's home
 * on the control-plane node (the terminal sees the same files), and Apply runs the same
 * `kubectl apply -f` a learner would type, in a session of its own so a command running in the
 * terminal is not disturbed.
 */
import type { ShellSession } from '../shell/ShellSession';
import type { Simulation } from '../sim/Simulation';
import { createLearnerSession } from './learnerSession';

export interface EditorActionResult {
  command: string;
  output: string;
  exitCode: number;
}

const sideSessions = new WeakMap<Simulation, ShellSession>();

/** The editor's own shell on the learner's machine, apart from the terminal's. */
export function sideSession(sim: Simulation): ShellSession {
  let s = sideSessions.get(sim);
  if (!s) sideSessions.set(sim, (s = createLearnerSession(sim)));
  return s;
}

/** Single-quotes a word for the shell (file names come from the learner). */
export function quote(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Saves `text` as `~/path` and runs `kubectl <verb> -f` on it, returning kubectl's own output. */
export function runOnBuffer(sim: Simulation, verb: 'apply' | 'delete', path: string, text: string): EditorActionResult {
  const session = sideSession(sim);
  const file = path.startsWith('/') ? path : `${session.machine.home}/${path}`;
  session.machine.fs.writeFile(file, text);
  // The editor cannot wait on a deletion the way a terminal can: report it and let the map show the rest.
  const command = `kubectl ${verb} -f ${quote(path)}${verb === 'delete' ? ' --wait=false' : ''}`;
  const r = session.execute(`cd ${quote(session.machine.home)} && ${command}`);
  sim.drain();
  return { command, output: r.output, exitCode: r.exitCode };
}

function homeFs(sim: Simulation) {
  const machine = sideSession(sim).machine;
  return { fs: machine.fs, home: machine.home };
}

/** A file of the learner's home as text (`vim FILE` opens it in the editor), if it exists. */
export function readHomeFile(sim: Simulation, path: string): string | undefined {
  const { fs, home } = homeFs(sim);
  const file = path.startsWith('/') ? path : `${home}/${path}`;
  return fs.exists(file) && !fs.isDir(file) ? fs.readFile(file) : undefined;
}

/** Writes an editor buffer into the learner's home, so the terminal sees what the editor shows. */
export function writeHomeFile(sim: Simulation, path: string, text: string): void {
  const { fs, home } = homeFs(sim);
  fs.writeFile(path.startsWith('/') ? path : `${home}/${path}`, text);
}
