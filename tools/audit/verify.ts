import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { DEFAULT_VERIFY_BATCH_SIZE, verifyAuditChain } from '@egov/audit';
import { SERVICES } from '@egov/contracts';
import { databaseUrlFor, DEFAULT_DATABASE_SERVER, defaultDatabaseName } from '@egov/persistence';

const USAGE = `usage: node tools/run-ts.js tools/audit/verify.ts (--database-url postgres://…/egov_reviews | --service SERVICE) [--batch-size N]
  SERVICE: ${SERVICES.join(' ')} — its database egov_<service> on the DATABASE_URL server
  exit status: 0 chain intact, 1 chain broken, 2 could not check`;

function databaseUrl(values: { 'database-url'?: string; service?: string }): string {
  if (values['database-url'] && values.service) throw new Error(`give --database-url or --service, not both\n${USAGE}`);
  if (values['database-url']) return values['database-url'];
  if (!values.service) throw new Error(USAGE);
  const service = values.service;
  if (!(SERVICES as readonly string[]).includes(service)) throw new Error(`unknown service ${service}\n${USAGE}`);
  // The same derivation a service uses for its own database (DATABASE_NAME is per service, so it is not read here).
  return databaseUrlFor(process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_SERVER, defaultDatabaseName(service));
}

/**
 * Verifies one service database's audit chain (AUD-1) and says whether it is
 * intact. Only reads, in a read-only transaction, so any role allowed to
 * SELECT from audit_entry can run it.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      service: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const url = databaseUrl(values);
  const batchSize = values['batch-size'] === undefined ? DEFAULT_VERIFY_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a positive integer\n${USAGE}`);
  // Named by database only: the URL may carry a password.
  const database = decodeURIComponent(new URL(url).pathname.slice(1));

  const dataSource = new DataSource({ type: 'postgres', url, applicationName: 'egov-audit-verify', extra: { max: 1 } });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`cannot connect to ${database}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const result = await verifyAuditChain(dataSource, { batchSize });
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.entries} entries\n`);
      if (result.head) process.stdout.write(`head: seq ${result.head.seq} hash ${result.head.hash} (${database})\n`);
      return 0;
    }
    const { seq, id, reason, detail } = result.firstBroken;
    process.stdout.write(`audit chain broken at seq ${seq} (id ${id}): ${reason}\n  ${detail}\n  ${result.entries} entries checked (${database})\n`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

// Any error means nothing was verified: exit 2, apart from 1 (a broken chain).
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit verification could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
