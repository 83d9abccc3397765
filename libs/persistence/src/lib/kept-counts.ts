import type { EntityManager } from 'typeorm';

/** A table of counts kept with every change, and how to count the same figures from the facts. */
export interface KeptCounts {
  readonly table: string;
  /** The table's columns, in the order `counted` selects them. */
  readonly columns: readonly string[];
  /** The columns a row is found by, and the columns that are counts. */
  readonly keys: readonly string[];
  readonly counts: readonly string[];
  /** A SELECT of `columns` counted from the facts, each aliased to its column's name. */
  readonly counted: string;
}

/** Replaces every kept count with a recount, in the caller's transaction; returns the rows written. */
export async function recountKeptCounts(manager: EntityManager, kept: KeptCounts): Promise<number> {
  await manager.query(`LOCK TABLE ${kept.table} IN EXCLUSIVE MODE`);
  await manager.query(`DELETE FROM ${kept.table}`);
  return (await manager.query<unknown[]>(`INSERT INTO ${kept.table} (${kept.columns.join(', ')}) ${kept.counted} RETURNING 1`)).length;
}

/**
 * In the caller's transaction: how many kept rows differ from a recount (a
 * row of zeros counts as absent), after replacing them all when any do.
 */
export async function reconcileKeptCounts(manager: EntityManager, kept: KeptCounts): Promise<number> {
  await manager.query(`LOCK TABLE ${kept.table} IN EXCLUSIVE MODE`);
  const on = kept.keys.map((key) => `k.${key} = c.${key}`).join(' AND ');
  const of = (alias: string) => kept.counts.map((count) => `${alias}.${count}`).join(', ');
  const [drift] = await manager.query<{ rows: number }[]>(
    `SELECT count(*)::int AS rows FROM (${kept.counted}) c
       FULL JOIN (SELECT * FROM ${kept.table} WHERE ${kept.counts.map((count) => `${count} <> 0`).join(' OR ')}) k ON ${on}
      WHERE (${of('c')}) IS DISTINCT FROM (${of('k')})`,
  );
  if (!drift?.rows) return 0;
  await recountKeptCounts(manager, kept);
  return drift.rows;
}
