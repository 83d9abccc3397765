import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const PLAN_MEASURES = ['COUNT', 'PERCENT'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];
export const PLAN_APPLIES_TO = ['PROVINCE', 'EACH_CITY_COUNTY'] as const;
export type PlanAppliesTo = (typeof PLAN_APPLIES_TO)[number];

/** SUP-14: one of the action plan's own numbers, loaded from the versioned data file. */
@Entity({ name: 'plan_indicator' })
@Check('plan_indicator_measure_check', `measure IN ('COUNT', 'PERCENT')`)
@Check('plan_indicator_applies_to_check', `applies_to IN ('PROVINCE', 'EACH_CITY_COUNTY')`)
export class PlanIndicatorEntity {
  @PrimaryColumn('text')
  code!: string;

  /** The data file's edition this row was loaded from. */
  @Column('text')
  edition!: string;

  @Column('text')
  name!: string;

  /** The plan's clause, e.g. 二(十三). */
  @Column('text')
  section!: string;

  @Column('text')
  measure!: PlanMeasure;

  @Column('text')
  unit!: string;

  /** The whole province, or every city and county on its own (综合窗口占比). */
  @Column('text')
  appliesTo!: PlanAppliesTo;

  /** Which service's data could compute the actual, when the platform holds it. */
  @Column('text', { nullable: true })
  fedBy!: string | null;

  /** Order in the plan. */
  @Column('integer')
  position!: number;
}
