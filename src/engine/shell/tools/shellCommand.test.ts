import { describe, expect, it } from 'vitest';
import { busyboxContainer } from '../machines';
import { ShellSession } from '../ShellSession';
import { sessionWith, transcript } from '../testing/transcript';

describe('sh and bash as commands', () => {
  it('runs -c scripts as the shell would: lists, expansions, exit status; the parent keeps its state', () => {
    const s = sessionWith();
    expect(transcript(s, ['export A=1; B=2', 'sh -c "echo a=$A b=\\$B; cd /tmp; X=3; exit 4"', 'echo $? $X; pwd', 'bash -c \'for i in 1 2; do echo $i; done\' && echo ok'])).toBe(`controlplane:~$ export A=1; B=2
controlplane:~$ sh -c "echo a=$A b=\\$B; cd /tmp; X=3; exit 4"
a=1 b=
controlplane:~$ echo $? $X; pwd
4
/root
controlplane:~$ bash -c 'for i in 1 2; do echo $i; done' && echo ok
1
2
ok
`);
  });

  it('reads a script from a file or from standard input; exit in a script prints nothing', () => {
    const s = sessionWith({ 'hello.sh': 'echo hello from $PWD\nexit 7\necho never\n' });
    expect(transcript(s, ['bash hello.sh', 'echo $?', 'printf "echo piped\\n" | sh', 'sh nope.sh', 'echo $?'])).toBe(`controlplane:~$ bash hello.sh
hello from /root
controlplane:~$ echo $?
7
controlplane:~$ printf "echo piped\\n" | sh
piped
controlplane:~$ sh nope.sh
sh: nope.sh: No such file or directory
controlplane:~$ echo $?
127
`);
  });

  // Each expectation below is what GNU bash 5.2.15 printed for the same input.
  it('words syntax errors as bash 5.2 does, after running the commands before the bad line', () => {
    const s = sessionWith({ 'half.sh': 'echo a\n\nif true\n', 'bad.sh': 'echo a\necho )\necho never\n' });
    expect(transcript(s, ['bash -c "if"', 'echo $?', 'bash -c "echo )"', "bash -c 'echo a; if'", "bash -c $'echo a\\necho b )'", 'bash half.sh', 'bash bad.sh', 'echo $?', "printf 'echo a\\nif\\n' | bash", "printf 'echo )\\n' | bash", 'sh -c'])).toBe(`controlplane:~$ bash -c "if"
bash: -c: line 2: syntax error: unexpected end of file
controlplane:~$ echo $?
2
controlplane:~$ bash -c "echo )"
bash: -c: line 1: syntax error near unexpected token \`)'
bash: -c: line 1: \`echo )'
controlplane:~$ bash -c 'echo a; if'
bash: -c: line 2: syntax error: unexpected end of file
controlplane:~$ bash -c $'echo a\\necho b )'
a
bash: -c: line 2: syntax error near unexpected token \`)'
bash: -c: line 2: \`echo b )'
controlplane:~$ bash half.sh
a
half.sh: line 4: syntax error: unexpected end of file
controlplane:~$ bash bad.sh
a
bad.sh: line 2: syntax error near unexpected token \`)'
bad.sh: line 2: \`echo )'
controlplane:~$ echo $?
2
controlplane:~$ printf 'echo a\\nif\\n' | bash
a
bash: syntax error: unexpected end of file
controlplane:~$ printf 'echo )\\n' | bash
bash: syntax error near unexpected token \`)'
bash: \`echo )'
controlplane:~$ sh -c
sh: -c: option requires an argument
`);
  });

  it('typed alone at a terminal, starts a nested shell that exit leaves', () => {
    const s = sessionWith();
    expect(transcript(s, ['bash', 'exit 3', 'echo $?'])).toBe('controlplane:~$ bash\ncontrolplane:~$ exit 3\nexit\ncontrolplane:~$ echo $?\n3\n');
  });

  it('busybox has sh but no bash', () => {
    const s = new ShellSession({ machine: busyboxContainer({ hostname: 'bb', now: () => 0 }) });
    expect(transcript(s, ['sh -c "echo in ash"', 'bash -c "echo no"'])).toBe('/ # sh -c "echo in ash"\nin ash\n/ # bash -c "echo no"\nsh: bash: not found\n');
  });
});
