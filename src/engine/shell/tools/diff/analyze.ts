/**
 * GNU diffutils' comparison (src/analyze.c + gnulib diffseq.h): which lines of each file are
 * changed. Ported step for step (equivalence classes, discard_confusing_lines, Myers' middle-snake
 * `compareseq` with the too-expensive cut-off, shift_boundaries, build_script) because the choice
 * between equally short edit scripts is visible in the output, and ours must be GNU diff's.
 * The -d (minimal) and -H (speed-large-files) switches are not offered, so neither is modelled.
 */

/** One change: `deleted` lines of file 0 from `line0`, replaced by `inserted` lines of file 1 from `line1` (0-based). */
export interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

/** A boolean flag per line with a false sentinel before the first and after the last (GNU's `changed[-1]`, `changed[len]`). */
class Flags {
  private readonly v: Uint8Array;
  constructor(readonly length: number) {
    this.v = new Uint8Array(length + 2);
  }
  get(i: number): boolean {
    return this.v[i + 1] === 1;
  }
  set(i: number, on: boolean): void {
    this.v[i + 1] = on ? 1 : 0;
  }
}

function floorLog2(n: number): number {
  return Math.floor(Math.log2(n));
}

/** discard_confusing_lines: lines with no match in the other file skip the search (they are changes anyway). */
function discardConfusing(equivs: [number[], number[]], changed: [Flags, Flags]): { undiscarded: [number[], number[]]; realIndexes: [number[], number[]] } {
  const counts: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];
  for (const f of [0, 1] as const) for (const e of equivs[f]) counts[f].set(e, (counts[f].get(e) ?? 0) + 1);
  const discarded: [Uint8Array, Uint8Array] = [new Uint8Array(equivs[0].length), new Uint8Array(equivs[1].length)];
  for (const f of [0, 1] as const) {
    const end = equivs[f].length;
    const other = counts[1 - f]!;
    const many = 5 << (end < 64 ? 0 : (floorLog2(end) >> 1) - 3);
    for (let i = 0; i < end; i++) {
      const nmatch = other.get(equivs[f][i]!) ?? 0;
      if (nmatch === 0) discarded[f][i] = 1;
      else if (nmatch > many) discarded[f][i] = 2;
    }
  }
  for (const f of [0, 1] as const) {
    const d = discarded[f];
    const end = d.length;
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let provisional = 0;
        let j: number;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) ++provisional;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          --provisional;
        }
        const length = j - i;
        if (length >> 2 < provisional) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          const minimum = length < 4 ? 2 : (1 << ((floorLog2(length) >> 1) - 1)) + 1;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            }
            else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            }
            else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const undiscarded: [number[], number[]] = [[], []];
  const realIndexes: [number[], number[]] = [[], []];
  for (const f of [0, 1] as const) {
    for (let i = 0; i < equivs[f].length; i++) {
      if (discarded[f][i] === 0) {
        undiscarded[f].push(equivs[f][i]!);
        realIndexes[f].push(i);
      } else changed[f].set(i, true);
    }
  }
  return { undiscarded, realIndexes };
}

interface Partition {
  xmid: number;
  ymid: number;
  loMinimal: boolean;
  hiMinimal: boolean;
}

/** diffseq.h's compareseq/diag over the undiscarded lines; marks changes through `note`. */
function compareSeq(xv: number[], yv: number[], note: (file: 0 | 1, index: number) => void): void {
  const diags = xv.length + yv.length + 3;
  const base = yv.length + 1;
  const fdArr = new Array<number>(diags).fill(0);
  const bdArr = new Array<number>(diags).fill(0);
  const tooExpensive = Math.max(4096, 2 ** ((floorLog2(diags) >> 1) + 1));

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): Partition => {
    const fd = (d: number) => fdArr[d + base]!;
    const bd = (d: number) => bdArr[d + base]!;
    const setF = (d: number, v: number) => (fdArr[d + base] = v);
    const setB = (d: number, v: number) => (bdArr[d + base] = v);
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    setF(fmid, xoff);
    setB(bmid, xlim);
    for (let c = 1; ; ++c) {
      if (fmin > dmin) setF(--fmin - 1, -1);
      else ++fmin;
      if (fmax < dmax) setF(++fmax + 1, -1);
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd(d - 1);
        const thi = fd(d + 1);
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        setF(d, x);
        if (odd && bmin <= d && d <= bmax && bd(d) <= x) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
      }
      if (bmin > dmin) setB(--bmin - 1, Number.MAX_SAFE_INTEGER);
      else ++bmin;
      if (bmax < dmax) setB(++bmax + 1, Number.MAX_SAFE_INTEGER);
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd(d - 1);
        const thi = bd(d + 1);
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        setB(d, x);
        if (!odd && fmin <= d && d <= fmax && x <= fd(d)) return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true };
      }
      if (findMinimal || c < tooExpensive) continue;
      // Gone well beyond the call of duty: report halfway between the best results so far.
      let fxybest = -1;
      let fxbest = 0;
      for (let d = fmax; d >= fmin; d -= 2) {
        let x = Math.min(fd(d), xlim);
        let y = x - d;
        if (ylim < y) {
          x = ylim + d;
          y = ylim;
        }
        if (fxybest < x + y) {
          fxybest = x + y;
          fxbest = x;
        }
      }
      let bxybest = Number.MAX_SAFE_INTEGER;
      let bxbest = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        let x = Math.max(xoff, bd(d));
        let y = x - d;
        if (y < yoff) {
          x = yoff + d;
          y = yoff;
        }
        if (x + y < bxybest) {
          bxybest = x + y;
          bxbest = x;
        }
      }
      if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false };
      return { xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true };
    }
  };

  const compare = (xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) while (yoff < ylim) note(1, yoff++);
    else if (yoff === ylim) while (xoff < xlim) note(0, xoff++);
    else {
      const part = diag(xoff, xlim, yoff, ylim, findMinimal);
      compare(xoff, part.xmid, yoff, part.ymid, part.loMinimal);
      compare(part.xmid, xlim, part.ymid, ylim, part.hiMinimal);
    }
  };
  compare(0, xv.length, 0, yv.length, false);
}

/** shift_boundaries: slide each run of changes so that runs merge, then as far down as it goes. */
function shiftBoundaries(equivs: [number[], number[]], changed: [Flags, Flags]): void {
  for (const f of [0, 1] as const) {
    const ch = changed[f];
    const other = changed[1 - f]!;
    const eq = equivs[f];
    const iEnd = eq.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !ch.get(i)) {
        while (other.get(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (ch.get(++i));
      while (other.get(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          ch.set(--start, true);
          ch.set(--i, false);
          while (ch.get(start - 1)) start--;
          while (other.get(--j));
        }
        corresponding = other.get(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          ch.set(start++, false);
          ch.set(i++, true);
          while (ch.get(i)) i++;
          while (other.get(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        ch.set(--start, true);
        ch.set(--i, false);
        while (other.get(--j));
      }
    }
  }
}

/**
 * find_identical_ends: the common leading and trailing lines never enter the comparison (so
 * shift_boundaries cannot slide a change into them), and their lines are not counted when
 * discard_confusing_lines weighs how often a line occurs.
 */
function identicalEnds(a: string[], b: string[], horizon: number): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(a.length, b.length) - prefix;
  while (suffix < room && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  // diff keeps `horizon` lines (the output's context) of each end, so shift_boundaries may use them.
  return { prefix: Math.max(0, prefix - horizon), suffix: Math.max(0, suffix - horizon) };
}

/** The edit script between two files' lines (each line with its newline, if it had one), in file order. */
export function diffLines(allA: string[], allB: string[], horizon = 0): Change[] {
  const { prefix, suffix } = identicalEnds(allA, allB, horizon);
  const a = allA.slice(prefix, allA.length - suffix);
  const b = allB.slice(prefix, allB.length - suffix);
  const classes = new Map<string, number>();
  const classOf = (line: string) => {
    let c = classes.get(line);
    if (c === undefined) classes.set(line, (c = classes.size + 1));
    return c;
  };
  const equivs: [number[], number[]] = [a.map(classOf), b.map(classOf)];
  const changed: [Flags, Flags] = [new Flags(a.length), new Flags(b.length)];
  const { undiscarded, realIndexes } = discardConfusing(equivs, changed);
  compareSeq(undiscarded[0], undiscarded[1], (file, index) => changed[file].set(realIndexes[file][index]!, true));
  shiftBoundaries(equivs, changed);
  const script: Change[] = [];
  let i0 = a.length;
  let i1 = b.length;
  while (i0 >= 0 || i1 >= 0) {
    if (changed[0].get(i0 - 1) || changed[1].get(i1 - 1)) {
      const line0 = i0;
      const line1 = i1;
      while (changed[0].get(i0 - 1)) --i0;
      while (changed[1].get(i1 - 1)) --i1;
      script.unshift({ line0: i0 + prefix, line1: i1 + prefix, deleted: line0 - i0, inserted: line1 - i1 });
    }
    i0--;
    i1--;
  }
  return script;
}
