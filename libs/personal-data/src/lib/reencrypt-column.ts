import type { DataSource } from 'typeorm';
import type { PersonalDataCipher } from './personal-data.cipher';

export interface EncryptedColumnRef {
  readonly table: string;
  readonly column: string;
  /** The primary-key column; `id` by default. */
  readonly key?: string;
}

/**
 * Key rotation, step 3 (see README): rewrites every value of one encrypted
 * column that is not under the active key, in batches, and returns how many
 * it rewrote. Works on the stored strings, so it needs no entity class and
 * never holds more than a batch in clear. An update only lands while the row
 * still holds the value read, so a concurrent write is never overwritten.
 * A value that fails authentication stops the run with an error.
 */
export async function reencryptColumn(dataSource: DataSource, ref: EncryptedColumnRef, cipher: PersonalDataCipher, batchSize = 500): Promise<number> {
  const escape = (name: string): string => dataSource.driver.escape(name);
  const table = escape(ref.table);
  const column = escape(ref.column);
  const key = escape(ref.key ?? 'id');
  const activePrefix = `v1.${cipher.activeKeyId}.`;
  let rewritten = 0;
  let after: string | null = null;
  for (;;) {
    // Keyset paging on the primary key, so rows skipped by a concurrent write are not read again forever.
    const rows: { key: string; value: string }[] = await dataSource.query<{ key: string; value: string }[]>(
      `SELECT ${key}::text AS key, ${column} AS value FROM ${table}
        WHERE ${column} IS NOT NULL AND left(${column}, $1) <> $2 AND ($3::text IS NULL OR ${key}::text > $3)
        ORDER BY ${key}::text LIMIT $4`,
      [activePrefix.length, activePrefix, after, batchSize],
    );
    if (rows.length === 0) return rewritten;
    for (const row of rows) {
      const result = await dataSource.query<[unknown[], number]>(`UPDATE ${table} SET ${column} = $1 WHERE ${key}::text = $2 AND ${column} = $3`, [
        cipher.reencrypt(row.value),
        row.key,
        row.value,
      ]);
      rewritten += result[1];
    }
    after = rows[rows.length - 1]?.key ?? null;
  }
}
