import type { DataSource } from 'typeorm';

/** One lock id for "migrating this database", taken by every process of every service. */
const MIGRATION_LOCK_ID = 4_600_000_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so two
 * replicas starting together never migrate the same database at once. The
 * lock lives on a dedicated connection; the migrations run on the pool.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The SQL TypeORM would run to make the database match the entities. After
 * all migrations ran it must be empty: anything here is an entity change that
 * has no migration.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
