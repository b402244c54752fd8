import { describe, expect, it } from 'vitest';
import { LineEditor } from './LineEditor';

function typed(keys: string[]): LineEditor {
  const e = new LineEditor();
  for (const k of keys) e.key(k);
  return e;
}

describe('LineEditor', () => {
  it('inserts at the cursor and submits the whole line', () => {
    const e = typed(['e', 'h', 'o', '\x1b[D', '\x1b[D', 'c']);
    expect(e.state()).toEqual({ buffer: 'echo', cursor: 2 });
    expect(e.key('\r')).toEqual({ kind: 'submit', line: 'echo' });
    expect(e.state()).toEqual({ buffer: '', cursor: 0 });
  });

  it('edits like readline: Home/End, Ctrl+U, Ctrl+K, Ctrl+W, backspace', () => {
    const e = new LineEditor();
    e.insert('kubectl get pods');
    e.key('\x17');
    expect(e.state().buffer).toBe('kubectl get ');
    e.key('\x01');
    expect(e.state().cursor).toBe(0);
    e.key('\x05');
    e.key('\x7f');
    expect(e.state().buffer).toBe('kubectl get');
    e.key('\x1b[D');
    e.key('\x1b[D');
    e.key('\x1b[D');
    e.key('\x0b');
    expect(e.state().buffer).toBe('kubectl ');
    e.key('\x15');
    expect(e.state()).toEqual({ buffer: '', cursor: 0 });
  });

  it('browses history with the arrows and restores the draft', () => {
    const e = new LineEditor();
    for (const line of ['one', 'two']) {
      e.insert(line);
      e.key('\r');
    }
    e.insert('dra');
    e.key('\x1b[A');
    expect(e.state().buffer).toBe('two');
    e.key('\x1b[A');
    expect(e.state().buffer).toBe('one');
    expect(e.key('\x1b[A')).toEqual({ kind: 'none' });
    e.key('\x1b[B');
    e.key('\x1b[B');
    expect(e.state().buffer).toBe('dra');
  });

  it('does not record blank lines or immediate repeats in history', () => {
    const e = new LineEditor();
    for (const line of ['ls', 'ls', '  ']) {
      e.insert(line);
      e.key('\r');
    }
    e.key('\x1b[A');
    expect(e.state().buffer).toBe('ls');
    expect(e.key('\x1b[A')).toEqual({ kind: 'none' });
  });

  it('reports Ctrl+C with the abandoned line, Ctrl+L and Tab as actions', () => {
    const e = new LineEditor();
    e.insert('sleep 100');
    expect(e.key('\x03')).toEqual({ kind: 'interrupt', line: 'sleep 100' });
    expect(e.key('\x0c')).toEqual({ kind: 'clear-screen' });
    expect(e.key('\t')).toEqual({ kind: 'complete' });
  });

  it('drops control characters from pasted text', () => {
    const e = new LineEditor();
    e.insert('a\x00b\x1bc');
    expect(e.state().buffer).toBe('abc');
  });
});
