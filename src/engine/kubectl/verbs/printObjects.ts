/** `-o` handling shared by get, apply, create: yaml, json, name, jsonpath, custom-columns. */
import type { KubeObject } from '../../api/types';
import { compileJsonPathTemplate, executeJsonPath, listOf, nameLine, parseCustomColumnsSpec, printCustomColumns, toJson, toYamlOutput } from '../print';
import { CommandFailed } from '../cli/errors';

const TEMPLATE_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'template', 'templatefile'];
const ALLOWED = 'json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide';

/** Whether `-o` asks for a non-table format this helper prints. */
export function isObjectFormat(output: string): boolean {
  const f = output.split('=')[0]!;
  return f === 'yaml' || f === 'json' || f === 'name' || TEMPLATE_FORMATS.includes(f);
}

/** kubectl's message for an unsupported `-o`. */
export function checkOutputFormat(output: string): void {
  if (output === '' || output === 'wide' || isObjectFormat(output)) return;
  throw new CommandFailed(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
}

/** Prints objects in a non-table format; one object alone unless `asList`. */
export function printObjects(output: string, objects: KubeObject[], asList: boolean, noHeaders = false): string {
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : '';
  const subject: unknown = asList ? listOf(objects) : objects[0];
  switch (format) {
    case 'yaml':
      return toYamlOutput(subject);
    case 'json':
      return toJson(subject);
    case 'name':
      return objects.map((o) => nameLine(o)).join('');
    case 'jsonpath': {
      const jp = compileJsonPathTemplate(arg);
      return executeJsonPath(jp, arg, subject);
    }
    case 'custom-columns':
      return printCustomColumns(parseCustomColumnsSpec(arg), objects, { noHeaders });
    default:
      throw new CommandFailed(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
}
