import { imageBaseName } from './imageRef';
import { effectiveArgv, foreverPlan, runCommandLine } from './process';
import { postgresTime, redisTime } from './timeFormat';
import type { ImageProfile, Listener, ProcessPlan } from './types';

const log = (lines: string[]) => lines.map((line) => ({ atMs: 0, kind: 'log' as const, line }));

/** postgres refuses to initialise without a password: the entrypoint's exact complaint. */
const POSTGRES_NO_PASSWORD = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

export const postgresProfile: ImageProfile = {
  name: 'postgres',
  matches: (ref) => imageBaseName(ref) === 'postgres',
  shell: 'bash',
  tools: ['psql', 'pg_isready', 'postgres', 'ls', 'cat', 'echo', 'sleep', 'env', 'hostname'],
  sizeBytes: () => 161430709,
  start(launch) {
    const argv = effectiveArgv(launch, ['docker-entrypoint.sh'], ['postgres']);
    if (argv[1] !== 'postgres' && argv[0] !== 'postgres') return runCommandLine(postgresProfile, launch, argv.slice(argv[0] === 'docker-entrypoint.sh' ? 1 : 0));
    if (!launch.env['POSTGRES_PASSWORD'] && launch.env['POSTGRES_HOST_AUTH_METHOD'] !== 'trust') {
      return { listens: [], steps: [...log(POSTGRES_NO_PASSWORD), { atMs: 0, kind: 'exit', code: 1 }], listenAfterMs: 0, onSigterm: 'ignore' };
    }
    const t = postgresTime(launch.startedAt + 1500);
    return {
      listens: [{ port: 5432, protocol: 'TCP' }],
      steps: log([
        'The files belonging to this database system will be owned by user "postgres".',
        'This user must also own the server process.',
        '',
        'PostgreSQL init process complete; ready for start up.',
        '',
        `${t} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
        `${t} [1] LOG:  listening on IPv6 address "::", port 5432`,
        `${t} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
        `${t} [1] LOG:  database system is ready to accept connections`,
      ]).map((s, i) => ({ ...s, atMs: i >= 5 ? 1500 : 0 })),
      listenAfterMs: 1500,
      onSigterm: { exitAfterMs: 200, code: 0 },
    };
  },
};

export const redisProfile: ImageProfile = {
  name: 'redis',
  matches: (ref) => imageBaseName(ref) === 'redis',
  shell: 'bash',
  tools: ['redis-cli', 'redis-server', 'ls', 'cat', 'echo', 'sleep', 'env', 'hostname'],
  sizeBytes: () => 45109826,
  start(launch) {
    const argv = effectiveArgv(launch, ['docker-entrypoint.sh'], ['redis-server']);
    const cmd = argv[0] === 'docker-entrypoint.sh' ? argv.slice(1) : argv;
    if (cmd[0] !== 'redis-server') return runCommandLine(redisProfile, launch, cmd);
    const t = redisTime(launch.startedAt);
    return {
      listens: [{ port: 6379, protocol: 'TCP' }],
      steps: log([
        `1:C ${t} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
        `1:C ${t} * Redis version=8.2.1, bits=64, commit=00000000, modified=1, pid=1, just started`,
        `1:C ${t} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
        `1:M ${t} * monotonic clock: POSIX clock_gettime`,
        `1:M ${t} * Running mode=standalone, port=6379.`,
        `1:M ${t} * Server initialized`,
        `1:M ${t} * Ready to accept connections tcp`,
      ]),
      listenAfterMs: 20,
      onSigterm: { exitAfterMs: 100, code: 0 },
    };
  },
};

/** CoreDNS as kubeadm deploys it: DNS on 53, health on 8080, ready on 8181, metrics on 9153. */
export const corednsProfile: ImageProfile = {
  name: 'coredns',
  matches: (ref) => imageBaseName(ref) === 'coredns',
  shell: 'none',
  tools: ['coredns'],
  sizeBytes: () => 22384805,
  start(launch, ref) {
    const listens: Listener[] = [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
      { port: 8080, protocol: 'TCP' },
      { port: 8181, protocol: 'TCP' },
      { port: 9153, protocol: 'TCP' },
    ];
    const version = ref.tag.replace(/^v/, '') || '1.12.1';
    const ok = (body: string) => ({ status: 200, reason: 'OK', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(body.length)]] as [string, string][], body });
    const plan: ProcessPlan = {
      listens,
      steps: log(['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b', `CoreDNS-${version}`, 'linux/amd64, go1.24.1, 707c7c1']),
      listenAfterMs: 100,
      onSigterm: { exitAfterMs: 5000, code: 0 },
      http: (port, req) => {
        if (port === 8080 && req.path === '/health') return ok('OK');
        if (port === 8181 && req.path === '/ready') return ok('OK');
        if (port === 9153 && req.path === '/metrics') return ok('# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n');
        return undefined;
      },
    };
    void launch;
    return plan;
  },
};

/** The sandbox "pause" image: sleeps forever, exits on SIGTERM. */
export const pauseProfile: ImageProfile = {
  name: 'pause',
  matches: (ref) => imageBaseName(ref) === 'pause',
  shell: 'none',
  tools: ['pause'],
  sizeBytes: () => 320368,
  start: () => foreverPlan({ onSigterm: { exitAfterMs: 0, code: 0 } }),
};
