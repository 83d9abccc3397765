import type { MigrationInterface, QueryRunner } from 'typeorm';

const DUTY_KINDS = `'RECTIFICATION_OVERDUE', 'RECTIFICATION_REOPENED', 'RECTIFICATION_LIST_OVERDUE', 'PROJECT_VISIT_MISSED', 'QUOTA_SHORTFALL', 'MILESTONE_MISSED', 'EVALUATION_OVERDUE'`;

/** CRD-2: the rest of supervision's missed duties (SUP-3, SUP-7, SUP-9, SUP-10) and overdue policy evaluations (POL-3) become deductions too. */
export class DutyDeductions1764124000000 implements MigrationInterface {
  name = 'DutyDeductions1764124000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE integrity_deduction DROP CONSTRAINT integrity_deduction_kind_check');
    await q.query(`
      ALTER TABLE integrity_deduction ADD CONSTRAINT integrity_deduction_kind_check
        CHECK (kind IN ('TASK_OVERDUE', 'CONTRIBUTION_LATE', 'CASE_OVERDUE', ${DUTY_KINDS}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The old constraint refuses these kinds: their deductions go, and so do the points they took.
    await q.query(`
      UPDATE integrity_account a
         SET deducted_points = GREATEST(a.deducted_points - d.points, 0), updated_at = now()
        FROM (SELECT organization_id, sum(points) AS points FROM integrity_deduction WHERE kind IN (${DUTY_KINDS}) GROUP BY organization_id) d
       WHERE a.organization_id = d.organization_id`);
    await q.query(`DELETE FROM integrity_deduction WHERE kind IN (${DUTY_KINDS})`);
    await q.query('ALTER TABLE integrity_deduction DROP CONSTRAINT integrity_deduction_kind_check');
    await q.query(`
      ALTER TABLE integrity_deduction ADD CONSTRAINT integrity_deduction_kind_check
        CHECK (kind IN ('TASK_OVERDUE', 'CONTRIBUTION_LATE', 'CASE_OVERDUE'))`);
  }
}
