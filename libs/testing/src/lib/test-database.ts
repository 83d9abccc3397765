import { databaseUrlFor, dropDatabase, ensureDatabase, openServiceDatabase } from '@egov/persistence';
import type { DataSource } from 'typeorm';
import { uniqueTestName } from './eventually';
import { integrationEnvironment } from './integration-env';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly serverUrl: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the integration server; dropped by `drop()`. */
export async function createTestDatabase(prefix = 'egov_test'): Promise<TestDatabase> {
  const { databaseServerUrl } = await integrationEnvironment();
  const name = uniqueTestName(`${prefix}_`).toLowerCase();
  const url = databaseUrlFor(databaseServerUrl, name);
  await ensureDatabase(url);
  return { name, url, serverUrl: databaseServerUrl, drop: () => dropDatabase(url) };
}

type EntityClass = new (...args: never[]) => object;
type MigrationClass = new () => object;

/** Opens a migrated data source on a fresh test database, the way a service opens its own. */
export async function openTestDataSource(
  entities: readonly EntityClass[],
  migrations: readonly MigrationClass[],
): Promise<{ dataSource: DataSource; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const dataSource = await openServiceDatabase({ url: database.url, entities, migrations, poolSize: 5, applicationName: 'egov-test' });
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
