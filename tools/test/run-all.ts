import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type IntegrationEnvironment, integrationEnvironment } from '@egov/testing';

const root = path.resolve(__dirname, '../..');

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  process.stdout.write(`\n== ${title}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  process.stdout.write(`== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status === 0;
}

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
}

/**
 * `npm test`: provisions real PostgreSQL and Kafka once (the harness in
 * libs/testing decides how), then type-checks, lints and runs every unit and
 * integration test against them.
 */
async function main(): Promise<number> {
  let environment: IntegrationEnvironment | undefined;
  try {
    environment = await integrationEnvironment();
    const env = {
      ...process.env,
      DATABASE_URL: environment.databaseServerUrl,
      KAFKA_BROKERS: environment.kafkaBrokers,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    };
    process.stdout.write(`PostgreSQL: ${environment.databaseServerUrl.replace(/:[^:@/]*@/, ':***@')}\nKafka: ${env.KAFKA_BROKERS}\n`);

    const typecheck = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], env);
    const lint = run('lint', 'npm', ['run', '--silent', 'lint'], env);
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    const jest = (title: string, file: string, args: string[]) => {
      const outputFile = path.join(root, 'tmp', file);
      const ok = run(title, 'npx', ['jest', '-c', 'jest.config.cjs', '--ci', '--json', `--outputFile=${outputFile}`, ...args], env);
      return { ok, results: JSON.parse(readFileSync(outputFile, 'utf8')) as JestResults };
    };
    // Libraries and services first, two at a time; then the end-to-end suites, one at a time (each boots several processes).
    const suites = [
      jest('unit and integration tests', 'jest-libs.json', ['--maxWorkers=2', '--testTimeout=60000', '--ignoreProjects', 'platform-e2e']),
      jest('end-to-end tests', 'jest-e2e.json', ['--runInBand', '--testTimeout=180000', '--selectProjects', 'platform-e2e']),
    ];
    const passed = suites.reduce((n, s) => n + s.results.numPassedTests, 0);
    const failed = suites.reduce((n, s) => n + s.results.numFailedTests, 0);
    const skipped = suites.reduce((n, s) => n + s.results.numPendingTests, 0);
    const total = suites.reduce((n, s) => n + s.results.numTotalTests, 0);
    process.stdout.write(`\ntypecheck ${typecheck ? 'ok' : 'FAILED'}, lint ${lint ? 'ok' : 'FAILED'}\n`);
    process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    return typecheck && lint && suites.every((s) => s.ok) && failed === 0 && skipped === 0 && total > 0 ? 0 : 1;
  } finally {
    // Stops only what this run started.
    await environment?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
