import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { columnAfter, drawLine, screenWidth } from './promptLine';

/** Writes to a headless xterm and reads back the visible rows and the cursor. */
async function screen(cols: number, writes: string[]): Promise<{ rows: string[]; x: number; y: number }> {
  const term = new Terminal({ cols, rows: 10, allowProposedApi: true });
  for (const w of writes) await new Promise<void>((resolve) => term.write(w, resolve));
  const buf = term.buffer.active;
  const rows: string[] = [];
  for (let i = 0; i < buf.length; i++) rows.push(buf.getLine(i)!.translateToString(true));
  while (rows.length && rows[rows.length - 1] === '') rows.pop();
  return { rows, x: buf.cursorX, y: buf.cursorY };
}

/** Types `text` one key at a time, redrawing after each as the terminal pane does. */
function typing(prompt: string, text: string, cols: number): string[] {
  const writes: string[] = [];
  let row = 0;
  for (let i = 0; i <= text.length; i++) {
    const d = drawLine(prompt, text.slice(0, i), i, cols, row);
    writes.push(d.seq);
    row = d.cursorRow;
  }
  return writes;
}

describe('drawLine', () => {
  it('draws a line longer than the terminal once, wrapped, however many keys were typed', async () => {
    const line = 'kubectl exec client -- wget -qO- -T 2 web | head -4';
    const s = await screen(20, typing('$ ', line, 20));
    expect(s.rows).toEqual(['$ kubectl exec clien', 't -- wget -qO- -T 2 ', 'web | head -4']);
    expect({ x: s.x, y: s.y }).toEqual({ x: 13, y: 2 });
  });

  it('puts the cursor on the next row when the line fills its last row exactly', async () => {
    const s = await screen(10, typing('$ ', '12345678', 10));
    expect(s.rows).toEqual(['$ 12345678']);
    expect({ x: s.x, y: s.y }).toEqual({ x: 0, y: 1 });
    // and typing on continues there
    const t = await screen(10, typing('$ ', '123456789', 10));
    expect(t.rows).toEqual(['$ 12345678', '9']);
    expect({ x: t.x, y: t.y }).toEqual({ x: 1, y: 1 });
  });

  it('moves the cursor back across rows (Home, left arrow) and redraws from there', async () => {
    let row = 0;
    const writes: string[] = [];
    const draw = (buffer: string, cursor: number) => {
      const d = drawLine('$ ', buffer, cursor, 10, row);
      writes.push(d.seq);
      row = d.cursorRow;
    };
    draw('abcdefghijkl', 12);
    draw('abcdefghijkl', 3); // cursor on row 0, column 5
    let s = await screen(10, writes);
    expect({ x: s.x, y: s.y }).toEqual({ x: 5, y: 0 });
    draw('abcXdefghijkl', 4); // insert in the middle from the first row
    s = await screen(10, writes);
    expect(s.rows).toEqual(['$ abcXdefg', 'hijkl']);
    expect({ x: s.x, y: s.y }).toEqual({ x: 6, y: 0 });
    draw('abc', 3); // a deletion that makes the line shorter clears the rows left behind
    s = await screen(10, writes);
    expect(s.rows).toEqual(['$ abc']);
  });

  it('counts prompt width without colour escapes', () => {
    expect(screenWidth('\x1b[1;32mroot@jump\x1b[0m:/# ')).toBe('root@jump:/# '.length);
  });

  it('keeps output that did not end its line in front of the prompt (printf hi), as bash does', async () => {
    const start = columnAfter(0, 'hi', 20);
    expect(start).toBe(2);
    const writes = ['hi', '$ '];
    let row = 0;
    for (const typed of ['l', 'ls']) {
      const d = drawLine('$ ', typed, typed.length, 20, row, start);
      writes.push(d.seq);
      row = d.cursorRow;
    }
    const s = await screen(20, writes);
    expect(s.rows).toEqual(['hi$ ls']);
    expect({ x: s.x, y: s.y }).toEqual({ x: 6, y: 0 });
    expect(columnAfter(0, 'a\nbc', 20)).toBe(2);
    expect(columnAfter(5, 'xyz', 20)).toBe(8);
  });
});
