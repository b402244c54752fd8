/** `-o` handling shared by get, apply, create: yaml, json, name, jsonpath, go-template, custom-columns. */
import type { KubeObject } from '../../api/types';
import { compileJsonPathTemplate, executeJsonPath, listOf, nameLine, parseCustomColumnsSpec, printCustomColumns, PrintError, toJson, toYamlOutput } from '../print';
import { compileGoTemplate, executeGoTemplate, PrintErrorWithOutput } from '../print/goTemplateOutput';
import { STRERROR, VfsError } from '../../shell/vfs/Vfs';
import { CommandFailed } from '../cli/errors';
import type { FlagDef, KubectlContext } from '../verb';

/** The template flags PrintFlags adds beside -o (genericclioptions' GoTemplatePrintFlags / JSONPathPrintFlags). */
export const TEMPLATE_FLAGS: FlagDef[] = [
  { name: 'allow-missing-template-keys', kind: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'template', kind: 'string', default: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

/** What the template printers need beyond `-o`: the flags above and the machine's files. */
export interface TemplateOptions {
  templateFlag?: string;
  allowMissingKeys?: boolean;
  readFile?: (path: string) => string;
}

/** The template options of a verb that has TEMPLATE_FLAGS; template files are read where kubectl runs. */
export function templateOptions(k: KubectlContext): TemplateOptions {
  return {
    templateFlag: k.flags.get<string>('template') ?? '',
    allowMissingKeys: k.flags.get<boolean>('allow-missing-template-keys') ?? true,
    readFile: (path) => {
      try {
        return k.cmd.fs.readFile(k.cmd.resolve(path));
      } catch (e) {
        if (e instanceof VfsError) throw new Error(`open ${path}: ${STRERROR[e.code].toLowerCase()}`, { cause: e });
        throw e;
      }
    },
  };
}

/** -o as PrintFlags.ToPrinter reads it: `--template` alone means `-o go-template`. */
export function effectiveOutput(k: KubectlContext): string {
  const output = k.flags.get<string>('output') ?? '';
  return output === '' && (k.flags.get<string>('template') ?? '') !== '' ? 'go-template' : output;
}

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
export function printObjects(output: string, objects: KubeObject[], asList: boolean, noHeaders = false, templates: TemplateOptions = {}): string {
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
      // JSONPathPrintFlags, like the go-template ones, take --template over the inline value.
      const template = templates.templateFlag || arg;
      const jp = compileJsonPathTemplate(template);
      return executeJsonPath(jp, template, subject);
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile': {
      const t = compileGoTemplate({ format, inline: arg, templateFlag: templates.templateFlag ?? '', readFile: templates.readFile ?? noFiles });
      return executeGoTemplate(t, subject, templates.allowMissingKeys ?? true);
    }
    case 'custom-columns':
      return printCustomColumns(parseCustomColumnsSpec(arg), objects, { noHeaders });
    default:
      throw new CommandFailed(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
}

/**
 * Prints objects for a verb with the template flags, as its printer would: a template that
 * fails half way has written its output and debugging lines before kubectl's error.
 */
export function writeObjects(k: KubectlContext, output: string, objects: KubeObject[], asList: boolean): void {
  try {
    k.cmd.stdout(printObjects(output, objects, asList, false, templateOptions(k)));
  } catch (e) {
    if (e instanceof PrintErrorWithOutput) k.cmd.stdout(e.output);
    if (e instanceof PrintError) throw new CommandFailed(e.message);
    throw e;
  }
}

function noFiles(path: string): never {
  throw new Error(`open ${path}: no such file or directory`);
}
