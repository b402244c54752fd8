/**
 * Apply of a huge buffer (a 10,000-object paste) in steps, so the worker answers between them:
 * the editor shows progress and can cancel. Each step is the same `kubectl apply -f NAME` on the
 * next documents, from a scratch folder holding a file of the same name, so kubectl's lines
 * (`service/x created`, `error when creating "NAME": ...`) read as for the whole file. As
 * kubectl does, the object lines come first and the errors after them, once at the end.
 */
import type { Simulation } from '../sim/Simulation';
import { quote, sideSession, type EditorActionResult } from './editorActions';

const SCRATCH_DIR = '/tmp/.kubelab-apply';
const SEPARATOR = /^---(\s*|\s*#.*)$/;

/** The documents of a stream as kubectl's YAML reader cuts them (a line starting with `---`), empty ones dropped. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))) docs.push(`${current.join('\n')}\n`);
    current = [];
  };
  for (const line of text.split('\n')) {
    if (SEPARATOR.test(line)) flush();
    else current.push(line);
  }
  flush();
  return docs;
}

export class ChunkedApply {
  private readonly docs: string[];
  private next = 0;
  private stdout = '';
  private stderr = '';
  private exitCode = 0;
  private stopped = false;

  constructor(
    private readonly sim: Simulation,
    private readonly path: string,
    text: string,
  ) {
    const session = sideSession(sim);
    // The learner's home has the whole file, as after a plain Apply.
    session.machine.fs.writeFile(path.startsWith('/') ? path : `${session.machine.home}/${path}`, text);
    this.docs = splitDocuments(text);
  }

  get total(): number {
    return this.docs.length;
  }

  get done(): number {
    return this.next;
  }

  /** Applies the next `count` documents; the result is kubectl's whole answer so far. */
  step(count: number): EditorActionResult & { done: number; total: number; finished: boolean } {
    const session = sideSession(this.sim);
    const { fs } = session.machine;
    const name = this.path.split('/').pop()!;
    const chunk = this.docs.slice(this.next, this.next + Math.max(1, count));
    if (chunk.length > 0) {
      if (!fs.exists(SCRATCH_DIR)) fs.mkdir(SCRATCH_DIR, true);
      fs.writeFile(`${SCRATCH_DIR}/${name}`, chunk.join('---\n'));
      const errors = `${SCRATCH_DIR}/.stderr`;
      const r = session.execute(`cd ${SCRATCH_DIR} && kubectl apply -f ${quote(name)} 2> ${errors}`);
      this.stdout += r.output;
      this.stderr += fs.exists(errors) ? fs.readFile(errors) : '';
      this.exitCode = Math.max(this.exitCode, r.exitCode);
      this.next += chunk.length;
      this.sim.drain();
      // kubectl stops reading the file at a document it cannot parse: so do the steps after it.
      if (this.stderr.includes(`error parsing ${name}:`)) this.stopped = true;
    }
    const finished = this.stopped || this.next >= this.docs.length;
    if (finished) this.cleanUp();
    return { command: `kubectl apply -f ${quote(this.path)}`, output: this.stdout + this.stderr, exitCode: this.exitCode, done: this.next, total: this.docs.length, finished };
  }

  cleanUp(): void {
    const { fs } = sideSession(this.sim).machine;
    if (fs.exists(SCRATCH_DIR)) fs.remove(SCRATCH_DIR, true);
  }
}
