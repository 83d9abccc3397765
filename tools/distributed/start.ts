import { issueDevToken, AuthConfig, Role } from '@egov/auth';
import { DEFAULT_PORTS } from '@egov/runtime';
import { ensureLocalKafka, ServiceProcess } from '@egov/testing';

type Name = keyof typeof DEFAULT_PORTS;

const ORDER: readonly Name[] = ['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit', 'gateway'];

/**
 * `npm run start:distributed`: every app as its own process on a real Kafka
 * broker (provisioned from Maven Central unless KAFKA_BROKERS is set) and the
 * PostgreSQL at DATABASE_URL (default 127.0.0.1:5432), with demo data.
 */
async function main(): Promise<void> {
  const broker = process.env['KAFKA_BROKERS'] ? undefined : await ensureLocalKafka();
  const brokers = process.env['KAFKA_BROKERS'] ?? broker?.brokers.join(',') ?? '';
  const env = {
    KAFKA_BROKERS: brokers,
    DATABASE_URL: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    DEMO_DATA: process.env['DEMO_DATA'] ?? 'true',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
  };
  const processes = ORDER.map(
    (name) => new ServiceProcess({ name, entry: `apps/${name}/src/main.ts`, port: DEFAULT_PORTS[name], env, echo: true, readyTimeoutMs: 180_000 }),
  );
  const stop = async () => {
    for (const p of [...processes].reverse()) await p.stop();
    await broker?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  // Supervision first: it owns the organization tree the others learn from its events.
  const [supervision, ...rest] = processes;
  await supervision?.start();
  await Promise.all(rest.filter((p) => p !== processes.at(-1)).map((p) => p.start()));
  await processes.at(-1)?.start();

  const token = await issueDevToken(new AuthConfig(), { subject: 'demo-supervisor-province', roles: [Role.Supervisor, Role.Leader], regionCode: '460000' });
  process.stdout.write(`\nDistributed platform ready (Kafka ${brokers}).\n  GraphQL   http://127.0.0.1:${DEFAULT_PORTS.gateway}/graphql\n  GraphiQL  http://127.0.0.1:${DEFAULT_PORTS.gateway}/graphiql\n  Token     ${token}\n\nCtrl-C stops every process${broker?.startedHere ? ' and the broker' : ''}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`distributed start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
