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

  // sh on the node is dash, as on Ubuntu: `sh: 0: cannot open ...`, exit 2 (dash 0.5.12 here).
  it('reads a script from a file or from standard input; exit in a script prints nothing', () => {
    const s = sessionWith({ 'hello.sh': 'echo hello from $PWD\nexit 7\necho never\n' });
    expect(transcript(s, ['bash hello.sh', 'echo $?', 'printf "echo piped\\n" | sh', 'sh nope.sh', 'echo $?'])).toBe(`controlplane:~$ bash hello.sh
hello from /root
controlplane:~$ echo $?
7
controlplane:~$ printf "echo piped\\n" | sh
piped
controlplane:~$ sh nope.sh
sh: 0: cannot open nope.sh: No such file
controlplane:~$ echo $?
2
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
bash: line 3: syntax error: unexpected end of file
controlplane:~$ printf 'echo )\\n' | bash
bash: line 1: syntax error near unexpected token \`)'
bash: line 1: \`echo )'
controlplane:~$ sh -c
sh: 0: -c requires an argument
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

// Each expectation below is what dash 0.5.12 (Debian's and Ubuntu's /bin/sh) printed when started as `sh`.
describe('sh is dash on Debian and Ubuntu machines', () => {
  it('numbers every error by its line, in scripts and at the prompt, and says what it expected', () => {
    const s = sessionWith({ 'x.sh': 'echo hi\n\nfoo\ncd /x\nif true\n' });
    const run = (line: string) => {
      const r = s.execute(line);
      return `${r.output}rc=${r.exitCode}\n`;
    };
    expect(run("sh -c 'if true'")).toBe('sh: 1: Syntax error: end of file unexpected (expecting "then")\nrc=2\n');
    expect(run("sh -c 'echo a; foo'")).toBe('a\nsh: 1: foo: not found\nrc=127\n');
    expect(run("sh -c 'cd /nope'")).toBe("sh: 1: cd: can't cd to /nope\nrc=2\n");
    expect(run("sh -c 'if true; fi'")).toBe('sh: 1: Syntax error: "fi" unexpected (expecting "then")\nrc=2\n');
    expect(run("sh -c $'echo a\\nfoo\\necho )'")).toBe('a\nsh: 2: foo: not found\nsh: 3: Syntax error: ")" unexpected\nrc=2\n');
    expect(run('sh x.sh')).toBe("hi\nx.sh: 3: foo: not found\nx.sh: 4: cd: can't cd to /x\nx.sh: 6: Syntax error: end of file unexpected (expecting \"then\")\nrc=2\n");
    expect(run("sh -c 'echo \"a'")).toBe('sh: 1: Syntax error: Unterminated quoted string\nrc=2\n');
    expect(run("sh -c 'for i in 1; do echo'")).toBe('sh: 1: Syntax error: end of file unexpected (expecting "done")\nrc=2\n');
    expect(run("sh -c '[ 1 -eq a ]'")).toBe('sh: 1: [: Illegal number: a\nrc=2\n');
    expect(run("sh -c '[ 1'")).toBe('sh: 1: [: missing ]\nrc=2\n');
    // No brace expansion; echo knows only a first -n and always reads backslash escapes.
    expect(run("sh -c 'echo {1..3}'")).toBe('{1..3}\nrc=0\n');
    expect(run(`sh -c 'echo -e "a\\tb"'`)).toBe('-e a\tb\nrc=0\n');
    expect(run(`sh -c 'echo -n x; echo "a\\cb"; echo'`)).toBe('xa\nrc=0\n');
  });

  // dash -i in a pty: `# ` for root, and the line count goes on from line to line, except for a line it could not parse.
  it('at a terminal: prompt `# `, errors numbered by the lines read', () => {
    const s = sessionWith();
    expect(transcript(s, ['sh', 'a1', 'fi', 'b2', 'cd /nope', 'if true', 'fi', 'b5', 'echo $0', 'exit'])).toBe(`controlplane:~$ sh
# a1
sh: 1: a1: not found
# fi
sh: 2: Syntax error: "fi" unexpected
# b2
sh: 2: b2: not found
# cd /nope
sh: 3: cd: can't cd to /nope
# if true
> fi
sh: 5: Syntax error: "fi" unexpected (expecting "then")
# b5
sh: 5: b5: not found
# echo $0
sh
# exit
`);
  });

  it('bash names the line outside a terminal: `bash: line N:` for -c and stdin, `FILE: line N:` for a script', () => {
    const s = sessionWith({ 'y.sh': 'true\nfoo\ncd /nope\n' });
    expect(transcript(s, ["bash -c $'echo a\\nfoo'", 'bash y.sh', "printf 'true\\nfoo\\n' | bash", 'foo'])).toBe(`controlplane:~$ bash -c $'echo a\\nfoo'
a
bash: line 2: foo: command not found
controlplane:~$ bash y.sh
y.sh: line 2: foo: command not found
y.sh: line 3: cd: /nope: No such file or directory
controlplane:~$ printf 'true\\nfoo\\n' | bash
bash: line 2: foo: command not found
controlplane:~$ foo
bash: foo: command not found
`);
  });
});

// bash 5.2.15 (interactive, and `bash -c` where aliases are off) and dash 0.5.12 on this machine.
describe('alias', () => {
  it('bash: defines, lists, shows, expands the command word at a terminal only; unalias; type', () => {
    const s = sessionWith();
    expect(transcript(s, ['alias ll="ls -d"', 'll /tmp', 'alias q="it\'s"', 'alias', 'alias nope', 'type ll', 'bash -c "ll /tmp"', 'unalias ll', 'unalias ll'])).toBe(`controlplane:~$ alias ll="ls -d"
controlplane:~$ ll /tmp
/tmp
controlplane:~$ alias q="it's"
controlplane:~$ alias
alias ll='ls -d'
alias q='it'\\''s'
controlplane:~$ alias nope
bash: alias: nope: not found
controlplane:~$ type ll
ll is aliased to \`ls -d'
controlplane:~$ bash -c "ll /tmp"
bash: line 1: ll: command not found
controlplane:~$ unalias ll
controlplane:~$ unalias ll
bash: unalias: ll: not found
`);
  });

  it('dash: lists in its hash-table order without the alias prefix, quotes with \'"\'"\', expands in scripts too', () => {
    const s = sessionWith();
    expect(transcript(s, [`sh -c 'alias ll="ls -d"; alias q="it'"'"'s"; alias; alias nope; type ll'`, `sh -c $'alias ll="ls -d"\\nll /tmp'`])).toBe(`controlplane:~$ sh -c 'alias ll="ls -d"; alias q="it'"'"'s"; alias; alias nope; type ll'
q='it'"'"'s'
ll='ls -d'
alias: nope not found
ll is an alias for ls -d
controlplane:~$ sh -c $'alias ll="ls -d"\\nll /tmp'
/tmp
`);
  });
});

// bash 5.2.15 in a pty and as `bash -c`, dash 0.5.12 as `sh -c`, on this machine.
describe('source and .', () => {
  it('run the file in this shell; errors inside name it outside a terminal; dash has only ., found on $PATH', () => {
    const s = sessionWith({ 'e.sh': 'X=5\nfoo\n' });
    expect(transcript(s, ['source e.sh', 'echo $X', 'source nope', 'echo rc=$?', 'source', 'echo rc=$?', 'bash -c "source e.sh; echo \\$X; source nope"', 'sh -c ". ./e.sh; echo \\$X; . nope"', 'sh -c ". e.sh"', 'sh -c "source e.sh"'])).toBe(`controlplane:~$ source e.sh
bash: foo: command not found
controlplane:~$ echo $X
5
controlplane:~$ source nope
bash: nope: No such file or directory
controlplane:~$ echo rc=$?
rc=1
controlplane:~$ source
bash: source: filename argument required
source: usage: source filename [arguments]
controlplane:~$ echo rc=$?
rc=2
controlplane:~$ bash -c "source e.sh; echo \\$X; source nope"
e.sh: line 2: foo: command not found
5
bash: line 1: nope: No such file or directory
controlplane:~$ sh -c ". ./e.sh; echo \\$X; . nope"
sh: 2: ./e.sh: foo: not found
5
sh: 1: .: nope: not found
controlplane:~$ sh -c ". e.sh"
sh: 1: .: e.sh: not found
controlplane:~$ sh -c "source e.sh"
sh: 1: source: not found
`);
  });
});
