import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IntegrityDeduction', { description: 'CRD-2: points lost, linked to the event that caused them' })
export class IntegrityDeductionModel {
  @Field(() => ID)
  eventId!: string;

  @Field()
  eventType!: string;

  @Field({ description: 'TASK_OVERDUE, CONTRIBUTION_LATE or CASE_OVERDUE' })
  kind!: string;

  @Field(() => Float)
  points!: number;

  @Field({ description: 'The task or case it was about' })
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

  @Field(() => Float, { description: 'CRD-2: points lost for missed duties (overdue tasks, late contributions, overdue bad-review cases)' })
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
