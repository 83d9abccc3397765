import { pendingSchemaChanges } from '@egov/persistence';
import { openTestDataSource } from './test-database';

type EntityClass = new (...args: never[]) => object;
type MigrationClass = new () => object;

/**
 * Migrates a fresh database with a service's migrations and returns the SQL
 * TypeORM would still run to match its entities: anything listed is an
 * entity change without a migration.
 */
export async function serviceSchemaDrift(schema: { readonly entities: readonly EntityClass[]; readonly migrations: readonly MigrationClass[] }): Promise<string[]> {
  const opened = await openTestDataSource(schema.entities, schema.migrations);
  try {
    return await pendingSchemaChanges(opened.dataSource);
  } finally {
    await opened.close();
  }
}
