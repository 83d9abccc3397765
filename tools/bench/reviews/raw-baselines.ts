import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '@egov/persistence';
import { type LoadResult, round, runClosedLoop } from './load';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** An empty database of the run's own, for the ceilings the platform is compared with. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const url = databaseUrlFor(serverUrl, name);
  await dropDatabase(url);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Recreates `table` from the service's database in the scratch database:
 * same columns, defaults, constraints and indexes, read from the catalog so
 * the ceiling follows the real table as its migrations change it.
 */
async function copyTableShape(sourceUrl: string, targetUrl: string, table: string): Promise<void> {
  const ddl = await withClient(sourceUrl, async (source) => {
    const columns = await source.query<{ name: string; type: string; not_null: boolean; default_value: string | null }>(
      `SELECT quote_ident(a.attname) AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default_value
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [table],
    );
    const constraints = await source.query<{ name: string; definition: string }>(
      `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'c')`,
      [table],
    );
    const indexes = await source.query<{ definition: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
        WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
      [table],
    );
    const parts = [
      ...columns.rows.map((c) => `${c.name} ${c.type}${c.not_null ? ' NOT NULL' : ''}${c.default_value ? ` DEFAULT ${c.default_value}` : ''}`),
      ...constraints.rows.map((c) => `CONSTRAINT ${c.name} ${c.definition}`),
    ];
    return [`CREATE TABLE ${table} (${parts.join(', ')})`, ...indexes.rows.map((i) => i.definition)];
  });
  await withClient(targetUrl, async (target) => {
    for (const statement of ddl) await target.query(statement);
  });
}

export interface ReviewTarget {
  readonly organizationId: string;
  readonly regionCode: string;
}

/**
 * The ceiling for review ingest: one single-row INSERT per review into a
 * table shaped like `review`, through a pool the size the services use, at
 * the same concurrency as the end-to-end run.
 */
export async function rawReviewInserts(
  reviewsDatabaseUrl: string,
  scratchUrl: string,
  options: { count: number; concurrency: number; poolSize: number; targets: readonly ReviewTarget[] },
): Promise<LoadResult> {
  await copyTableShape(reviewsDatabaseUrl, scratchUrl, 'review');
  const pool = new Pool({ connectionString: scratchUrl, max: options.poolSize });
  // pool.end() resolves before its sockets close; dropping the database right after ends them from the server side.
  pool.on('error', () => undefined);
  try {
    const insert = (index: number) => {
      const target = options.targets[index % options.targets.length];
      if (!target) throw new Error('no organizations to review');
      return pool
        .query(
          `INSERT INTO review (id, handling_id, organization_id, region_code, rating, channel, comment, reviewer_subject, submitted_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [randomUUID(), randomUUID(), target.organizationId, target.regionCode, 1 + (index % 5), 'ONLINE', null, `bench-citizen-${index % 2000}`, new Date()],
        )
        .then(() => undefined);
    };
    // Warm the pool's connections and the table's first pages, as the services are warm when measured.
    await runClosedLoop(Math.min(2000, options.count), options.concurrency, insert);
    return await runClosedLoop(options.count, options.concurrency, insert);
  } finally {
    await pool.end();
  }
}

export interface CopyResult {
  readonly rows: number;
  readonly seconds: number;
  readonly rate: number;
  /** The table's size after the COPY, and the WAL the server wrote during it. */
  readonly tableMb: number;
  readonly walMb: number;
}

const MB = 1024 * 1024;

/** The ceiling for the hotline import: the same CSV file through COPY into a plain table of its columns. */
export async function rawHotlineCopy(scratchUrl: string, file: string): Promise<CopyResult> {
  return withClient(scratchUrl, async (client) => {
    await client.query(`
      CREATE TABLE hotline_record (
        record_id text, organization_code text, item_code text, item_name text,
        completed_at timestamptz, rated_at timestamptz, rating smallint, caller_phone text, comment text
      )`);
    const wal = async () => Number((await client.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`)).rows[0]?.bytes ?? 0);
    const walBefore = await wal();
    const started = performance.now();
    const copy = client.query(copyFrom('COPY hotline_record FROM STDIN WITH (FORMAT csv, HEADER true)'));
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), copy);
    const rows = copy.rowCount;
    const seconds = (performance.now() - started) / 1000;
    const walMb = round(((await wal()) - walBefore) / MB);
    const size = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('hotline_record')::text AS bytes`);
    return { rows, seconds: round(seconds, 2), rate: round(rows / seconds), tableMb: round(Number(size.rows[0]?.bytes ?? 0) / MB), walMb };
  });
}
