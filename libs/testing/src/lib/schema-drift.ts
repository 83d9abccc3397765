import { MESSAGING_ENTITIES, MessagingTables1764115200000 } from '@egov/messaging';
import { pendingSchemaChanges } from '@egov/persistence';
import { openTestDataSource } from './test-database';

type EntityClass = new (...args: never[]) => object;
type MigrationClass = new () => object;

/**
 * Migrates a fresh database with a service's migrations (messaging tables
 * included, as the service does) and returns the SQL TypeORM would still run
 * to match its entities: anything listed is an entity change without a migration.
 */
export async function serviceSchemaDrift(entities: readonly EntityClass[], migrations: readonly MigrationClass[]): Promise<string[]> {
  const opened = await openTestDataSource([...MESSAGING_ENTITIES, ...entities], [MessagingTables1764115200000, ...migrations]);
  try {
    return await pendingSchemaChanges(opened.dataSource);
  } finally {
    await opened.close();
  }
}
