/**
 * `-o go-template=...`, `-o go-template-file=...` (and their old names `template`,
 * `templatefile`), `--template`: cli-runtime's GoTemplatePrintFlags.ToPrinter and
 * GoTemplatePrinter.PrintObj. The object is marshalled to JSON and decoded again with
 * apimachinery's util/json (integers stay int64), then the template runs on that map.
 */
import { goJsonMarshal } from './jsonpath/goValues';
import { GoFloat, goQuote, sprintValue } from './gotemplate/fmt';
import { execute, TemplateExecError } from './gotemplate/exec';
import { FUNCS } from './gotemplate/funcs';
import { parseTemplate, TemplateParseError, type ParsedTemplates } from './gotemplate/parse';
import { PrintError } from './printErrors';

/** A failure after the template wrote something: kubectl has printed `output` on stdout by then. */
export class PrintErrorWithOutput extends PrintError {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

export const GO_TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile'];

export interface GoTemplateSource {
  /** The `-o` format without its `=value`. */
  format: string;
  /** What followed `=` in `-o`. */
  inline: string;
  /** `--template`, which wins over the inline value. */
  templateFlag?: string;
  /** Reads a template file from the machine kubectl runs on; throws the Go-worded error text. */
  readFile: (path: string) => string;
}

export interface CompiledGoTemplate {
  raw: string;
  parsed: ParsedTemplates;
}

/** ToPrinter: the template text from the flag or the format, read from a file for the *-file formats, parsed. */
export function compileGoTemplate(src: GoTemplateSource): CompiledGoTemplate {
  let value = src.templateFlag ? src.templateFlag : src.inline;
  if (value.length === 0) throw new PrintError('template format specified but no template given');
  if (src.format === 'templatefile' || src.format === 'go-template-file') {
    try {
      value = src.readFile(value);
    } catch (e) {
      throw new PrintError(`error reading --template ${value}, ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  try {
    return { raw: value, parsed: parseTemplate('output', value, (name) => Object.prototype.hasOwnProperty.call(FUNCS, name)) };
  } catch (e) {
    if (e instanceof TemplateParseError) throw new PrintError(`error parsing template ${value}, ${e.message}\n`);
    throw e;
  }
}

/** PrintObj: the template's output, or its partial output with the debugging block and kubectl's error. */
export function executeGoTemplate(t: CompiledGoTemplate, obj: unknown, allowMissingKeys = true): string {
  const out = { text: '' };
  try {
    execute(t.parsed, 'output', decodeLikeUtilJson(obj), { missingKeyError: !allowMissingKeys }, out);
    return out.text;
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${t.raw}\n` +
      `\traw data was:\n\t\t${goJsonMarshal(obj)}\n` +
      `\tobject given to template engine was:\n\t\t${sprintValue(decodeLikeUtilJson(obj))}\n\n`;
    throw new PrintErrorWithOutput(`error executing template ${goQuote(t.raw)}: ${e.message}`, out.text + debug);
  }
}

/** util/json.Unmarshal into map[string]interface{}: whole numbers are int64, the rest float64. */
function decodeLikeUtilJson(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : new GoFloat(v);
  if (Array.isArray(v)) return v.map(decodeLikeUtilJson);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = decodeLikeUtilJson(x);
    return out;
  }
  return v;
}
