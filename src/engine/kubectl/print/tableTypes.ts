/**
 * The server-side Table model (meta.k8s.io/v1 Table) that kubectl's human-readable printer
 * renders. Row generators always fill every column, wide ones included, because the API
 * server generates tables with `Wide: true` and kubectl drops priority>0 columns itself.
 */
import type { KubeObject } from '../../api/types';

export interface TableColumn {
  /** As in printers.go (`Nominated Node`); headers are this upper-cased. */
  name: string;
  /** 0 = always shown, 1 = only with `-o wide`. */
  priority: 0 | 1;
  /** `name` marks the column kubectl prefixes with `kind/` when several kinds are printed. */
  format?: 'name';
}

export type TableCell = string | number;

export interface TableRow {
  cells: TableCell[];
  object: KubeObject;
}

export interface Table {
  columns: TableColumn[];
  rows: TableRow[];
}

/** Shorthand for column lists: names, with `*` suffix marking priority-1 (wide) columns. */
export function columns(...names: string[]): TableColumn[] {
  return names.map((n) => {
    const wide = n.endsWith('*');
    const name = wide ? n.slice(0, -1) : n;
    return { name, priority: wide ? 1 : 0, ...(name === 'Name' ? { format: 'name' as const } : {}) };
  });
}
