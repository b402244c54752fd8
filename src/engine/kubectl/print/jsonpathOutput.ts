/**
 * `-o jsonpath=...` (cli-runtime `JSONPathPrinter` as kubectl get configures it): parse errors
 * and execution errors are worded as kubectl prints them; missing keys print nothing unless
 * `--allow-missing-template-keys=false`.
 */
import { JsonPath, JsonPathExecError } from './jsonpath/evaluate';
import { goSyntax } from './jsonpath/goSyntax';
import { JsonPathParseError } from './jsonpath/parser';
import { PrintError } from './printErrors';

export interface JsonPathOutputOptions {
  /** `--allow-missing-template-keys`, true by default in kubectl. */
  allowMissingKeys?: boolean;
}

/** Parses a template as `-o jsonpath` does; throws {@link PrintError} worded like kubectl. */
export function compileJsonPathTemplate(template: string, opts: JsonPathOutputOptions = {}): JsonPath {
  if (template.length === 0) throw new PrintError('template format specified but no template given');
  let jp: JsonPath;
  try {
    jp = JsonPath.parse(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new PrintError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
  jp.allowMissingKeys = opts.allowMissingKeys ?? true;
  return jp;
}

/**
 * Runs a compiled template against one object (or the List kubectl builds for several) and
 * returns the text exactly as printed (no newline is added).
 */
export function executeJsonPath(jp: JsonPath, template: string, obj: unknown): string {
  try {
    return jp.execute(obj);
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`;
    throw new PrintError(`error executing jsonpath ${JSON.stringify(template)}: ${debug}\n`);
  }
}

/** Convenience: compile and execute in one step. */
export function printJsonPath(template: string, obj: unknown, opts: JsonPathOutputOptions = {}): string {
  return executeJsonPath(compileJsonPathTemplate(template, opts), template, obj);
}
