import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { runMigrationsUnderLock } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type EntityTarget = string | (new (...args: never[]) => object) | EntitySchema;
type MigrationClass = new () => object;

export interface ServiceDatabaseOptions {
  /** Full URL of this service's own database. */
  readonly url: string;
  readonly entities: readonly EntityTarget[];
  readonly migrations: readonly MigrationClass[];
  readonly poolSize: number;
  /** Application name shown in pg_stat_activity: which service holds a connection. */
  readonly applicationName: string;
}

export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities as MixedList<EntityTarget>,
    migrations: options.migrations as MixedList<MigrationClass>,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize },
  };
}

/**
 * Opens a service's own database: creates it when missing and migrates it
 * under an advisory lock before anything else touches it.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureDatabase(options.url);
  const dataSource = new DataSource(serviceDataSourceOptions(options));
  await dataSource.initialize();
  try {
    await runMigrationsUnderLock(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

@Module({})
export class PersistenceModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions(options),
          dataSourceFactory: () => openServiceDatabase(options),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
