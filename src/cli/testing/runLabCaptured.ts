import { Writable } from 'node:stream';
import { runLab } from '../lab';

/** Runs `kubelab lab ARGS` as the command line would, and gives back what it wrote and its exit status. */
export async function runLabCaptured(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await runLab(args, sink((s) => (out += s)), sink((s) => (err += s)));
  return { out, err, code };
}
