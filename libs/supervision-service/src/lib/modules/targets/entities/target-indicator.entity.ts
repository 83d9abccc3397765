import type { TargetIndicatorKind } from '@egov/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AnnualTargetEntity } from './annual-target.entity';
import { PlanIndicatorEntity } from './plan-indicator.entity';

export const TARGET_GRANULARITIES = ['MONTH', 'QUARTER'] as const;
export type TargetGranularity = (typeof TARGET_GRANULARITIES)[number];
/** 难度系数 a target may give an indicator: below 1 for routine work, above 1 for hard work. */
export const DIFFICULTY_RANGE = { min: 0.5, max: 2 } as const;

/** SUP-8: one measure of a target (time, quantity or quality), planned per month or per quarter, with its difficulty. */
@Entity({ name: 'target_indicator' })
@Index('target_indicator_target_idx', ['targetId'])
@Index('target_indicator_plan_idx', ['planIndicatorCode'])
@Check('target_indicator_kind_check', `kind IN ('TIME', 'QUANTITY', 'QUALITY')`)
@Check('target_indicator_granularity_check', `granularity IN ('MONTH', 'QUARTER')`)
@Check('target_indicator_difficulty_check', `difficulty > 0`)
export class TargetIndicatorEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  targetId!: string;

  @ManyToOne(() => AnnualTargetEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'target_indicator_target_fk' })
  target?: AnnualTargetEntity;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: TargetIndicatorKind;

  @Column('text')
  granularity!: TargetGranularity;

  /** What a value counts in (个, %, 分); none for TIME. */
  @Column('text', { nullable: true })
  unit!: string | null;

  /** 难度系数: weights this indicator's achievement in the target's and the unit's score. */
  @Column('double precision')
  difficulty!: number;

  /** SUP-14: the plan indicator this one contributes to. */
  @Column('text', { nullable: true })
  planIndicatorCode!: string | null;

  @ManyToOne(() => PlanIndicatorEntity, { onDelete: 'NO ACTION', nullable: true })
  @JoinColumn({ name: 'plan_indicator_code', foreignKeyConstraintName: 'target_indicator_plan_fk' })
  planIndicator?: PlanIndicatorEntity | null;

  /** Order within the target. */
  @Column('integer')
  position!: number;
}
