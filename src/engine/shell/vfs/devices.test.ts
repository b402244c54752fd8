import { describe, expect, it } from 'vitest';
import { sessionWith, transcript } from '../testing/transcript';
import { EndlessRead, Vfs } from './Vfs';

describe('character devices', () => {
  it('lists runc\'s devices as ls -l does: c mode, root, MAJOR, MINOR in the size column, total 0', () => {
    const s = sessionWith({ '/etc/big': 'y'.repeat(12345) });
    expect(transcript(s, ['ls -l /dev', 'ls -l /dev/null /etc/big', 'ls /dev | cat'])).toBe(`controlplane:~$ ls -l /dev
total 0
lrwxrwxrwx 1 root root   13 Jan 15 09:00 fd -> /proc/self/fd
crw-rw-rw- 1 root root 1, 7 Jan 15 09:00 full
crw-rw-rw- 1 root root 1, 3 Jan 15 09:00 null
crw-rw-rw- 1 root root 1, 8 Jan 15 09:00 random
lrwxrwxrwx 1 root root   15 Jan 15 09:00 stderr -> /proc/self/fd/2
lrwxrwxrwx 1 root root   15 Jan 15 09:00 stdin -> /proc/self/fd/0
lrwxrwxrwx 1 root root   15 Jan 15 09:00 stdout -> /proc/self/fd/1
crw-rw-rw- 1 root root 5, 0 Jan 15 09:00 tty
crw-rw-rw- 1 root root 1, 9 Jan 15 09:00 urandom
crw-rw-rw- 1 root root 1, 5 Jan 15 09:00 zero
controlplane:~$ ls -l /dev/null /etc/big
crw-rw-rw- 1 root root  1, 3 Jan 15 09:00 /dev/null
-rw-r--r-- 1 root root 12345 Jan 15 09:00 /etc/big
controlplane:~$ ls /dev | cat
fd
full
null
random
stderr
stdin
stdout
tty
urandom
zero
`);
  });

  it('reads /dev/null as an empty file and discards what is written to it', () => {
    const s = sessionWith();
    expect(transcript(s, ['cat /dev/null; echo rc=$?', 'wc -c < /dev/null', 'wc -l /dev/null', 'echo hi > /dev/null; cat /dev/null | wc -c', 'cp /dev/null /tmp/empty; wc -c /tmp/empty', 'grep x /dev/null; echo $?', 'echo kept | tee /dev/null /tmp/copy; cat /tmp/copy'])).toBe(`controlplane:~$ cat /dev/null; echo rc=$?
rc=0
controlplane:~$ wc -c < /dev/null
0
controlplane:~$ wc -l /dev/null
0 /dev/null
controlplane:~$ echo hi > /dev/null; cat /dev/null | wc -c
0
controlplane:~$ cp /dev/null /tmp/empty; wc -c /tmp/empty
0 /tmp/empty
controlplane:~$ grep x /dev/null; echo $?
1
controlplane:~$ echo kept | tee /dev/null /tmp/copy; cat /tmp/copy
kept
kept
`);
  });

  it('has the /dev links of the OCI runtime spec: ls shows them, stdin reads stdin, rm removes the link', () => {
    const s = sessionWith();
    expect(transcript(s, ['ls -l /dev/stdin', 'ls -F /dev | tr "\\n" " "', 'echo hi | cat /dev/stdin', 'echo hi | wc -c /dev/stdin', 'echo hi | cat < /dev/stdin', 'echo out > /dev/stdout', '[ -L /dev/stderr ] && [ ! -L /dev/null ] && echo links', 'rm /dev/stdin; ls /dev/stdin'])).toBe(`controlplane:~$ ls -l /dev/stdin
lrwxrwxrwx 1 root root 15 Jan 15 09:00 /dev/stdin -> /proc/self/fd/0
controlplane:~$ ls -F /dev | tr "\\n" " "
fd@ full null random stderr@ stdin@ stdout@ tty urandom zero controlplane:~$ echo hi | cat /dev/stdin
hi
controlplane:~$ echo hi | wc -c /dev/stdin
3 /dev/stdin
controlplane:~$ echo hi | cat < /dev/stdin
hi
controlplane:~$ echo out > /dev/stdout
out
controlplane:~$ [ -L /dev/stderr ] && [ ! -L /dev/null ] && echo links
links
controlplane:~$ rm /dev/stdin; ls /dev/stdin
ls: cannot access '/dev/stdin': No such file or directory
`);
  });

  it('tells devices apart in test: -c yes, -f and -d no', () => {
    const s = sessionWith();
    expect(s.execute('[ -c /dev/null ] && [ ! -f /dev/null ] && [ ! -d /dev/zero ] && [ -e /dev/tty ] && echo ok').output).toBe('ok\n');
    expect(s.execute('test -c /etc/hostname; echo $?').output).toBe('1\n');
  });

  it('gives head -c/-n what they ask of endless devices', () => {
    const s = sessionWith();
    expect(s.execute('head -c 5 /dev/zero | tr "\\0" z').output).toBe('zzzzz');
    expect(s.execute('head -c 16 < /dev/urandom | wc -c').output).toBe('16\n');
    expect(s.execute('head -c 30 /dev/urandom | base64 | wc -c').output).toBe('41\n');
    expect(s.execute('head -n 3 /dev/urandom | wc -l').output).toBe('3\n');
  });

  it('blocks a read to end of file of an endless device until Ctrl+C, as cat /dev/zero does', () => {
    const s = sessionWith();
    for (const line of ['cat /dev/zero', 'wc -c < /dev/urandom', 'head -n 1 /dev/zero', 'cat /dev/tty']) {
      const r = s.execute(line);
      expect(r.running, line).toBe(true);
      expect(s.interrupt().output).toBe('^C\n');
      expect(s.execute('echo $?').output).toBe('130\n');
    }
    // A command that does not read its stdin is not held up by it.
    expect(s.execute('echo hi < /dev/zero').output).toBe('hi\n');
  });

  it('refuses writes to /dev/full with ENOSPC, worded as the writing command\'s write error', () => {
    const s = sessionWith();
    expect(transcript(s, ['echo hi > /dev/full; echo rc=$?', 'cat /etc/hostname > /dev/full'])).toBe(`controlplane:~$ echo hi > /dev/full; echo rc=$?
bash: echo: write error: No space left on device
rc=1
controlplane:~$ cat /etc/hostname > /dev/full
cat: write error: No space left on device
`);
  });

  it('keeps devices out of listFiles (grep -r skips them) and reads them in the Vfs API', () => {
    const fs = new Vfs();
    fs.mkdir('/dev');
    fs.mknod('/dev/zero', 'zero');
    fs.mknod('/dev/null', 'null');
    fs.writeFile('/dev/notes', 'x');
    expect(fs.listFiles('/dev')).toEqual(['/dev/notes']);
    expect(fs.stat('/dev/zero')).toEqual({ kind: 'chr', size: 0, mtime: 0, rdev: { major: 1, minor: 5 } });
    expect(fs.readFile('/dev/zero', 3)).toBe('\0\0\0');
    expect(() => fs.readFile('/dev/zero')).toThrow(EndlessRead);
    fs.writeFile('/dev/null', 'gone');
    expect(fs.readFile('/dev/null')).toBe('');
    expect(fs.isEndless('/dev/null')).toBe(false);
    expect(fs.isEndless('/dev/zero')).toBe(true);
  });
});
