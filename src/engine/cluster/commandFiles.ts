/**
 * The container files a main-process command changed, kept with its journal as they were before
 * it first changed them. The container's filesystem is not in snapshots: a rewind in place finds
 * the one `containerMachine` kept (with every later write), a fresh Simulation an empty one. A
 * restore puts those paths back as they were at the container's start, and the replay of the
 * script writes them again up to the snapshot: `echo $i >> /tmp/n` is not appended twice.
 */
import type { Vfs } from '../shell/vfs/Vfs';

/** A path as it was before the command changed it: a file's text, or absent. */
export type PriorState = [string, string] | [string, 'gone', true];

/** Notes, in `touched`, how each path was before its first change from now on; returns the function that stops. */
export function followTouched(fs: Vfs, touched: PriorState[]): () => void {
  const known = new Set(touched.map((t) => t[0]));
  const initial = new Map<string, string>();
  for (const f of fs.listFiles('/')) if (!fs.isEndless(f)) initial.set(f, fs.readFile(f));
  return fs.onChange((c) => {
    if (known.has(c.path) || c.path.startsWith('/dev/')) return;
    known.add(c.path);
    const before = initial.get(c.path);
    touched.push(before === undefined ? [c.path, 'gone', true] : [c.path, before]);
  });
}

/** Puts every path of `touched` back as it was (the latest first, so a new directory goes after its files). */
export function revertTouched(fs: Vfs, touched: readonly PriorState[]): void {
  for (const t of [...touched].reverse()) {
    const [path] = t;
    if (t.length === 2) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', true);
      fs.writeFile(path, t[1]);
    } else if (fs.exists(path)) fs.remove(path, true);
  }
}
