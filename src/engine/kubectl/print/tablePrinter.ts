/**
 * kubectl's human-readable table printer (cli-runtime `tableprinter.go` + `get.go`): decorates
 * server tables with NAMESPACE, label columns, LABELS and kind prefixes, drops wide columns
 * unless `-o wide`, and aligns everything with the tabwriter kubectl uses.
 */
import type { KubeObject } from '../../api/types';
import { formatLabels } from './labels';
import { TABLE_TABWRITER, TabWriter } from './tabwriter';
import type { Table, TableCell, TableColumn } from './tableTypes';

export interface TablePrintOptions {
  /** `-o wide`: include priority-1 columns. */
  wide?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `-A` on a namespaced kind: prepend NAMESPACE (get.go never sets it for cluster-scoped kinds). */
  withNamespace?: boolean;
  /** `--show-labels`: append LABELS. */
  showLabels?: boolean;
  /** `-L key1,key2`: one column per key, headed by the key's last path segment upper-cased. */
  labelColumns?: string[];
  /**
   * Prefix of the name column when several kinds are printed (`kubectl get all`) or with
   * `--show-kind`: the lower-cased group kind, e.g. `service` or `deployment.apps`.
   */
  kindPrefix?: string;
}

/** `formatLabelHeaders`: `app.kubernetes.io/name` → `NAME`. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

/** How `printRows` writes one cell: first line only (then `...`), numbers via fmt.Sprint. */
export function renderCell(cell: TableCell): string {
  if (typeof cell === 'number') return String(cell);
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${cell.slice(0, cut)}...` : cell;
}

function visibleColumns(cols: TableColumn[], wide: boolean): number[] {
  const idx: number[] = [];
  cols.forEach((c, i) => {
    if (wide || c.priority === 0) idx.push(i);
  });
  return idx;
}

function headerLine(table: Table, opts: TablePrintOptions): string {
  const headers: string[] = [];
  if (opts.withNamespace) headers.push('NAMESPACE');
  for (const i of visibleColumns(table.columns, !!opts.wide)) headers.push(table.columns[i]!.name.toUpperCase());
  for (const k of opts.labelColumns ?? []) headers.push(labelHeader(k));
  if (opts.showLabels) headers.push('LABELS');
  return headers.join('\t');
}

function rowLine(table: Table, cells: TableCell[], obj: KubeObject, opts: TablePrintOptions): string {
  const out: string[] = [];
  if (opts.withNamespace) out.push(obj.metadata.namespace ?? '');
  const nameColumn = opts.kindPrefix ? table.columns.findIndex((c) => c.format === 'name') : -1;
  for (const i of visibleColumns(table.columns, !!opts.wide)) {
    const cell = cells[i] ?? '';
    out.push(i === nameColumn ? `${opts.kindPrefix}/${renderCell(cell)}` : renderCell(cell));
  }
  const labels = obj.metadata.labels ?? {};
  for (const k of opts.labelColumns ?? []) out.push(labels[k] ?? '');
  if (opts.showLabels) out.push(formatLabels(labels));
  return out.join('\t');
}

/**
 * A stateful printer for one kubectl invocation: headers once per column set, a blank line
 * between kinds, and column widths remembered across prints so `-w` rows line up with the
 * table printed before them.
 */
export class TablePrinter {
  private readonly writer = new TabWriter(TABLE_TABWRITER);
  private lastKind: string | undefined;
  private lastColumnsKey: string | undefined;
  private printedHeaders = false;
  private printsSinceHeader = 0;

  /**
   * Prints a table of objects of one kind and returns the text. `kind` identifies the
   * resource type; when it changes, widths are forgotten and a blank line separates the kinds.
   */
  print(kind: string, table: Table, opts: TablePrintOptions = {}): string {
    let out = '';
    if (this.lastKind !== undefined && this.lastKind !== kind) {
      this.writer.resetRememberedWidths();
      if (!opts.noHeaders && this.printsSinceHeader > 0) out += '\n';
      this.printsSinceHeader = 0;
    }
    this.lastKind = kind;
    const columnsKey = JSON.stringify(table.columns);
    let noHeaders = !!opts.noHeaders;
    if (this.printedHeaders && columnsKey === this.lastColumnsKey) noHeaders = true;
    if (columnsKey !== this.lastColumnsKey) {
      this.lastColumnsKey = columnsKey;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    if (table.rows.length === 0) return out;
    if (!noHeaders) this.writer.write(`${headerLine(table, opts)}\n`);
    for (const row of table.rows) {
      this.writer.write(`${rowLine(table, row.cells, row.object, opts)}\n`);
      this.printsSinceHeader++;
    }
    return out + this.writer.flush();
  }
}

/** Prints one table on its own, as `kubectl get <kind>` does. */
export function printTable(table: Table, opts: TablePrintOptions = {}): string {
  return new TablePrinter().print('', table, opts);
}
