import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, TabWriter, tabbed } from './tabwriter';

describe('Go tabwriter semantics', () => {
  it('pads every column but the last to max(minwidth, widest + padding)', () => {
    expect(tabbed('NAME\tAGE\nweb\t12s\n', TABLE_TABWRITER)).toBe('NAME   AGE\nweb    12s\n');
    expect(tabbed('a\tb\n', TABLE_TABWRITER)).toBe('a     b\n');
  });

  it('a line with fewer cells ends the column block below it', () => {
    // Go's example: the third line has only one tab-terminated cell, so column 1 of lines 1-2
    // is aligned on its own and line 4 starts a new block for column 1.
    const text = 'a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n';
    expect(tabbed(text, { minwidth: 5, padding: 1, padchar: ' ' })).toBe('a    b    c\naa   bb   cc\naaa  \naaaa dddd eeee\n');
  });

  it('a line without tabs ends every block (describe sections)', () => {
    const text = 'Name:\tweb\nLabels:\tapp=web\nEvents:\nType\tReason\nNormal\tX\n';
    expect(tabbed(text, DESCRIBE_TABWRITER)).toBe('Name:    web\nLabels:  app=web\nEvents:\nType    Reason\nNormal  X\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(tabbed('é\tx\nab\ty\n', { minwidth: 0, padding: 1, padchar: ' ' })).toBe('é  x\nab y\n');
  });

  it('text after the last newline is kept, unterminated', () => {
    const w = new TabWriter(TABLE_TABWRITER);
    w.write('a\tb\nlast');
    expect(w.flush()).toBe('a     b\nlast');
  });

  it('RememberWidths keeps the widest column seen across flushes until reset', () => {
    const w = new TabWriter(TABLE_TABWRITER);
    w.write('LONGNAME\tX\n');
    expect(w.flush()).toBe('LONGNAME   X\n');
    w.write('a\tb\n');
    expect(w.flush()).toBe('a          b\n');
    w.resetRememberedWidths();
    w.write('a\tb\n');
    expect(w.flush()).toBe('a     b\n');
  });

  it('aligns every column of a rectangular table (property)', () => {
    const cell = fc.stringMatching(/^[a-z0-9<>/.-]{0,12}$/);
    const table = fc.integer({ min: 2, max: 5 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, (rows) => {
        const out = tabbed(rows.map((r) => `${r.join('\t')}\n`).join(''), TABLE_TABWRITER).split('\n').slice(0, -1);
        const n = rows[0]!.length;
        let offset = 0;
        for (let c = 0; c < n; c++) {
          for (let r = 0; r < rows.length; r++) expect(out[r]!.slice(offset, offset + rows[r]![c]!.length)).toBe(rows[r]![c]);
          if (c < n - 1) offset += Math.max(6, ...rows.map((r) => r[c]!.length + 3));
        }
        for (const line of out) expect(line.length).toBe(offset + rows[out.indexOf(line)]![n - 1]!.length);
      }),
    );
  });
});
