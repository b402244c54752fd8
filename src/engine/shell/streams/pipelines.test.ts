import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '../CommandRegistry';
import { coreCommands } from '../machines';
import { ShellSession } from '../ShellSession';
import { sessionWith, transcript } from '../testing/transcript';

/** Runs `line`, then `echo ${PIPESTATUS[@]}`: the output and the stages' statuses. */
function withStatuses(s: ShellSession, line: string): { output: string; statuses: string } {
  const output = s.execute(line).output;
  return { output, statuses: s.execute('echo ${PIPESTATUS[@]}').output.trim() };
}

describe('pipelines end when their reader does (SIGPIPE)', () => {
  it('cat /dev/zero | head -c 5 | od -c prints two lines and ends; cat is killed by SIGPIPE', () => {
    const s = sessionWith();
    expect(withStatuses(s, 'cat /dev/zero | head -c 5 | od -c')).toEqual({ output: '0000000  \\0  \\0  \\0  \\0  \\0\n0000005\n', statuses: '141 0 0' });
  });

  it('yes | head -3: three lines, PIPESTATUS 141 0, status 0, or 141 with pipefail', () => {
    const s = sessionWith();
    expect(transcript(s, ['yes | head -3', 'echo ${PIPESTATUS[@]} $?', 'set -o pipefail', 'yes | head -3 >/dev/null', 'echo $? ${PIPESTATUS[0]}', 'set +o pipefail', 'yes | head -1 >/dev/null; echo $?'])).toBe(`controlplane:~$ yes | head -3
y
y
y
controlplane:~$ echo \${PIPESTATUS[@]} $?
141 0 0
controlplane:~$ set -o pipefail
controlplane:~$ yes | head -3 >/dev/null
controlplane:~$ echo $? \${PIPESTATUS[0]}
141 141
controlplane:~$ set +o pipefail
controlplane:~$ yes | head -1 >/dev/null; echo $?
0
`);
  });

  it('tr -dc a-z < /dev/urandom | head -c 8 gives eight letters', () => {
    const s = sessionWith();
    const r = withStatuses(s, 'tr -dc a-z < /dev/urandom | head -c 8; echo');
    expect(r.output).toMatch(/^[a-z]{8}\n$/);
    expect(withStatuses(s, 'tr -dc a-z < /dev/urandom | head -c 8').statuses).toBe('141 0');
  });

  it('cat /dev/urandom | tr -dc a-z0-9 | fold -w 12 | head -n 3: three 12-character lines, every writer killed', () => {
    const s = sessionWith();
    const r = withStatuses(s, "cat /dev/urandom | tr -dc 'a-z0-9' | fold -w 12 | head -n 3");
    expect(r.output).toMatch(/^([a-z0-9]{12}\n){3}$/);
    expect(r.statuses).toBe('141 141 141 0');
  });

  it('seq 1000000 | head -2 makes only what is read; a writer that fits in the pipe ends on its own', () => {
    const s = sessionWith();
    expect(withStatuses(s, 'seq 1000000 | head -2')).toEqual({ output: '1\n2\n', statuses: '141 0' });
    expect(withStatuses(s, 'seq 3 | head -1')).toEqual({ output: '1\n', statuses: '0 0' });
    // 60,000 bytes fit in the 64 KiB pipe; 70,000 do not, and the writer is killed.
    expect(withStatuses(s, 'head -c 60000 /dev/zero | true').statuses).toBe('0 0');
    expect(withStatuses(s, 'head -c 70000 /dev/zero | true').statuses).toBe('141 0');
    // A command that ran to its end first: sort's 588,895 bytes did not fit either.
    expect(withStatuses(s, 'seq 100000 | sort | head -1')).toEqual({ output: '1\n', statuses: '0 141 0' });
  });

  it('a reader that reads nothing still kills an endless writer; a failing writer keeps its status and message', () => {
    const s = sessionWith();
    expect(withStatuses(s, 'yes | echo hi')).toEqual({ output: 'hi\n', statuses: '141 0' });
    expect(withStatuses(s, 'yes | tr y n | true').statuses).toBe('141 141 0');
    expect(withStatuses(s, 'cat nofile | head -1')).toEqual({ output: 'cat: nofile: No such file or directory\n', statuses: '1 0' });
    expect(withStatuses(s, 'true | false | true').statuses).toBe('0 1 0');
    expect(transcript(s, ['! yes | head -1 >/dev/null; echo $? ${PIPESTATUS[@]}'])).toContain('\n1 141 0\n');
  });

  it('a line filter between stages filters as lines come (yes | grep y | head -2); its status is the whole stream\'s', () => {
    const s = sessionWith();
    expect(withStatuses(s, 'yes | grep y | head -2')).toEqual({ output: 'y\ny\n', statuses: '141 141 0' });
    expect(withStatuses(s, 'seq 12 | grep 1 | cat')).toEqual({ output: '1\n10\n11\n12\n', statuses: '0 0 0' });
    expect(withStatuses(s, 'seq 10 | grep x')).toEqual({ output: '', statuses: '0 1' });
    expect(withStatuses(s, 'seq 10 | grep -c 1')).toEqual({ output: '2\n', statuses: '0 0' });
    // A filter goes at its input's pace, behind its reader: its next write meets the closed pipe,
    // as bash 5.2 shows every time; the source it stopped reading had more than a pipe holds.
    expect(withStatuses(s, 'seq 100000 | grep 99 | head -3')).toEqual({ output: '99\n199\n299\n', statuses: '141 141 0' });
    // One that ends without writing again keeps its status.
    expect(withStatuses(s, 'seq 5 | grep 1 | head -c 1')).toEqual({ output: '1', statuses: '0 0 0' });
  });

  it('read, head and groups share the pipe: each takes what it reads', () => {
    const s = sessionWith();
    expect(withStatuses(s, 'yes | while read l; do echo $l; break; done')).toEqual({ output: 'y\n', statuses: '141 0' });
    expect(withStatuses(s, 'seq 5 | { read a; read b; echo $b $a; cat; }')).toEqual({ output: '2 1\n3\n4\n5\n', statuses: '0 0' });
  });

  it('"${PIPESTATUS[@]}" is one field per stage; ${#PIPESTATUS[@]}, ${PIPESTATUS[1]} and $PIPESTATUS', () => {
    const s = sessionWith();
    s.execute('yes | head -1 | cat >/dev/null');
    expect(s.execute('for x in "${PIPESTATUS[@]}"; do echo "[$x]"; done').output).toBe('[141]\n[0]\n[0]\n');
    s.execute('yes | head -1 >/dev/null');
    expect(s.execute('echo ${#PIPESTATUS[@]} ${PIPESTATUS[1]} $PIPESTATUS ${PIPESTATUS[7]}.').output).toBe('2 0 141 .\n');
    expect(s.execute('echo ${PIPESTATUS[@]}').output).toBe('0\n');
  });
});

describe('set -o', () => {
  it('knows pipefail; a name no shell has is bash\'s error (status 2); set -e is an option like it', () => {
    const s = sessionWith();
    expect(transcript(s, ['set -o nonsense; echo $?', 'set -e; echo $?'])).toBe(`controlplane:~$ set -o nonsense; echo $?
bash: set: nonsense: invalid option name
2
controlplane:~$ set -e; echo $?
0
`);
  });

  it('dash has no pipefail and no arrays, in its own words', () => {
    const s = sessionWith();
    s.execute('sh');
    expect(transcript(s, ['set -o pipefail', 'echo ${PIPESTATUS[@]}'])).toBe(`# set -o pipefail
sh: 1: set: Illegal option -o pipefail
# echo \${PIPESTATUS[@]}
sh: 2: Bad substitution
`);
  });
});

describe('commands that never end by themselves', () => {
  it('a reader of all of an endless pipe blocks until Ctrl+C (yes | wc -l, yes | sort)', () => {
    for (const line of ['yes | wc -l', 'cat /dev/zero | sort', "tr -d '\\0' < /dev/zero | head -c 1", 'yes | grep n | head -1']) {
      const s = new ShellSession({ now: () => 0 });
      const r = s.execute(line);
      expect(r, line).toMatchObject({ running: true, output: '' });
      expect(s.poll().output, line).toBe('');
      expect(s.interrupt(), line).toMatchObject({ output: '^C\n', exitCode: 130 });
    }
  });

  it('od of an endless pipe prints its first line, then * for the repeats, and runs on', () => {
    const s = new ShellSession({ now: () => 0 });
    expect(s.execute('yes | cat | tr -d y | od -c')).toMatchObject({ running: true, output: `0000000${'  \\n'.repeat(16)}\n*\n` });
    expect(s.poll().output).toBe('');
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130 });
  });

  it('yes to the terminal writes on each poll until Ctrl+C', () => {
    const s = new ShellSession({ now: () => 0 });
    const r = s.execute('yes kubelab');
    expect(r.running).toBe(true);
    expect(r.output).toMatch(/^(kubelab\n)+$/);
    expect(s.poll().output).toMatch(/^(kubelab\n)+$/);
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130 });
  });

  it('GNU yes rejects options; -- ends them; busybox prints them', () => {
    const s = sessionWith();
    expect(s.execute('yes -x | head -1').output).toBe("yes: invalid option -- 'x'\nTry 'yes --help' for more information.\n");
    expect(s.execute('yes -- -x a | head -1').output).toBe('-x a\n');
  });
});

describe('bytes 0x80-0xff', () => {
  it('/dev/urandom gives every byte value; wc -c, head -c, od and base64 count bytes', () => {
    const s = sessionWith();
    expect(s.execute('head -c 16 /dev/urandom | wc -c').output).toBe('16\n');
    expect(s.execute('head -c 16 /dev/urandom | base64 | base64 -d | wc -c').output).toBe('16\n');
    expect(s.execute('head -c 16 /dev/urandom | base64').output).toMatch(/^[A-Za-z0-9+/]{22}==\n$/);
    expect(s.execute('od -An -tx1 -N8 /dev/urandom').output).toMatch(/^( [0-9a-f]{2}){8}\n$/);
    const bytes = s.execute('head -c 4096 /dev/urandom | od -An -tu1 -v').output.trim().split(/\s+/).map(Number);
    expect(bytes).toHaveLength(4096);
    expect(Math.max(...bytes)).toBeGreaterThan(0xf0);
    expect(bytes.filter((b) => b >= 0x80).length).toBeGreaterThan(1500);
  });

  it('printf octal escapes are bytes; bytes that make UTF-8 are that character; others show as U+FFFD', () => {
    const s = sessionWith();
    expect(s.execute("printf '\\303\\251\\n' | grep é").output).toBe('é\n');
    expect(s.execute("printf '\\377' | wc -c").output).toBe('1\n');
    expect(s.execute("printf 'a\\377b\\n'").output).toBe('a\ufffdb\n');
    expect(s.execute("printf 'é' | head -c 1 | od -An -tx1").output).toBe(' c3\n');
    expect(s.execute("printf '\\377\\376' | od -An -td1 -tu1").output).toBe('   -1   -2\n  255  254\n');
  });
});

describe('registries', () => {
  it('a command copied into another registry (a container from the node tools) stays a stream command and a line filter', () => {
    const core = coreCommands();
    const copy = new CommandRegistry().register('yes', core.get('yes')!, { dir: '/bin' }).register('grep', core.get('grep')!, { dir: '/bin' });
    expect(copy.streamOf('yes')).toBe(core.streamOf('yes'));
    expect(copy.streamsLines(['grep', 'web'])).toBe(true);
    expect(copy.register('yes', () => 0).streamOf('yes')).toBeUndefined();
  });
});
