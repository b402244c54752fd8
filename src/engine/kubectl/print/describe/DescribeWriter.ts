/**
 * kubectl describe's `PrefixWriter` over `tabbedString`: each level indents two spaces, cells
 * are tab-separated, and the whole text is aligned at the end with describe's tabwriter
 * settings (minwidth 0, padding 2). Lines without tabs end column blocks, as in Go.
 */
import { DESCRIBE_TABWRITER, tabbed } from '../tabwriter';

export class DescribeWriter {
  private text = '';

  /** `Write(level, format, ...)`: the text is already formatted by the caller. */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }

  /** `WriteLine(a...)`: text plus newline, without indentation. */
  writeLine(text: string): void {
    this.text += `${text}\n`;
  }

  /** The aligned output. */
  toString(): string {
    return tabbed(this.text, DESCRIBE_TABWRITER);
  }
}
