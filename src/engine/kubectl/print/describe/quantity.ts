/**
 * Just enough of apimachinery's resource.Quantity for `describe node`: parse cpu/memory/storage
 * quantities, add them, and print them the way Quantity.String() canonicalises common values
 * (`250m`, `2`, `170Mi`, `0`).
 */

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** A quantity in thousandths of its unit (milli-units), so cpu `100m` is 100n and `1` is 1000n. */
export interface Quantity {
  milli: bigint;
  format: 'BinarySI' | 'DecimalSI';
}

export function parseQuantity(s: string | number | undefined): Quantity {
  if (s === undefined) return { milli: 0n, format: 'DecimalSI' };
  const m = /^([+-]?\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/.exec(String(s).trim());
  if (!m) return { milli: 0n, format: 'DecimalSI' };
  const [, num, suffix = ''] = m;
  const [int, frac = ''] = num!.split('.');
  const scaled = BigInt(int! + frac.padEnd(3, '0').slice(0, 3));
  if (suffix in BINARY) return { milli: scaled * BINARY[suffix]!, format: 'BinarySI' };
  const exp = /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : DECIMAL[suffix]!;
  const milli = exp >= 0 ? scaled * 10n ** BigInt(exp) : scaled / 10n ** BigInt(-exp);
  return { milli, format: 'DecimalSI' };
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.milli === 0n ? b.format : a.format };
}

/** Quantity.String() for the values describe prints. */
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0n) return '0';
  if (q.milli % 1000n !== 0n) return `${q.milli}m`;
  const units = q.milli / 1000n;
  if (q.format === 'BinarySI') {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const f = BINARY[suffix]!;
      if (units % f === 0n) return `${units / f}${suffix}`;
    }
    return String(units);
  }
  for (const [suffix, exp] of [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3]] as const) {
    const f = 10n ** BigInt(exp);
    if (units % f === 0n) return `${units / f}${suffix}`;
  }
  return String(units);
}

/** `int64(float64(part)/float64(whole)*100)`, 0 when the whole is 0. */
export function percent(part: Quantity, whole: Quantity): number {
  if (whole.milli === 0n) return 0;
  return Math.trunc((Number(part.milli) / Number(whole.milli)) * 100);
}
