/**
 * `npx kubelab`: the command-line face of the same engine the browser runs. Its commands and
 * output are a public interface (lab authors and CI scripts rely on them): keep them stable.
 */
import { runBench } from './bench/runBench';
import { runLab } from './lab';
import { runShell } from './shell';
import { runTrace } from './trace';

const USAGE = `Usage: kubelab <command> [options]

Commands:
  shell     Run shell commands from standard input against a fresh simulated cluster and
            print the transcript (prompt, command, output), as the browser terminal shows it.
              --seed S      seed of the simulated cluster: its names and addresses
                            (default kubelab)
  trace     Apply manifests to a fresh cluster and print one request's path hop by hop:
              kubelab trace [-f MANIFEST ...] --from NAMESPACE/POD URL|HOST:PORT [--json]
  lab       Prove a guided lab: boot a fresh cluster, type each step's commands (the
            transcript as shell prints it), run the step's checks and print one line per
            check (check passed: RUN / check failed: RUN, with what was expected and got).
            Exit 1 if a check fails, 2 if the lab cannot be read.
              kubelab lab DIR [--seed S]    DIR holds lab.yaml (labs/01-cluster-dns)
  bench     Run the benchmarks and print a table of figures against their targets.
              --json        print the figures as JSON instead
              --only NAME   run only the benchmarks whose name contains NAME

Options:
  -h, --help  Show this help.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    case 'shell':
      return runShell(rest, process.stdin, process.stdout);
    case 'bench':
      return runBench(rest);
    case 'trace':
      return runTrace(rest);
    case 'lab':
      return runLab(rest, process.stdout, process.stderr);
    default:
      process.stderr.write(`kubelab: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

// A reader that stops early (`kubelab lab labs/x | head`) closes the pipe: end quietly, as a
// program killed by SIGPIPE does (status 128+13), instead of a stack trace for the write.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(141);
});

process.exitCode = await main(process.argv.slice(2));
