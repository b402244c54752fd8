/**
 * kubectl decodes manifests with sigs.k8s.io/yaml, i.e. go-yaml; its errors read
 * `yaml: line N: <problem>`. The JS `yaml` parser finds the same mistakes with different words,
 * so the common cases are translated to go-yaml's scanner/parser messages.
 */
import type { YAMLError } from 'yaml';

/** go-yaml's message for the first error of a document, `yaml: line N: ...`. */
export function goYamlMessage(errors: readonly YAMLError[], source: string): string {
  const controlLine = firstControlCharacterLine(source);
  if (controlLine !== undefined) return 'yaml: control characters are not allowed';
  const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
  if (multiline) return `yaml: line ${documentLine(source, multiline.pos[1])}: mapping values are not allowed in this context`;
  const e = errors[0]!;
  const line = documentLine(source, e.pos[0]);
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'MISSING_CHAR':
      return `yaml: line ${Math.max(1, line - 1)}: found unexpected end of stream`;
    case 'BAD_INDENT':
      // A block-mapping key left of its siblings (but right of its parent) makes libyaml open a
      // new mapping where the parser wanted a key.
      if (e.message.startsWith('All mapping items must start at the same column')) return `yaml: line ${line}: did not find expected key`;
      return `yaml: line ${line}: did not find expected ',' or ']'`;
    case 'DUPLICATE_KEY':
      return `yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(keyAt(source, lineOf(source, e.pos[0])))} already set in map`;
    default:
      return `yaml: line ${line}: did not find expected key`;
  }
}

/**
 * The line go-yaml reports: apimachinery's YAMLReader cuts the stream at `---` lines and decodes
 * each document alone, so lines count from the line after the document's separator.
 */
function documentLine(source: string, offset: number): number {
  const lines = source.slice(0, offset).split('\n');
  let last = 0;
  lines.forEach((l, i) => {
    if (i < lines.length - 1 && /^---(\s*|\s*#.*)$/.test(l)) last = i + 1;
  });
  return lines.length - last;
}

/** 1-based line of a character offset. */
function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function keyAt(source: string, line: number): string {
  const text = source.split('\n')[line - 1] ?? '';
  return text.trim().replace(/:.*$/, '');
}

/** go-yaml rejects C0 controls other than tab, LF and CR, and DEL/C1 controls. */
function firstControlCharacterLine(source: string): number | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(source);
  if (!m) return undefined;
  return source.slice(0, m.index).split('\n').length;
}
