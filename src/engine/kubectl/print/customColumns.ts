/**
 * `-o custom-columns=HEADER:jsonpath,...` (cli-runtime `customcolumn.go`): headers as given,
 * each cell the comma-joined fmt.Sprint of every match or `<none>`, aligned like tables.
 */
import type { KubeObject } from '../../api/types';
import { JsonPath } from './jsonpath/evaluate';
import { goSprint } from './jsonpath/goValues';
import { JsonPathParseError } from './jsonpath/parser';
import { PrintError } from './printErrors';
import { relaxedJsonPathExpression } from './relaxedJsonPath';
import { TABLE_TABWRITER, TabWriter } from './tabwriter';

export interface CustomColumn {
  header: string;
  /** The relaxed field spec, always in `{.a.b}` form. */
  fieldSpec: string;
}

/** `NewCustomColumnsPrinterFromSpec`: parses the flag value; throws kubectl's errors. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new PrintError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new PrintError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJsonPathExpression(part.slice(i + 1)) };
  });
}

function compile(columns: CustomColumn[]): JsonPath[] {
  return columns.map((c) => {
    try {
      const jp = JsonPath.parse(c.fieldSpec);
      jp.allowMissingKeys = true;
      return jp;
    } catch (e) {
      if (e instanceof JsonPathParseError) throw new PrintError(e.message);
      throw e;
    }
  });
}

function cellFor(jp: JsonPath, obj: KubeObject): string {
  const groups = jp.findResults(obj);
  const values: string[] = [];
  if (groups.length === 0 || groups[0]!.length === 0) values.push('<none>');
  for (const g of groups) for (const v of g) values.push(goSprint(v));
  return values.join(',');
}

/** Prints objects (already unwrapped from any List) under the given columns. */
export function printCustomColumns(columns: CustomColumn[], objects: KubeObject[], opts: { noHeaders?: boolean } = {}): string {
  const parsers = compile(columns);
  const w = new TabWriter(TABLE_TABWRITER);
  if (!opts.noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`);
  for (const obj of objects) w.write(`${parsers.map((p) => cellFor(p, obj)).join('\t')}\n`);
  return w.flush();
}
