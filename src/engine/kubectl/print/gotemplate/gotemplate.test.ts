/**
 * Table tests of the Go template engine against Go's text/template semantics. Expected texts
 * follow Go's sources (text/template exec.go, funcs.go, parse/lex.go, parse/parse.go; fmt's
 * %v/%g rules) and its own exec_test.go cases where they apply to JSON data (e.g. `{{printf "%d" 3}}`,
 * and/or short-circuit, `{{range}}{{else}}`, break/continue, `$x = ...` assignment); data is
 * what kubectl's printer hands the engine: util/json-decoded maps with int64 integers.
 */
import { describe, expect, it } from 'vitest';
import { compileGoTemplate, executeGoTemplate, PrintErrorWithOutput } from '../goTemplateOutput';
import { formatFloat, GoFloat, sprintf } from './fmt';

const DATA = { kind: 'Pod', n: 3, f: 2.5, big: 2592000.5, nul: null, s: 'abc', arr: ['a', 'b'], m: { b: 2, a: 1 }, t: true, e: '', enc: 'aGVsbG8=' };

function run(template: string, data: unknown = DATA, allowMissingKeys = true): string {
  return executeGoTemplate(compileGoTemplate({ format: 'go-template', inline: template, readFile: () => '' }), data, allowMissingKeys);
}

function failure(template: string, allowMissingKeys = true): { message: string; output: string } {
  try {
    run(template, DATA, allowMissingKeys);
  } catch (e) {
    return { message: (e as Error).message, output: e instanceof PrintErrorWithOutput ? e.output : '' };
  }
  throw new Error(`${template} did not fail`);
}

describe('go-template output', () => {
  it.each([
    // Values print with fmt's %v: int64, float64 (%g, exponent from 1e6 up), slices and sorted maps.
    ['{{.n}} {{.f}} {{.big}} {{.arr}} {{.m}} {{.t}}', '3 2.5 2.5920005e+06 [a b] map[a:1 b:2] true'],
    // A missing key is no value; a JSON null too once the pipeline digs it out of its interface.
    ['{{.missing}} {{.nul}} {{.missing.deeper}} {{index .m "zz"}}', '<no value> <no value> <no value> <no value>'],
    ['{{range $i, $e := .arr}}{{$i}}={{$e}},{{end}}', '0=a,1=b,'],
    ['{{range $e := .arr}}{{$e}}{{end}}|{{range .m}}{{.}}{{end}}', 'ab|12'],
    ['{{range $k, $v := .m}}{{$k}}{{$v}}{{else}}none{{end}}', 'a1b2'],
    ['{{range .missing}}x{{else}}empty{{end}}', 'empty'],
    ['{{range .arr}}{{if eq . "a"}}{{continue}}{{end}}{{.}}{{end}}|{{range .arr}}{{.}}{{break}}{{end}}', 'b|a'],
    ['{{range 3}}{{.}}{{end}}', '012'],
    ['{{with .s}}{{.}}{{end}}{{with .e}}x{{else}}none{{end}}', 'abcnone'],
    ['{{if .e}}1{{else if .n}}2{{else}}3{{end}}', '2'],
    ['{{if and .t .s}}Y{{end}}{{if or .e .n}}Z{{end}}{{and 0 .nope.deeper}}{{or 1 .x}}', 'YZ01'],
    ['{{eq .n 3}} {{lt .n 4}} {{eq .s "abc" "x"}} {{ne .f 2.5}} {{ge .s "abc"}} {{eq .missing "x"}}', 'true true true false true false'],
    ['{{len .s}} {{len .m}} {{len .arr}}', '3 2 2'],
    ['{{index .arr 1}} {{index .m "a"}} {{slice .s 1 2}} {{slice .arr 1}}', 'b 1 b [b]'],
    ['{{printf "%5.2f|%x|%q|%v|%d" .f .s .s .arr .s}}', ' 2.50|616263|"abc"|[a b]|%!d(string=abc)'],
    ['{{printf "%d"}}|{{printf "%s" .n 4}}', '%!d(MISSING)|%!s(int64=3)%!(EXTRA int64=4)'],
    ['{{printf "%T %T %T %T" .n .f .s .arr}}', 'int64 float64 string []interface {}'],
    ['{{printf "%08.3f|%-5d|%+d|%x|%5s|%-4s|" .f .n .n 255 .s .s}}', '0002.500|3    |+3|ff|  abc|abc |'],
    ['{{print 1 2 "a" 3 .f}}|{{println .s .n}}', '1 2a3 2.5|abc 3\n'],
    ['{{.s | printf "%s!"}} {{"x" | len}} {{.s | eq "abc"}}', 'abc! 1 true'],
    ['{{html "<a&b>"}} {{js "a\'b"}} {{urlquery "a b&c"}}', '&lt;a&amp;b&gt; a\\\'b a+b%26c'],
    ['{{not 0}} {{not .s}}', 'true false'],
    ["{{'a'}} {{1e6}} {{1.5}} {{0x10}}", '97 1e+06 1.5 16'],
    // kubectl's own functions.
    ['{{base64decode .enc}}', 'hello'],
    ['{{exists .m "a"}} {{exists .m "q"}} {{exists .arr 1}} {{exists .arr 7}}', 'true false true false'],
    // Trim markers, comments, variables, define/template/block.
    ['{{ .s -}}   x  {{- .s }}', 'abcxabc'],
    ['{{/* c */}}a{{- /* c2 */ -}} b', 'ab'],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T" .s}}{{template "T"}}', '[abc][<no value>]'],
    ['{{block "B" .n}}<{{.}}>{{end}}', '<3>'],
    ['{{$x := 1}}{{if .t}}{{$x = 2}}{{end}}{{$x}} {{$.kind}}', '2 Pod'],
  ])('%s', (template, expected) => {
    expect(run(template)).toBe(expected);
  });

  it.each([
    ['{{.metadata.name', 'unclosed action'],
    ['{{.metadata.name}', "bad character U+007D '}'"],
    ['{{3 | 4}}', 'non executable command in pipeline stage 2'],
    ['{{if}}{{end}}', 'missing value for if'],
    ['{{end}}', 'unexpected {{end}}'],
    ['{{range .arr}}', 'unexpected EOF'],
    ['{{break}}', '{{break}} outside {{range}}'],
    ['{{$u}}', 'undefined variable "$u"'],
    ['{{range $i, $e := .arr}}{{end}}{{$i}}', 'undefined variable "$i"'],
    ['{{foo .x}}', 'function "foo" not defined'],
    ['{{"abc}}', 'unterminated quoted string'],
    ['a\n{{.x)}}', 'unexpected right paren'],
  ])('parse error %s', (template, message) => {
    expect(() => run(template)).toThrow(`error parsing template ${template}, template: output:${template.split('\n').length}: ${message}\n`);
  });

  it.each([
    ['{{eq .n "3"}}', '1:2', 'eq', 'error calling eq: incompatible types for comparison'],
    ['{{lt .t .t}}', '1:2', 'lt', 'error calling lt: invalid type for comparison'],
    ['{{len .n}}', '1:2', 'len', 'error calling len: len of type int64'],
    ['{{len}}', '1:2', 'len', 'wrong number of args for len: want 1 got 0'],
    ['{{index .arr 5}}', '1:2', 'index', 'error calling index: index out of range: 5'],
    ['{{base64decode "abc"}}', '1:2', 'base64decode', 'error calling base64decode: base64 decode failed: illegal base64 data at input byte 0'],
    ['{{.nul.x}}', '1:2', '.nul.x', 'nil pointer evaluating interface {}.x'],
    ['{{.s.x}}', '1:2', '.s.x', "can't evaluate field x in type interface {}"],
    ['{{with .s}}{{.x}}{{end}}', '1:13', '.x', "can't evaluate field x in type string"],
    ['{{range .s}}{{end}}', '1:8', '.s', "range can't iterate over abc"],
    ['{{nil}}', '1:2', 'nil', 'nil is not a command'],
    ['{{printf .n}}', '1:9', '.n', 'wrong type for value; expected string; got int64'],
    ['{{base64decode .missing}}', '1:15', '.missing', 'invalid value; expected string'],
    ['x\n  {{.kind.spec.template.metadata}}', '2:4', '.kind.spec.template....', "can't evaluate field spec in type interface {}"],
  ])('execution error %s', (template, at, context, message) => {
    const f = failure(template);
    const detail = `template: output:${at}: executing "output" at <${context}>: ${message}`;
    expect(f.message).toBe(`error executing template ${JSON.stringify(template)}: ${detail}`);
    expect(f.output).toContain(`Error executing template: ${detail}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t{"arr":["a","b"],`);
    expect(f.output.endsWith(' t:true]\n\n')).toBe(true);
  });

  it('keeps what the template wrote before it failed, then the debugging lines', () => {
    expect(failure('{{.kind}}: {{len .n}}').output.startsWith('Pod: Error executing template: ')).toBe(true);
  });

  it('with --allow-missing-template-keys=false a missing key is an error (missingkey=error)', () => {
    expect(failure('{{.kind}}{{.nope}}', false).message).toContain('executing "output" at <.nope>: map has no entry for key "nope"');
    expect(run('{{.kind}}', DATA, false)).toBe('Pod');
  });

  it('formats floats as Go does', () => {
    expect([formatFloat(1e6, 'g', -1), formatFloat(123456, 'g', -1), formatFloat(0.0001, 'g', -1), formatFloat(0.00001, 'g', -1), formatFloat(2.5, 'e', 3)]).toEqual(['1e+06', '123456', '0.0001', '1e-05', '2.500e+00']);
    expect(sprintf('%6.2f|%g|%e|%v|%f', [new GoFloat(3.14159), new GoFloat(100000.5), new GoFloat(1234.5678), true, 3])).toBe('  3.14|100000.5|1.234568e+03|true|%!f(int64=3)');
  });
});
