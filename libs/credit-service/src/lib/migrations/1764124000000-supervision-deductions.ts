import type { MigrationInterface, QueryRunner } from 'typeorm';

const SUPERVISION_KINDS = `'RECTIFICATION_OVERDUE', 'RECTIFICATION_REOPENED', 'RECTIFICATION_LIST_OVERDUE', 'PROJECT_VISIT_MISSED', 'QUOTA_SHORTFALL', 'MILESTONE_MISSED'`;

/** CRD-2: the rest of supervision's missed duties (SUP-3, SUP-7, SUP-9, SUP-10) become deductions too. */
export class SupervisionDeductions1764124000000 implements MigrationInterface {
  name = 'SupervisionDeductions1764124000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE integrity_deduction DROP CONSTRAINT integrity_deduction_kind_check');
    await q.query(`
      ALTER TABLE integrity_deduction ADD CONSTRAINT integrity_deduction_kind_check
        CHECK (kind IN ('TASK_OVERDUE', 'CONTRIBUTION_LATE', 'CASE_OVERDUE', ${SUPERVISION_KINDS}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old constraint refuses these kinds: their deductions go, and so do the points they took.
    await q.query(`
      UPDATE integrity_account a
         SET deducted_points = GREATEST(a.deducted_points - d.points, 0), updated_at = now()
        FROM (SELECT organization_id, sum(points) AS points FROM integrity_deduction WHERE kind IN (${SUPERVISION_KINDS}) GROUP BY organization_id) d
       WHERE a.organization_id = d.organization_id`);
    await q.query(`DELETE FROM integrity_deduction WHERE kind IN (${SUPERVISION_KINDS})`);
    await q.query('ALTER TABLE integrity_deduction DROP CONSTRAINT integrity_deduction_kind_check');
    await q.query(`
      ALTER TABLE integrity_deduction ADD CONSTRAINT integrity_deduction_kind_check
        CHECK (kind IN ('TASK_OVERDUE', 'CONTRIBUTION_LATE', 'CASE_OVERDUE'))`);
  }
}
