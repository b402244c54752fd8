import { describe, expect, it } from 'vitest';
import { sessionWith, transcript } from '../testing/transcript';
import { columns, lsDate } from './ls';

const GREEK = 'a alpha b beta c chi dd delta eee epsilon eta ffff gamma iota kappa lambda-long-name mu nu omega omicron phi pi psi rho sigma tau theta upsilon xi zeta'.split(' ');

describe('ls', () => {
  it.each([
    [80, 'a      c      eee      gamma\t\t mu\t  phi  sigma\txi\nalpha  chi    epsilon  iota\t\t nu\t  pi   tau\tzeta\nb      dd     eta      kappa\t\t omega\t  psi  theta\nbeta   delta  ffff     lambda-long-name  omicron  rho  upsilon\n'],
    [40, 'a\t eta\t\t   phi\nalpha\t ffff\t\t   pi\nb\t gamma\t\t   psi\nbeta\t iota\t\t   rho\nc\t kappa\t\t   sigma\nchi\t lambda-long-name  tau\ndd\t mu\t\t   theta\ndelta\t nu\t\t   upsilon\neee\t omega\t\t   xi\nepsilon  omicron\t   zeta\n'],
  ])('lays names out in columns like GNU ls -C -w %i', (width, expected) => {
    expect(columns(GREEK, width)).toBe(expected);
  });

  it('prints columns on the terminal and one name per line into a pipe', () => {
    const s = sessionWith({ '/d/b.yaml': '', '/d/a.yaml': 'x', '/d/.hidden': '' });
    expect(s.execute('ls /d').output).toBe('a.yaml\tb.yaml\n');
    expect(s.execute('ls /d | cat').output).toBe('a.yaml\nb.yaml\n');
    expect(s.execute('ls -a /d | cat').output).toBe('.\n..\n.hidden\na.yaml\nb.yaml\n');
    expect(s.execute('ls -1 /d').output).toBe('a.yaml\nb.yaml\n');
  });

  it('prints the long format with sizes aligned and the virtual mtime', () => {
    const s = sessionWith({ '/d/small': 'x', '/d/big.yaml': 'y'.repeat(1234) });
    s.execute('mkdir /d/sub');
    expect(transcript(s, ['ls -l /d', 'ls -ld /d/sub', 'ls nope /d/small'])).toBe(
      `controlplane:~$ ls -l /d
total 12
-rw-r--r-- 1 root root 1234 Jan 15 09:00 big.yaml
-rw-r--r-- 1 root root    1 Jan 15 09:00 small
drwxr-xr-x 2 root root 4096 Jan 15 09:00 sub
controlplane:~$ ls -ld /d/sub
drwxr-xr-x 2 root root 4096 Jan 15 09:00 /d/sub
controlplane:~$ ls nope /d/small
ls: cannot access 'nope': No such file or directory
/d/small
`,
    );
  });

  it('lists several directories under headers', () => {
    const s = sessionWith({ '/x/1': '', '/y/2': '' });
    expect(s.execute('ls /x /y').output).toBe('/x:\n1\n\n/y:\n2\n');
  });

  it('shows the year instead of the time for files older than six months', () => {
    const jan = Date.UTC(2026, 0, 5, 7, 3);
    expect(lsDate(jan, jan + 1000)).toBe('Jan  5 07:03');
    expect(lsDate(jan, jan + 200 * 86_400_000)).toBe('Jan  5  2026');
  });
});
