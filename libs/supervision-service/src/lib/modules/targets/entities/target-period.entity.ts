import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TargetIndicatorEntity } from './target-indicator.entity';

/**
 * SUP-8: one month or quarter of an indicator's trajectory: the plan (a
 * value, or for TIME a milestone date) and what the unit reported.
 */
@Entity({ name: 'target_period' })
@Check('target_period_plan_check', `(planned_value IS NULL) <> (planned_date IS NULL)`)
export class TargetPeriodEntity {
  @PrimaryColumn('uuid')
  indicatorId!: string;

  @ManyToOne(() => TargetIndicatorEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'target_period_indicator_fk' })
  indicator?: TargetIndicatorEntity;

  /** 1–12 for a month, 1–4 for a quarter. */
  @PrimaryColumn('integer')
  period!: number;

  @Column('date')
  startsOn!: string;

  @Column('date')
  endsOn!: string;

  /** QUANTITY: the level to have reached by the period's end; QUALITY: the rate or score to reach in it. */
  @Column('double precision', { nullable: true })
  plannedValue!: number | null;

  /** TIME: the milestone's day. */
  @Column('date', { nullable: true })
  plannedDate!: string | null;

  @Column('double precision', { nullable: true })
  actualValue!: number | null;

  /** TIME: the day the milestone was reached. */
  @Column('date', { nullable: true })
  achievedOn!: string | null;

  @Column('timestamptz', { nullable: true })
  reportedAt!: Date | null;

  @Column('text', { nullable: true })
  reportedBy!: string | null;

  /** Reported after the period had closed. */
  @Column('boolean', { nullable: true })
  late!: boolean | null;
}
