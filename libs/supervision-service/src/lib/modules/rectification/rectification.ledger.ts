import { Injectable } from '@nestjs/common';
import { QueryConditions } from '@egov/persistence';
import { DataSource, type EntityManager } from 'typeorm';

export type LedgerCounter = 'opened' | 'reopened' | 'closed' | 'overdue' | 'closedOverdue';

const COLUMNS: Readonly<Record<LedgerCounter, string>> = { opened: 'opened', reopened: 'reopened', closed: 'closed', overdue: 'overdue', closedOverdue: 'closed_overdue' };

/** One month of a unit's ledger: what happened in it, and what stood open and overdue at its end. */
export interface LedgerMonth {
  /** YYYY-MM, Asia/Shanghai. */
  readonly month: string;
  readonly opened: number;
  readonly reopened: number;
  readonly closed: number;
  readonly becameOverdue: number;
  readonly openAtEnd: number;
  readonly overdueAtEnd: number;
}

/** The first day of the month of a YYYY-MM-DD day. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Months from `from` to `to` (YYYY-MM) inclusive, or null for a reversed period. */
export function monthsIn(from: string, to: string): number | null {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const count = index(to) - index(from) + 1;
  return count >= 1 ? count : null;
}

/** SUP-7 整改台账: the monthly rollup of each unit's rectification items, maintained in the changes' own transactions. */
@Injectable()
export class RectificationLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds to the unit's row of the month of `day` (YYYY-MM-DD, Asia/Shanghai), in the caller's transaction. */
  async add(manager: EntityManager, unit: { readonly organizationId: string; readonly regionCode: string }, day: string, deltas: Partial<Record<LedgerCounter, number>>): Promise<void> {
    const counters = (Object.entries(deltas) as [LedgerCounter, number][]).filter(([, n]) => n !== 0);
    if (counters.length === 0) return;
    const columns = counters.map(([c]) => COLUMNS[c]);
    await manager.query(
      `INSERT INTO rectification_ledger (organization_id, month, region_code, ${columns.join(', ')})
       VALUES ($1, $2, $3, ${counters.map((_, i) => `$${i + 4}`).join(', ')})
       ON CONFLICT (organization_id, month) DO UPDATE SET ${columns.map((c) => `${c} = rectification_ledger.${c} + EXCLUDED.${c}`).join(', ')}`,
      [unit.organizationId, monthOf(day), unit.regionCode, ...counters.map(([, n]) => n)],
    );
  }

  /**
   * The ledger of a unit (and, if asked, every unit below it) month by month
   * from `from` to `to` (YYYY-MM): each month's flows and the running open
   * and overdue counts, carried over from the months before `from`.
   */
  async read(organizationId: string, from: string, to: string, includeUnitsBelow: boolean): Promise<LedgerMonth[]> {
    const q = new QueryConditions();
    const units = includeUnitsBelow ? q.unitsBelow('organization', organizationId) : `SELECT ${q.param(organizationId)}::uuid AS id`;
    const first = q.param(`${from}-01`);
    const last = q.param(`${to}-01`);
    const rows = await this.dataSource.query<{ month: string; opened: number; reopened: number; closed: number; overdue: number; open_at_end: number; overdue_at_end: number }[]>(
      `WITH flows AS (
         SELECT month, sum(opened) AS opened, sum(reopened) AS reopened, sum(closed) AS closed, sum(overdue) AS overdue, sum(closed_overdue) AS closed_overdue
           FROM rectification_ledger WHERE organization_id IN (${units}) GROUP BY month
       ), carried AS (
         SELECT coalesce(sum(opened + reopened - closed), 0) AS open, coalesce(sum(overdue - closed_overdue), 0) AS overdue FROM flows WHERE month < ${first}::date
       )
       SELECT to_char(m.month, 'YYYY-MM') AS month,
              coalesce(f.opened, 0)::int AS opened, coalesce(f.reopened, 0)::int AS reopened, coalesce(f.closed, 0)::int AS closed, coalesce(f.overdue, 0)::int AS overdue,
              (c.open + sum(coalesce(f.opened, 0) + coalesce(f.reopened, 0) - coalesce(f.closed, 0)) OVER (ORDER BY m.month))::int AS open_at_end,
              (c.overdue + sum(coalesce(f.overdue, 0) - coalesce(f.closed_overdue, 0)) OVER (ORDER BY m.month))::int AS overdue_at_end
         FROM (SELECT d::date AS month FROM generate_series(${first}::date, ${last}::date, interval '1 month') AS d) m
         LEFT JOIN flows f ON f.month = m.month CROSS JOIN carried c
        ORDER BY m.month`,
      q.params,
    );
    return rows.map((r) => ({ month: r.month, opened: r.opened, reopened: r.reopened, closed: r.closed, becameOverdue: r.overdue, openAtEnd: r.open_at_end, overdueAtEnd: r.overdue_at_end }));
  }
}
