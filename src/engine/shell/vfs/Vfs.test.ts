import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basename, dirname, resolvePath, Vfs, VfsError, type VfsChange } from './Vfs';

describe('Vfs', () => {
  it('reads, writes, appends and lists', () => {
    const fs = new Vfs(() => 42);
    fs.mkdir('/a/b', true);
    fs.writeFile('/a/b/f', 'x');
    fs.appendFile('/a/b/f', 'y');
    expect(fs.readFile('/a/b/f')).toBe('xy');
    expect(fs.stat('/a/b/f')).toEqual({ kind: 'file', size: 2, mtime: 42 });
    expect(fs.readdir('/a')).toEqual(['b']);
    expect(fs.listFiles('/')).toEqual(['/a/b/f']);
  });

  it.each([
    ['read a missing file', (fs: Vfs) => fs.readFile('/nope'), 'ENOENT'],
    ['read a directory', (fs: Vfs) => fs.readFile('/d'), 'EISDIR'],
    ['write under a missing directory', (fs: Vfs) => fs.writeFile('/nope/f', ''), 'ENOENT'],
    ['write under a file', (fs: Vfs) => fs.writeFile('/f/x', ''), 'ENOTDIR'],
    ['mkdir an existing directory', (fs: Vfs) => fs.mkdir('/d'), 'EEXIST'],
    ['remove a non-empty directory', (fs: Vfs) => fs.remove('/d'), 'ENOTEMPTY'],
    ['move a directory into itself', (fs: Vfs) => fs.rename('/d', '/d/e'), 'EINVAL'],
  ])('fails to %s with the POSIX code', (_what, op, code) => {
    const fs = new Vfs();
    fs.mkdir('/d');
    fs.writeFile('/d/inner', '');
    fs.writeFile('/f', '');
    expect(() => op(fs)).toThrow(VfsError);
    try {
      op(fs);
    } catch (e) {
      expect((e as VfsError).code).toBe(code);
    }
  });

  it('tells listeners about every change (the editor follows files with this)', () => {
    const fs = new Vfs();
    const seen: VfsChange[] = [];
    const off = fs.onChange((c) => seen.push(c));
    fs.mkdir('/d');
    fs.writeFile('/d/f', '1');
    fs.rename('/d/f', '/d/g');
    fs.remove('/d/g');
    off();
    fs.writeFile('/x', '');
    expect(seen).toEqual([
      { type: 'mkdir', path: '/d' },
      { type: 'write', path: '/d/f' },
      { type: 'remove', path: '/d/f' },
      { type: 'write', path: '/d/g' },
      { type: 'remove', path: '/d/g' },
    ]);
  });

  it('normalises paths', () => {
    expect(resolvePath('/root', '../etc/./hosts')).toBe('/etc/hosts');
    expect(resolvePath('/root', '/a//b/')).toBe('/a/b');
    expect(resolvePath('/', '..')).toBe('/');
    expect([dirname('/a/b'), dirname('/a'), basename('/a/b/'), basename('/')]).toEqual(['/a', '/', 'b', '/']);
  });

  it('resolved paths are absolute and free of . and .. segments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '..', '', 'c.d'), { maxLength: 12 }), fc.boolean(), (parts, absolute) => {
        const p = resolvePath('/x/y', `${absolute ? '/' : ''}${parts.join('/')}`);
        expect(p.startsWith('/')).toBe(true);
        expect(p.split('/').slice(1).filter((s) => s === '.' || s === '..' || (s === '' && p !== '/'))).toEqual([]);
      }),
    );
  });
});
