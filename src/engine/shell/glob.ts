import { resolvePath, type Vfs } from './vfs/Vfs';

/** Whether `text` has an unquoted glob metacharacter. */
export function hasGlobChars(text: string): boolean {
  return /[*?[]/.test(text);
}

/**
 * Turns one path component of a glob (with `\` escapes for quoted characters) into a RegExp.
 * Returns undefined when the component has no wildcards (it is matched literally).
 */
export function globComponentToRegExp(pattern: string): RegExp | undefined {
  let re = '';
  let wild = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]!);
    } else if (c === '*') {
      re += '.*';
      wild = true;
    } else if (c === '?') {
      re += '.';
      wild = true;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      wild = true;
      i = end;
    } else re += escapeRe(c);
  }
  return wild ? new RegExp(`^${re}$`, 's') : undefined;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function unescapeGlob(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/**
 * Pathname expansion as bash does it: matches sorted, hidden names only when the pattern
 * component starts with `.`, relative patterns give relative results.
 */
export function globMatches(fs: Vfs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let paths: { fsPath: string; shown: string }[] = [{ fsPath: absolute ? '/' : cwd, shown: absolute ? '/' : '' }];
  for (const [index, comp] of components.entries()) {
    if (comp === '' && index === 0) continue;
    const re = globComponentToRegExp(comp);
    const next: typeof paths = [];
    for (const p of paths) {
      const join = (name: string) => ({
        fsPath: resolvePath(p.fsPath, name),
        shown: p.shown === '' ? name : p.shown.endsWith('/') ? `${p.shown}${name}` : `${p.shown}/${name}`,
      });
      if (!re) {
        const name = unescapeGlob(comp);
        const candidate = join(name);
        if (name === '.' || name === '..' || fs.exists(candidate.fsPath)) next.push(candidate);
        continue;
      }
      if (!fs.isDir(p.fsPath)) continue;
      for (const name of fs.readdir(p.fsPath)) {
        if (name.startsWith('.') && !comp.startsWith('.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    paths = next;
  }
  return paths.map((p) => p.shown).sort();
}
