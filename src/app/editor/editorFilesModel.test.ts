import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closedFiles,
  closeTab,
  createFile,
  EMPTY_FILES,
  fileNameProblem,
  openTab,
  renameFile,
  restore,
  setText,
  uniqueFileName,
  type EditorFilesState,
} from './editorFilesModel';

const three = (): EditorFilesState => ({
  files: [
    { path: 'a.yaml', text: 'A' },
    { path: 'b.yaml', text: 'B' },
    { path: 'c.yaml', text: 'C' },
  ],
  openPaths: ['a.yaml', 'b.yaml', 'c.yaml'],
  activePath: 'b.yaml',
});

describe('fileNameProblem', () => {
  it.each([
    ['svc.yaml', null],
    ['', 'A file name is required.'],
    ['  ', 'A file name is required.'],
    [' x.yaml', 'A file name cannot start or end with a space.'],
    ['..', "'..' is not a file name."],
    ['dir/x.yaml', 'A file name cannot contain "/".'],
    ['a.yaml', 'A file named a.yaml already exists.'],
    ['x'.repeat(256), 'File name too long.'],
  ])('%j → %j', (name, problem) => {
    expect(fileNameProblem(name, ['a.yaml'])).toBe(problem);
  });

  it('lets a file keep its own name', () => {
    expect(fileNameProblem('a.yaml', ['a.yaml'], 'a.yaml')).toBeNull();
  });
});

describe('uniqueFileName', () => {
  it.each([
    ['web.yaml', [], 'web.yaml'],
    ['web.yaml', ['web.yaml'], 'web-1.yaml'],
    ['web.yaml', ['web.yaml', 'web-1.yaml'], 'web-2.yaml'],
    ['Makefile', ['Makefile'], 'Makefile-1'],
    ['.env', ['.env'], '.env-1'],
  ])('%s among %j → %s', (wanted, existing, expected) => {
    expect(uniqueFileName(wanted, existing)).toBe(expected);
  });
});

describe('tab operations', () => {
  it('creates a file after the active tab and focuses it', () => {
    const { state, path } = createFile(three(), 'a.yaml', 'new');
    expect(path).toBe('a-1.yaml');
    expect(state.openPaths).toEqual(['a.yaml', 'b.yaml', 'a-1.yaml', 'c.yaml']);
    expect(state.activePath).toBe('a-1.yaml');
  });

  it('closing the active tab brings its right neighbour forward, or the left one at the end', () => {
    expect(closeTab(three(), 'b.yaml')).toMatchObject({
      openPaths: ['a.yaml', 'c.yaml'],
      activePath: 'c.yaml',
    });
    const last = { ...three(), activePath: 'c.yaml' };
    expect(closeTab(last, 'c.yaml').activePath).toBe('b.yaml');
    expect(closeTab(three(), 'a.yaml').activePath).toBe('b.yaml');
  });

  it('closing keeps the file, which can be reopened', () => {
    const closed = closeTab(three(), 'a.yaml');
    expect(closed.files).toHaveLength(3);
    expect(closedFiles(closed)).toEqual(['a.yaml']);
    expect(openTab(closed, 'a.yaml')).toMatchObject({
      openPaths: ['b.yaml', 'c.yaml', 'a.yaml'],
      activePath: 'a.yaml',
    });
  });

  it('renames a file, its tab and the active path; refuses taken names', () => {
    const { state, problem } = renameFile(three(), 'b.yaml', 'svc.yaml');
    expect(problem).toBeNull();
    expect(state).toMatchObject({
      openPaths: ['a.yaml', 'svc.yaml', 'c.yaml'],
      activePath: 'svc.yaml',
    });
    expect(state.files.find((f) => f.path === 'svc.yaml')?.text).toBe('B');
    expect(renameFile(three(), 'b.yaml', 'c.yaml').problem).toBe(
      'A file named c.yaml already exists.',
    );
    expect(renameFile(three(), 'zz.yaml', 'y.yaml').problem).toBe('zz.yaml: No such file');
  });

  it('setText changes one file only', () => {
    expect(setText(three(), 'c.yaml', 'CC').files.map((f) => f.text)).toEqual(['A', 'B', 'CC']);
    expect(setText(three(), 'nope', 'x')).toEqual(three());
  });
});

describe('restore', () => {
  const files = [
    { path: 'b.yaml', text: '' },
    { path: 'a.yaml', text: '' },
  ];
  it('without a session opens every file by name', () => {
    expect(restore(files, null)).toMatchObject({
      openPaths: ['a.yaml', 'b.yaml'],
      activePath: 'a.yaml',
    });
  });
  it('drops tabs for files that are gone and ignores junk', () => {
    expect(
      restore(files, { openPaths: ['gone.yaml', 'b.yaml', 7, 'b.yaml'], activePath: 'gone.yaml' }),
    ).toMatchObject({
      openPaths: ['b.yaml'],
      activePath: 'b.yaml',
    });
    expect(restore(files, { openPaths: 'x' })).toMatchObject({ openPaths: ['a.yaml', 'b.yaml'] });
  });
});

type Op =
  | { op: 'create'; name: string }
  | { op: 'close'; i: number }
  | { op: 'open'; i: number }
  | { op: 'rename'; i: number; name: string };
const name = fc.constantFrom('a.yaml', 'b.yaml', 'svc.yaml', 'x', '', 'a/b');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), name }),
  fc.record({ op: fc.constant('close' as const), i: fc.nat(6) }),
  fc.record({ op: fc.constant('open' as const), i: fc.nat(6) }),
  fc.record({ op: fc.constant('rename' as const), i: fc.nat(6), name }),
);

describe('invariants under any sequence of operations', () => {
  it('paths stay unique, tabs name existing files once, and the active tab is open', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let s = EMPTY_FILES;
        for (const o of ops) {
          const pick = (i: number) => s.files[i % Math.max(1, s.files.length)]?.path ?? '';
          if (o.op === 'create') s = createFile(s, o.name || 'untitled.yaml', '').state;
          else if (o.op === 'close') s = closeTab(s, pick(o.i));
          else if (o.op === 'open') s = openTab(s, pick(o.i));
          else s = renameFile(s, pick(o.i), o.name).state;
          const all = s.files.map((f) => f.path);
          expect(new Set(all).size).toBe(all.length);
          expect(new Set(s.openPaths).size).toBe(s.openPaths.length);
          for (const p of s.openPaths) expect(all).toContain(p);
          if (s.activePath === null) expect(s.openPaths).toEqual([]);
          else expect(s.openPaths).toContain(s.activePath);
        }
      }),
    );
  });
});
