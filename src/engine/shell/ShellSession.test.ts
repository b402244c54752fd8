import { describe, expect, it } from 'vitest';
import { CommandRegistry } from './CommandRegistry';
import { busyboxContainer, debianContainer } from './machines';
import { ShellSession } from './ShellSession';
import { sessionWith, transcript } from './testing/transcript';
import { waitUntil } from './tools/sysTools';
import type { Command, Job } from './types';

describe('ShellSession transcripts', () => {
  it('prints the control-plane prompt, output and bash errors', () => {
    const s = sessionWith();
    expect(transcript(s, ['echo hello', 'kubectrl get pods', 'echo $?', 'cd nope', 'cat nope', 'pwd'])).toBe(
      `controlplane:~$ echo hello
hello
controlplane:~$ kubectrl get pods
bash: kubectrl: command not found
controlplane:~$ echo $?
127
controlplane:~$ cd nope
bash: cd: nope: No such file or directory
controlplane:~$ cat nope
cat: nope: No such file or directory
controlplane:~$ pwd
/root
`,
    );
  });

  it('follows cd into the prompt, with cd - and ~', () => {
    const s = sessionWith();
    expect(transcript(s, ['mkdir -p a/b', 'cd a/b', 'cd /tmp', 'cd -', 'cd ~', 'cd /'])).toBe(
      `controlplane:~$ mkdir -p a/b
controlplane:~$ cd a/b
controlplane:~/a/b$ cd /tmp
controlplane:/tmp$ cd -
/root/a/b
controlplane:~/a/b$ cd ~
controlplane:~$ cd /
controlplane:/$ `.slice(0, -'controlplane:/$ '.length),
    );
    expect(s.prompt()).toBe('controlplane:/$ ');
  });

  it('keeps variables, exports and per-command assignments apart', () => {
    const s = sessionWith();
    expect(transcript(s, ['X=1', 'X=2 env | grep ^X=', 'echo $X', 'export X', 'env | grep ^X=', 'unset X; echo "[$X]"'])).toBe(
      `controlplane:~$ X=1
controlplane:~$ X=2 env | grep ^X=
X=2
controlplane:~$ echo $X
1
controlplane:~$ export X
controlplane:~$ env | grep ^X=
X=1
controlplane:~$ unset X; echo "[$X]"
[]
`,
    );
  });

  it('words syntax errors as bash does and sets status 2', () => {
    const s = sessionWith();
    const table: [string, string][] = [
      ['| grep x', "bash: syntax error near unexpected token `|'\n"],
      ['echo a ;; echo b', "bash: syntax error near unexpected token `;;'\n"],
      ['echo >', "bash: syntax error near unexpected token `newline'\n"],
      ['&& ls', "bash: syntax error near unexpected token `&&'\n"],
      ['echo a | | b', "bash: syntax error near unexpected token `|'\n"],
      ['( )', "bash: syntax error near unexpected token `)'\n"],
    ];
    for (const [line, error] of table) {
      const r = s.execute(line);
      expect(r.output, line).toBe(error);
      expect(r.exitCode, line).toBe(2);
    }
  });

  it('asks for more input (PS2) until a heredoc is closed, then pipes it', () => {
    const seen: string[] = [];
    const s = sessionWith();
    s.commands.register('kubectl', (ctx) => {
      seen.push(ctx.stdin);
      ctx.stdout('deployment.apps/web created\n');
      return 0;
    });
    const lines = ['cat <<EOF | kubectl apply -f -', 'kind: Deployment', 'metadata:', '  name: $NAME', 'EOF'];
    s.execute('NAME=web');
    const results = lines.map((l) => s.execute(l));
    expect(results.slice(0, 4).map((r) => [r.needsMoreInput, r.prompt])).toEqual(Array(4).fill([true, '> ']));
    expect(results[4]).toMatchObject({ output: 'deployment.apps/web created\n', exitCode: 0, prompt: 'controlplane:~$ ' });
    expect(seen).toEqual(['kind: Deployment\nmetadata:\n  name: web\n']);
    expect(s.history.at(-1)).toBe(lines.join('\n'));
  });

  it('continues quotes, trailing pipes and backslash-newline over lines', () => {
    const s = sessionWith();
    expect(transcript(s, ['echo "a', 'b"', 'echo one |', 'cat', 'echo x \\', 'y'])).toBe(
      `controlplane:~$ echo "a
> b"
a
b
controlplane:~$ echo one |
> cat
one
controlplane:~$ echo x \\
> y
x y
`,
    );
  });

  it('reports an unfinished line at end of input, and Ctrl+C abandons it', () => {
    const s = sessionWith();
    s.execute("echo 'abc");
    expect(s.endOfInput()).toMatchObject({ output: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 });
    s.execute('echo a |');
    expect(s.endOfInput().output).toBe('bash: syntax error: unexpected end of file\n');
    s.execute('cat <<EOF');
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130, prompt: 'controlplane:~$ ' });
  });

  it('announces background jobs and reports them done at the next prompt', () => {
    const s = sessionWith({}, { firstPid: 4000 });
    expect(transcript(s, ['sleep 10 &', 'false &', 'sleep 20', 'echo $!'])).toBe(
      `controlplane:~$ sleep 10 &
[1] 4001
controlplane:~$ false &
[2] 4002
[2]+  Exit 1                  false
controlplane:~$ sleep 20
[1]+  Done                    sleep 10
controlplane:~$ echo $!
4002
`,
    );
  });

  it('waits for background jobs with wait, moving time on the command line', () => {
    const s = sessionWith({}, { firstPid: 7 });
    expect(transcript(s, ['sleep 30 & sleep 10 &', 'wait; date +%T', 'PS1="\\u@\\h \\W> "'])).toBe(
      `controlplane:~$ sleep 30 & sleep 10 &
[1] 8
[2] 9
controlplane:~$ wait; date +%T
09:00:30
[1]-  Done                    sleep 30
[2]+  Done                    sleep 10
controlplane:~$ PS1="\\u@\\h \\W> "
`,
    );
    expect(s.prompt()).toBe('root@controlplane ~> ');
  });

  it('advances its own clock for sleep on the command line', () => {
    const s = sessionWith();
    expect(transcript(s, ['date', 'sleep 90; date', 'date +%F']).split('\n').filter((l) => !l.startsWith('controlplane'))).toEqual([
      'Thu Jan 15 09:00:00 UTC 2026',
      'Thu Jan 15 09:01:30 UTC 2026',
      '2026-01-15',
      '',
    ]);
  });

  it('runs long commands as jobs when time flows outside (browser): poll, then Ctrl+C', () => {
    let now = 1_000_000;
    const s = sessionWith({}, { now: () => now });
    const r = s.execute('sleep 5; echo woke');
    expect(r).toMatchObject({ running: true, output: '' });
    now += 4000;
    expect(s.poll()).toMatchObject({ running: true, output: '' });
    now += 1000;
    expect(s.poll()).toMatchObject({ output: 'woke\n', exitCode: 0 });
    expect(s.poll().running).toBeUndefined();

    s.execute('sleep 100; echo never');
    expect(s.isRunning).toBe(true);
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130 });
    now += 200_000;
    expect(s.poll().output).toBe('');
  });

  it('keeps the browser responsive in a runaway loop: it pauses for polls and Ctrl+C stops it', () => {
    const s = sessionWith({}, { now: () => 0 });
    const r = s.execute('while true; do echo y > /dev/null; done');
    expect(r.running).toBe(true);
    expect(s.poll().running).toBe(true);
    expect(s.interrupt()).toMatchObject({ output: '^C\n', exitCode: 130 });
  });

  it('stops a runaway loop on the command line, where nothing could interrupt it', () => {
    const s = sessionWith();
    expect(s.execute('while true; do :; done; echo not reached')).toMatchObject({ output: 'kubelab: loop stopped after 100000 iterations\n', exitCode: 1 });
  });

  it('streams a job that writes as time passes and waits for outside events', () => {
    let now = 0;
    let released = false;
    const watch: Command = (ctx) => {
      let sent = 0;
      const job: Job = {
        poll: (t) => {
          while (sent < Math.floor(t / 1000)) ctx.stdout(`event ${++sent}\n`);
          return undefined;
        },
        wakeAt: () => undefined,
        interrupt: () => {
          released = true;
        },
      };
      return { exitCode: 0, job };
    };
    const s = sessionWith({}, { now: () => now });
    s.commands.register('watch-things', watch);
    expect(s.execute('watch-things').running).toBe(true);
    now = 2500;
    expect(s.poll()).toMatchObject({ output: 'event 1\nevent 2\n', running: true });
    expect(s.interrupt().output).toBe('^C\n');
    expect(released).toBe(true);
    expect(s.execute('echo $?').output).toBe('130\n');
  });

  it('enters another machine (kubectl exec -it ... -- bash) and exit pops back', () => {
    const s = sessionWith({}, { firstPid: 10 });
    const jump = debianContainer({ hostname: 'jump', now: () => 0 });
    const busybox = busyboxContainer({ hostname: 'busybox', now: () => 0 });
    s.commands.register('enter', (ctx) => {
      ctx.shell.enter(ctx.argv[1] === 'busybox' ? busybox : jump);
      return 0;
    });
    expect(transcript(s, ['enter jump', 'hostname', 'kubectrl', 'exit 3', 'echo $?', 'enter busybox', 'foo', 'cd /nope', 'cat nope', 'exit'])).toBe(
      `controlplane:~$ enter jump
root@jump:/# hostname
jump
root@jump:/# kubectrl
bash: kubectrl: command not found
root@jump:/# exit 3
exit
controlplane:~$ echo $?
3
controlplane:~$ enter busybox
/ # foo
sh: foo: not found
/ # cd /nope
sh: cd: can't cd to /nope: No such file or directory
/ # cat nope
cat: can't open 'nope': No such file or directory
/ # exit
`,
    );
    expect(s.prompt()).toBe('controlplane:~$ ');
  });

  it('runs a command on another machine without entering it (kubectl exec pod -- cat)', () => {
    const s = sessionWith();
    const pod = debianContainer({ hostname: 'jump', now: () => 0 });
    pod.fs.writeFile('/etc/resolv.conf', 'nameserver 10.96.0.10\n');
    s.commands.register('podexec', (ctx) => ctx.shell.runOn(pod, ctx.argv.slice(1), ctx.stdin));
    expect(transcript(s, ['podexec cat /etc/resolv.conf | grep name', 'podexec nope'])).toBe(
      `controlplane:~$ podexec cat /etc/resolv.conf | grep name
nameserver 10.96.0.10
controlplane:~$ podexec nope
bash: nope: command not found
`,
    );
  });

  it('opens files in the editor and clears the screen', () => {
    const s = sessionWith();
    expect(s.execute('vim web.yaml')).toMatchObject({ exitCode: 0, openInEditor: { path: '/root/web.yaml', machine: 'controlplane' } });
    expect(s.execute('clear').clear).toBe(true);
    expect(s.execute('echo x').clear).toBeUndefined();
  });

  it('keeps history and prints it like bash', () => {
    const s = sessionWith();
    s.execute('echo a');
    s.execute('   ');
    s.execute('ls');
    expect(s.execute('history').output).toBe('    1  echo a\n    2  ls\n    3  history\n');
    expect(s.execute('history 1').output).toBe('    4  history 1\n');
  });

  it('lets other areas register commands and completers per machine', () => {
    const registry = new CommandRegistry();
    registry.register('kubectl', () => 0, { dir: '/usr/local/bin', complete: () => ['get', 'describe'] });
    expect(registry.pathOf('kubectl')).toBe('/usr/local/bin/kubectl');
    const s = new ShellSession();
    s.commands.register('kubectl', () => 0, { dir: '/usr/local/bin', complete: (words) => (words.length === 2 ? ['get', 'describe', 'delete'] : ['pods', 'services']) });
    expect(s.execute('which kubectl').output).toBe('/usr/local/bin/kubectl\n');
    expect(s.execute('type kubectl cd').output).toBe('kubectl is /usr/local/bin/kubectl\ncd is a shell builtin\n');
    expect(s.complete('kubectl de')).toEqual({ replaceFrom: 8, candidates: ['delete', 'describe'] });
    expect(s.complete('kubectl get po')).toEqual({ replaceFrom: 12, candidates: ['pods '] });
  });

  it('a command that throws reports the error instead of crashing the terminal', () => {
    const s = sessionWith();
    s.commands.register('buggy', () => {
      throw new Error('boom');
    });
    expect(s.execute('buggy; echo after')).toMatchObject({ output: 'buggy: boom\nafter\n', exitCode: 0 });
  });

  it('abandons the whole line on an expansion error, as interactive bash does', () => {
    const s = sessionWith();
    expect(s.execute('echo before; echo $((1/0)); echo after')).toMatchObject({ output: 'before\nbash: 1/0: division by 0 (error token is "0")\n', exitCode: 1 });
    expect(s.execute('echo $((1 +))').output).toBe('bash: 1 +: syntax error: operand expected (error token is "+")\n');
    expect(s.execute('echo ${NOPE?is required}; echo after').output).toBe('bash: NOPE: is required\n');
  });

  it('joins the seed chapter\'s backslash-continued kubectl command into one argv', () => {
    const s = sessionWith();
    const argvs: string[][] = [];
    s.commands.register('kubectl', (ctx) => (argvs.push(ctx.argv), 0));
    const r = ['kubectl create deployment alpaca-prod \\', '--image=gcr.io/kuar-demo/kuard-amd64:blue \\', '--port=8080'].map((l) => s.execute(l));
    expect(r.map((x) => x.needsMoreInput ?? false)).toEqual([true, true, false]);
    expect(argvs).toEqual([['kubectl', 'create', 'deployment', 'alpaca-prod', '--image=gcr.io/kuar-demo/kuard-amd64:blue', '--port=8080']]);
  });

  it('exit on the login shell ends the session', () => {
    const s = sessionWith();
    expect(s.execute('exit')).toMatchObject({ output: 'exit\n', ended: true, exitCode: 0 });
  });

  it('waitUntil finishes at its deadline only', () => {
    const job = waitUntil(100);
    expect([job.poll(99), job.poll(100), job.wakeAt()]).toEqual([undefined, 0, 100]);
  });
});
