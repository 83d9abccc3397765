import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureLocalKafka, integrationEnvironment, type KafkaBrokerHandle } from '@egov/testing';

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
  let broker: KafkaBrokerHandle | undefined;
  try {
    const environment = await integrationEnvironment();
    if (!process.env['KAFKA_BROKERS']) broker = await ensureLocalKafka();
    const env = {
      ...process.env,
      DATABASE_URL: environment.databaseServerUrl,
      KAFKA_BROKERS: broker ? broker.brokers.join(',') : environment.kafkaBrokers,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    };
    process.stdout.write(`PostgreSQL: ${environment.databaseServerUrl.replace(/:[^:@/]*@/, ':***@')}\nKafka: ${env.KAFKA_BROKERS}\n`);

    const typecheck = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], env);
    const lint = run('lint', 'npm', ['run', '--silent', 'lint'], env);
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    const resultsFile = path.join(root, 'tmp/jest-results.json');
    const tests = run('tests', 'npx', ['jest', '-c', 'jest.config.cjs', '--ci', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`], env);

    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestResults;
    process.stdout.write(`\ntypecheck ${typecheck ? 'ok' : 'FAILED'}, lint ${lint ? 'ok' : 'FAILED'}\n`);
    process.stdout.write(`${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
    return typecheck && lint && tests && results.numFailedTests === 0 && results.numPendingTests === 0 && results.numTotalTests > 0 ? 0 : 1;
  } finally {
    await broker?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
