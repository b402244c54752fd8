import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlagDef } from '../verb';
import { FlagError, parseArgv, parseGoDuration, positionalWords } from './flags';

const DEFS: FlagDef[] = [
  { name: 'namespace', short: 'n', kind: 'string', default: '', usage: '' },
  { name: 'all-namespaces', short: 'A', kind: 'bool', default: false, usage: '' },
  { name: 'watch', short: 'w', kind: 'bool', default: false, usage: '' },
  { name: 'filename', short: 'f', kind: 'stringArray', usage: '' },
  { name: 'grace-period', kind: 'int', default: -1, usage: '' },
  { name: 'timeout', kind: 'duration', default: 0, usage: '' },
];

describe('pflag grammar', () => {
  it.each([
    [['-n', 'x'], 'x'],
    [['-nx'], 'x'],
    [['-n=x'], 'x'],
    [['--namespace=x'], 'x'],
    [['--namespace', 'x'], 'x'],
    [['--namespace', 'a', '--namespace', 'b'], 'b'],
  ])('%j sets the namespace to %s', (argv, ns) => {
    expect(parseArgv(argv, DEFS).flags.get('namespace')).toBe(ns);
  });

  it('combines bool shorthands, appends arrays, stops at --, keeps positionals in order', () => {
    const p = parseArgv(['get', '-Aw', 'pods', '-f', 'a.yaml', '--filename=b.yaml', 'x', '--', '-n', 'y'], DEFS);
    expect(p.flags.get('all-namespaces')).toBe(true);
    expect(p.flags.get('watch')).toBe(true);
    expect(p.flags.get('filename')).toEqual(['a.yaml', 'b.yaml']);
    expect(p.args).toEqual(['get', 'pods', 'x']);
    expect(p.afterDash).toEqual(['-n', 'y']);
    expect(p.flags.has('namespace')).toBe(false);
    expect(p.flags.get('namespace')).toBe('');
  });

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-Az'], "unknown shorthand flag: 'z' in -Az"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--grace-period=x'], 'invalid argument "x" for "--grace-period" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['--all-namespaces=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--timeout=5x'], 'invalid argument "5x" for "--timeout" flag: time: invalid duration "5x"'],
  ])('%j fails with %s', (argv, message) => {
    expect(() => parseArgv(argv, DEFS)).toThrow(new FlagError(message));
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('500ms')).toBe(500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('5')).toBeUndefined();
  });

  it('finds the command word behind value flags, as cobra strips them', () => {
    expect(positionalWords(['-n', 'kube-system', 'get', 'pods'], DEFS)).toEqual(['get', 'pods']);
    expect(positionalWords(['-A', 'get', 'pods'], DEFS)).toEqual(['get', 'pods']);
    expect(positionalWords(['--namespace=x', 'get'], DEFS)).toEqual(['get']);
  });

  it('property: positional words survive any interleaving of flags', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const flag = fc.oneof(fc.constant(['-A']), fc.constant(['--watch']), word.map((w) => ['-n', w]), word.map((w) => [`--namespace=${w}`]));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(flag, { maxLength: 3 }), word), { maxLength: 5 }), fc.array(flag, { maxLength: 3 }), (slots, trailing) => {
        const argv = [...slots.flatMap(([flags, w]) => [...flags.flat(), w]), ...trailing.flat()];
        const words = slots.map(([, w]) => w);
        expect(parseArgv(argv, DEFS).args).toEqual(words);
        expect(positionalWords(argv, DEFS)).toEqual(words);
      }),
    );
  });
});
