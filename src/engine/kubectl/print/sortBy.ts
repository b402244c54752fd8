/**
 * `--sort-by=<jsonpath>` (kubectl `pkg/cmd/get/sorter.go`): natural order for strings, numeric
 * for numbers, objects without the field first; errors worded as kubectl words them.
 */
import type { KubeObject } from '../../api/types';
import { JsonPath } from './jsonpath/evaluate';
import { goTypeName } from './jsonpath/goValues';
import { JsonPathParseError } from './jsonpath/parser';
import { PrintError } from './printErrors';
import { relaxedJsonPathExpression } from './relaxedJsonPath';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** `sortorder.NaturalLess`: digit runs compare as numbers, digits sort before other characters. */
export function naturalLess(s1: string, s2: string): boolean {
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1]!;
    const c2 = s2[i2]!;
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === '0') i1++;
    while (i2 < s2.length && s2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1])) i1++;
    while (i2 < s2.length && isDigit(s2[i2])) i2++;
    if (i1 - nz1 !== i2 - nz2) return i1 - nz1 < i2 - nz2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  throw new PrintError(`unsortable type: ${goTypeName(a)}`);
}

/**
 * Returns the objects sorted by the field. Throws when the expression does not parse or no
 * object has the field (`couldn't find any field with path "{.spec.foo}" in the list of objects`).
 */
export function sortObjects<T extends KubeObject>(objects: T[], sortBy: string): T[] {
  const field = relaxedJsonPathExpression(sortBy);
  let jp: JsonPath;
  try {
    jp = JsonPath.parse(field);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new PrintError(e.message);
    throw e;
  }
  jp.allowMissingKeys = true;
  const keyed = objects.map((o) => {
    const groups = jp.findResults(o);
    const has = groups.length > 0 && groups[0]!.length > 0;
    return { o, has, value: has ? groups[0]![0] : undefined };
  });
  if (objects.length > 0 && !keyed.some((k) => k.has)) {
    throw new PrintError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  }
  // A stable insertion sort keeps equal keys in server order (Go's sort is not stable, so any
  // order of ties is faithful; stable is the reproducible choice).
  const sorted = [...keyed];
  const less = (x: (typeof keyed)[number], y: (typeof keyed)[number]): boolean => {
    if (!x.has && !y.has) return false;
    if (!x.has) return true;
    if (!y.has) return false;
    return isLess(x.value, y.value);
  };
  sorted.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
  return sorted.map((k) => k.o);
}
