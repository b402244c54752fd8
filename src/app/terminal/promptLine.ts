/**
 * Draws the prompt line when it is longer than the terminal is wide. `\r\x1b[K` only reaches the
 * start of the row the cursor is on, so a wrapped line redrawn that way leaves its earlier rows
 * behind and is drawn again under them. Like readline, we remember which row of the line the
 * cursor is on, climb back to the line's first row, clear downwards and draw it whole.
 */
export interface DrawnLine {
  /** Escape sequence to write. */
  seq: string;
  /** Row of the line (0 = the prompt's row) the cursor is left on. */
  cursorRow: number;
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** Columns a string takes on screen (escape sequences take none). */
export function screenWidth(text: string): number {
  return [...text.replace(ESCAPES, '')].length;
}

/**
 * Redraws `prompt` + `buffer` with the cursor at `cursor` (an index into `buffer`), starting
 * from a cursor left on row `fromRow` of the previous drawing. The prompt starts at column
 * `startCol` when the last output did not end its line (`printf hi` leaves `hi` before it, as bash does).
 */
export function drawLine(prompt: string, buffer: string, cursor: number, cols: number, fromRow: number, startCol = 0): DrawnLine {
  const width = Math.max(1, cols);
  const promptWidth = startCol + screenWidth(prompt);
  const total = promptWidth + screenWidth(buffer);
  let seq = `${eraseLine(fromRow, startCol)}${prompt}${buffer}`;
  // A line that fills its last row exactly leaves the cursor pending a wrap: write past it so
  // the cursor really is on the next row, as readline does.
  const fullLastRow = total > 0 && total % width === 0;
  if (fullLastRow) seq += ' \r\x1b[K';
  const endRow = Math.floor(total / width);
  const at = promptWidth + screenWidth(buffer.slice(0, cursor));
  const row = Math.floor(at / width);
  const col = at % width;
  if (endRow > row) seq += `\x1b[${endRow - row}A`;
  if (endRow !== row || col !== total % width) seq += `\r${col > 0 ? `\x1b[${col}C` : ''}`;
  return { seq, cursorRow: row };
}

/** Climbs from row `fromRow` of a drawn line back to where its prompt starts, clearing from there. */
export function eraseLine(fromRow: number, startCol = 0): string {
  return `${fromRow > 0 ? `\x1b[${fromRow}A` : ''}\r${startCol > 0 ? `\x1b[${startCol}C` : ''}\x1b[J`;
}

/** The column output leaves the cursor at: what follows its last newline, wrapped at `cols`. */
export function columnAfter(previousCol: number, output: string, cols: number): number {
  const nl = Math.max(output.lastIndexOf('\n'), output.lastIndexOf('\r'));
  const tail = nl >= 0 ? screenWidth(output.slice(nl + 1)) : previousCol + screenWidth(output);
  return tail % Math.max(1, cols);
}
