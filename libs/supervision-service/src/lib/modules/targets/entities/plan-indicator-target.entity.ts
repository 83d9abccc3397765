import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PlanIndicatorEntity } from './plan-indicator.entity';

export const PLAN_COMPARISONS = ['AT_LEAST', 'ABOVE', 'ALL', 'ADDED_AT_LEAST'] as const;
/** ≥ value, > value, every item, or at least value more than the year before. */
export type PlanComparison = (typeof PLAN_COMPARISONS)[number];

/** SUP-14: what the plan asks of an indicator in one year, in the plan's own words. */
@Entity({ name: 'plan_indicator_target' })
@Check('plan_indicator_target_comparison_check', `comparison IN ('AT_LEAST', 'ABOVE', 'ALL', 'ADDED_AT_LEAST')`)
@Check('plan_indicator_target_value_check', `(comparison = 'ALL') = (value IS NULL)`)
export class PlanIndicatorTargetEntity {
  @PrimaryColumn('text')
  indicatorCode!: string;

  @ManyToOne(() => PlanIndicatorEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'indicator_code', foreignKeyConstraintName: 'plan_indicator_target_indicator_fk' })
  indicator?: PlanIndicatorEntity;

  @PrimaryColumn('integer')
  year!: number;

  @Column('text')
  comparison!: PlanComparison;

  @Column('double precision', { nullable: true })
  value!: number | null;

  @Column('text')
  wording!: string;
}
