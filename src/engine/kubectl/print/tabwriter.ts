/**
 * Go's text/tabwriter (as forked by kubectl: github.com/liggitt/tabwriter, which adds
 * RememberWidths). kubectl's tables and `describe` output are aligned by this algorithm, so we
 * reproduce it cell for cell rather than approximating "pad every column to its widest cell":
 * column blocks end at lines with fewer cells, and a line without any tab ends every block.
 */

/** Settings of one writer; the names mirror Go's `tabwriter.NewWriter` arguments. */
export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  padchar: string;
  /** Keep the widest width seen per column across flushes (kubectl's `get -w`). */
  rememberWidths?: boolean;
}

/** kubectl get: cli-runtime `GetNewTabWriter` (minwidth 6, tabwidth 4, padding 3, RememberWidths). */
export const TABLE_TABWRITER: TabWriterOptions = { minwidth: 6, padding: 3, padchar: ' ', rememberWidths: true };
/** kubectl describe: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)` in `tabbedString`. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, padding: 2, padchar: ' ' };

interface Cell {
  text: string;
  width: number;
}

/** Width of a cell as Go counts it: runes, not UTF-16 code units. */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * A buffering writer: feed text with {@link write}, collect aligned text with {@link flush}.
 * Cells are tab-terminated; the text after the last tab of a line is not part of any column.
 */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out = '';

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\v') {
        this.terminateCell();
      } else if (ch === '\n' || ch === '\f') {
        const ncells = this.terminateCell();
        this.lines.push([]);
        // A line with a single cell (no tabs) ends all column blocks: format what we have.
        if (ch === '\f' || ncells === 1) this.flushInternal();
      } else {
        this.cell += ch;
      }
    }
  }

  /** Formats everything buffered and returns all output produced since the last flush. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell();
    this.flushInternal();
    const out = this.out;
    this.out = '';
    return out;
  }

  /** Forgets remembered column widths (kubectl does this when the printed kind changes). */
  resetRememberedWidths(): void {
    this.maxwidths = [];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell) });
    this.cell = '';
    return line.length;
  }

  private flushInternal(): void {
    // The last line is the unterminated one being written.
    if (this.cell.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      const line = this.lines[cur]!;
      if (column >= line.length - 1) continue;
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.opts.minwidth;
      for (; cur < line1; cur++) {
        const l = this.lines[cur]!;
        if (column >= l.length - 1) break;
        const w = l[column]!.width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width);
        else if (this.maxwidths[column]! > width) width = this.maxwidths[column]!;
        else this.maxwidths[column] = width;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += this.opts.padchar.repeat(Math.max(0, this.widths[j]! - c.width));
      });
      // The final buffered line is the unterminated one: it gets no newline.
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}

/** Aligns a whole text at once with the given settings. */
export function tabbed(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
