import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';
import { EXEMPLARY_CASE_STATUSES, type ExemplaryCaseStatus } from '../entities/exemplary-case.entity';

export const ExemplaryCaseStatusEnum = Object.fromEntries(EXEMPLARY_CASE_STATUSES.map((s) => [s, s])) as { [K in ExemplaryCaseStatus]: K };
registerEnumType(ExemplaryCaseStatusEnum, { name: 'ExemplaryCaseStatus', description: 'NOMINATED by its unit, or SELECTED by a supervisor' });

@ObjectType('ExemplaryCase', { description: 'SUP-13: a case nominated for a quarter’s best-practice selection (典型案例)' })
export class ExemplaryCaseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field({ description: 'YYYY-Qn' })
  quarter!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => ExemplaryCaseStatusEnum)
  status!: ExemplaryCaseStatus;

  @Field()
  nominatedAt!: Date;

  @Field(() => Date, { nullable: true })
  selectedAt!: Date | null;

  @Field(() => String, { nullable: true })
  selectionNote!: string | null;
}

@ObjectType('BestPracticeYear', { description: 'SUP-13: exemplary cases selected for a year’s quarters across the province, against the minimum' })
export class BestPracticeYearModel {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  required!: number;

  @Field(() => Int, { description: 'Final once checked; the running count before' })
  selected!: number;

  @Field(() => Date, { nullable: true, description: 'When the year was checked, after its last quarter’s selection closed' })
  checkedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The flag: fewer selected than required; null until checked' })
  shortfall!: boolean | null;
}

export const ExemplaryCaseConnection = ConnectionType(ExemplaryCaseModel, 'ExemplaryCase');
