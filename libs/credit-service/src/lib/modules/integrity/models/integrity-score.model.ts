import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DEDUCTION_KINDS } from '../entities/integrity-deduction.entity';

@ObjectType('IntegrityDeduction', { description: 'CRD-2: points lost, linked to the event that caused them' })
export class IntegrityDeductionModel {
  @Field(() => ID)
  eventId!: string;

  @Field()
  eventType!: string;

  @Field({ description: `One of ${DEDUCTION_KINDS.join(', ')}` })
  kind!: string;

  @Field(() => Float)
  points!: number;

  @Field({ description: 'What it was about: task:, case:, milestone:, rectification:, feedback:, project:<id>:<quarter>, quota:<kind>:<period>:<leader> or evaluation:' })
  subjectRef!: string;

  @Field()
  occurredAt!: Date;
}

@ObjectType('IntegrityScore', { description: 'A unit’s government-integrity score as it stands now' })
export class IntegrityScoreModel {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float)
  score!: number;

  @Field({ description: 'True until the quarterly evaluation model is in force' })
  provisional!: boolean;

  @Field({ description: 'How the score is computed' })
  basis!: string;

  @Field(() => Int)
  reviewsCounted!: number;

  @Field(() => Int)
  badReviews!: number;

  @Field(() => Float, { description: 'CRD-2: points lost for missed duties (overdue tasks and milestones, late contributions, overdue bad-review cases, overdue or recurring rectifications, missed project visits, research quota shortfalls)' })
  deductedPoints!: number;

  @Field(() => [IntegrityDeductionModel], { description: 'The latest deductions, each with the event that caused it' })
  deductions?: IntegrityDeductionModel[];
}

/** The organization as the credit subgraph sees it. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationIntegrityRef {
  @Field(() => ID)
  id!: string;
}
