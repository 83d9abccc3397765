import { issueDevToken, type DevTokenClaims, Role } from '@egov/auth';
import { AuthConfig } from '@egov/auth';
import type { ServiceName } from '@egov/contracts';
import { databaseUrlFor, dropDatabase } from '@egov/persistence';
import { freePort, integrationEnvironment, ServiceProcess, uniqueTestName } from '@egov/testing';

export type PlatformProcess = ServiceName | 'gateway';

const ENTRIES: Record<PlatformProcess, string> = {
  supervision: 'apps/supervision/src/main.ts',
  reviews: 'apps/reviews/src/main.ts',
  'policy-evaluation': 'apps/policy-evaluation/src/main.ts',
  'enterprise-activity': 'apps/enterprise-activity/src/main.ts',
  credit: 'apps/credit/src/main.ts',
  gateway: 'apps/gateway/src/main.ts',
};

/**
 * The distributed platform for one test suite: each service its own process
 * on the real broker and PostgreSQL, with databases, topics and consumer
 * groups named for this run only.
 */
export class DistributedPlatform {
  readonly processes = new Map<PlatformProcess, ServiceProcess>();
  readonly prefix = uniqueTestName('e2e');
  private readonly databases: string[] = [];
  private kafkaBrokers = '';
  private databaseServerUrl = '';

  async start(services: readonly PlatformProcess[], env: Partial<Record<PlatformProcess, Record<string, string>>> = {}): Promise<void> {
    const environment = await integrationEnvironment();
    this.kafkaBrokers = environment.kafkaBrokers;
    this.databaseServerUrl = environment.databaseServerUrl;
    const ports = new Map<PlatformProcess, number>();
    for (const name of Object.keys(ENTRIES) as PlatformProcess[]) ports.set(name, await freePort());
    const url = (name: PlatformProcess) => `http://127.0.0.1:${ports.get(name) ?? 0}/graphql`;
    for (const name of services) {
      const database = `${this.prefix}_${name.replace(/-/g, '_')}`;
      this.databases.push(database);
      this.processes.set(
        name,
        new ServiceProcess({
          name,
          entry: ENTRIES[name],
          port: ports.get(name) ?? 0,
          env: {
            DATABASE_URL: this.databaseServerUrl,
            DATABASE_NAME: database,
            DATABASE_POOL_SIZE: '5',
            KAFKA_BROKERS: this.kafkaBrokers,
            KAFKA_NAME_PREFIX: `${this.prefix}.`,
            KAFKA_SESSION_TIMEOUT_MS: '6000',
            OUTBOX_POLL_INTERVAL_MS: '200',
            CONSUMER_INITIAL_BACKOFF_MS: '50',
            LOG_LEVEL: 'warn',
            NODE_ENV: 'test',
            SUPERVISION_URL: url('supervision'),
            REVIEWS_URL: url('reviews'),
            POLICY_EVALUATION_URL: url('policy-evaluation'),
            ENTERPRISE_ACTIVITY_URL: url('enterprise-activity'),
            CREDIT_URL: url('credit'),
            ...(env[name] ?? {}),
          },
        }),
      );
    }
    // Subgraphs first (in parallel), the gateway once they answer.
    await Promise.all(services.filter((s) => s !== 'gateway').map((s) => this.process(s).start()));
    if (services.includes('gateway')) await this.process('gateway').start();
  }

  process(name: PlatformProcess): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`${name} is not part of this platform`);
    return found;
  }

  get brokers(): string[] {
    return this.kafkaBrokers.split(',');
  }

  topic(logical: string): string {
    return `${this.prefix}.${logical}`;
  }

  databaseUrl(name: ServiceName): string {
    return databaseUrlFor(this.databaseServerUrl, `${this.prefix}_${name.replace(/-/g, '_')}`);
  }

  token(claims: Omit<DevTokenClaims, 'subject'> & { subject?: string }): Promise<string> {
    return issueDevToken(new AuthConfig(), { subject: claims.subject ?? uniqueTestName('user-'), ...claims });
  }

  adminToken(): Promise<string> {
    return this.token({ subject: 'e2e-admin', roles: [Role.Admin], regionCode: '460000' });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => p.stop()));
    for (const database of this.databases) await dropDatabase(databaseUrlFor(this.databaseServerUrl, database)).catch(() => undefined);
  }
}
