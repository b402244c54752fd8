/** One measured figure, and the target it is held against (if any). */
export interface Figure {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The figure must stay at or below (`max`) or at or above (`min`) this value. */
  target?: { max?: number; min?: number };
}

export interface Benchmark {
  name: string;
  run: () => Promise<Figure[]> | Figure[];
}
