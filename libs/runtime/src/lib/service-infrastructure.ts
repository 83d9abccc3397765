import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { AUDIT_ENTITIES, AUDIT_MIGRATIONS, AuditModule } from '@egov/audit';
import { assertAuthConfigured, AuthConfig, AuthModule } from '@egov/auth';
import { DEADLINE_MIGRATIONS, DeadlineEntity, DeadlinesModule } from '@egov/deadlines';
import { HttpConfig, loadConfig, type LoadedConfig } from '@egov/config';
import type { ServiceName } from '@egov/contracts';
import { SubgraphModule } from '@egov/graphql';
import { MESSAGING_ENTITIES, MessagingConfig, MessagingModule, MessagingTables1764115200000 } from '@egov/messaging';
import { DatabaseConfig, databaseUrlFor, defaultDatabaseName, PersistenceModule } from '@egov/persistence';
import { PersonalDataConfig, PersonalDataModule } from '@egov/personal-data';
import { HealthController } from './health.controller';
import { JobsConfig, SCHEDULED_JOBS_ENABLED } from './scheduled-jobs';
import { assertClockControlAllowed, ClockController, ClockModule } from './service-clock';

/** Where each service listens unless PORT says otherwise; the gateway is on 3000. */
export const DEFAULT_PORTS: { readonly [S in ServiceName | 'gateway']: number } = {
  gateway: 3000,
  supervision: 3001,
  reviews: 3002,
  'policy-evaluation': 3003,
  'enterprise-activity': 3004,
  credit: 3005,
};

export const SERVICE_CONFIG_FRAGMENTS = {
  http: HttpConfig,
  database: DatabaseConfig,
  messaging: MessagingConfig,
  auth: AuthConfig,
  personalData: PersonalDataConfig,
  jobs: JobsConfig,
};
export type ServiceConfig = LoadedConfig<typeof SERVICE_CONFIG_FRAGMENTS>;

/** Reads and validates a domain service's environment; throws listing every problem. */
export function loadServiceConfig(service: ServiceName, env: Record<string, string | undefined> = process.env): ServiceConfig {
  return loadConfig(SERVICE_CONFIG_FRAGMENTS, { PORT: String(DEFAULT_PORTS[service]), ...env });
}

export function serviceDatabaseUrl(service: ServiceName, config: ServiceConfig): string {
  return databaseUrlFor(config.database.DATABASE_URL, config.database.DATABASE_NAME ?? defaultDatabaseName(service));
}

type EntityClass = new (...args: never[]) => object;
type MigrationClass = new () => object;

export interface ServiceInfrastructureOptions {
  readonly service: ServiceName;
  readonly config: ServiceConfig;
  readonly entities: readonly EntityClass[];
  /** The service's own migrations; the messaging tables' migration is added first. */
  readonly migrations: readonly MigrationClass[];
  /** Federated entities owned elsewhere that this service adds fields to (e.g. `Organization`). */
  readonly entityExtensions?: readonly (new () => object)[];
}

/** A service's tables and migrations, with the messaging, audit and deadline tables every service database has. */
export function serviceDatabaseSchema(
  entities: readonly EntityClass[],
  migrations: readonly MigrationClass[],
): { entities: EntityClass[]; migrations: MigrationClass[] } {
  return {
    entities: [...MESSAGING_ENTITIES, ...AUDIT_ENTITIES, DeadlineEntity, ...entities],
    migrations: [MessagingTables1764115200000, ...AUDIT_MIGRATIONS, ...DEADLINE_MIGRATIONS, ...migrations],
  };
}

/**
 * What every domain service stands on: its own database (migrated under a
 * lock) with its hash-chained audit log, the outbox/inbox messaging, token verification with the access
 * guard, a Federation 2 subgraph, and health endpoints.
 */
export function serviceInfrastructure(options: ServiceInfrastructureOptions): { imports: DynamicModule[]; controllers: Type[]; providers: Provider[] } {
  assertAuthConfigured(options.config.auth, options.config.http.NODE_ENV);
  assertClockControlAllowed(options.config.jobs.CLOCK_CONTROL_ENABLED, options.config.http.NODE_ENV);
  const url = serviceDatabaseUrl(options.service, options.config);
  const schema = serviceDatabaseSchema(options.entities, options.migrations);
  return {
    imports: [
      // Before the database: encrypted columns find their cipher through it.
      PersonalDataModule.forRoot(options.config.personalData, options.config.http.NODE_ENV),
      PersistenceModule.forService({
        url,
        entities: schema.entities,
        migrations: schema.migrations,
        poolSize: options.config.database.DATABASE_POOL_SIZE,
        applicationName: `egov-${options.service}`,
      }),
      MessagingModule.forService({ service: options.service, databaseUrl: url, config: options.config.messaging }),
      AuthModule.forRoot(options.config.auth),
      AuditModule.forRoot(),
      DeadlinesModule.forRoot(),
      SubgraphModule.forRoot({ entityExtensions: options.entityExtensions ?? [] }),
      ClockModule.forRoot(),
    ],
    controllers: [HealthController, ...(options.config.jobs.CLOCK_CONTROL_ENABLED ? [ClockController] : [])],
    providers: [{ provide: SCHEDULED_JOBS_ENABLED, useValue: options.config.jobs.SCHEDULED_JOBS_ENABLED }],
  };
}
