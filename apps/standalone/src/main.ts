import 'reflect-metadata';
import path from 'node:path';
import { startEmbeddedServer } from '@egov/persistence';
import { JsonLogger } from '@egov/runtime';
import { startPlatform } from './platform';

const root = path.resolve(__dirname, '../../..');

/**
 * `npm start`: the whole platform in one process on an embedded PostgreSQL
 * whose data lives in `.data/standalone` (kept across restarts), with demo
 * data, in-process event delivery and GraphQL on 127.0.0.1:3000.
 */
async function main(): Promise<void> {
  const logger = new JsonLogger('standalone');
  const started = Date.now();
  const external = process.env['DATABASE_URL'];
  const embedded = external
    ? undefined
    : await startEmbeddedServer({
        dataDir: process.env['STANDALONE_DATA_DIR'] ?? path.join(root, '.data/standalone/postgres'),
        port: Number(process.env['STANDALONE_PG_PORT'] ?? 54329),
        persistent: true,
      });
  const databaseServerUrl = external ?? embedded?.url ?? '';
  const platform = await startPlatform({
    databaseServerUrl,
    host: process.env['HOST'] ?? '127.0.0.1',
    portOffset: Number(process.env['STANDALONE_PORT_OFFSET'] ?? 0),
    loadDemoData: process.env['DEMO_DATA'] !== 'false',
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`, 'Standalone');
    await platform.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `海南省效能政府平台 (standalone) ready in ${seconds} s`,
      `  GraphQL   ${platform.graphqlUrl}`,
      `  GraphiQL  ${platform.graphiqlUrl}   (opens with the supervisor token below)`,
      `  Database  ${external ? 'DATABASE_URL' : 'embedded PostgreSQL, data in .data/standalone'}`,
      '',
      '  Supervisor token (province, SUPERVISOR + LEADER):',
      `    ${platform.tokens.supervisor}`,
      '  Citizen token (demo-citizen-001, may review their own handlings):',
      `    ${platform.tokens.citizen}`,
      '',
      '  Try:',
      `    curl -s ${platform.graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
      `      -d '{"query":"{ organizations(first: 3) { totalCount edges { node { id name satisfaction { total rate } integrityScore { score } } } } }"}'`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`standalone failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
