import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IntegrityScore', { description: 'A unit’s government-integrity score as it stands now' })
export class IntegrityScoreModel {
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
}

/** The organization as the credit subgraph sees it. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationIntegrityRef {
  @Field(() => ID)
  id!: string;
}
