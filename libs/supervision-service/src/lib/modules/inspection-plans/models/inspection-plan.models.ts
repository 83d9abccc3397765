import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('InspectionPlan', { description: 'SUP-11: a planned supervision, inspection or assessment visit' })
export class InspectionPlanModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'SUPERVISION (督查), INSPECTION (检查) or ASSESSMENT (考核)' })
  kind!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The unit that carries the visit out' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field(() => [ID])
  targetOrganizationIds!: string[];

  @Field()
  startsOn!: string;

  @Field()
  endsOn!: string;

  @Field({ description: 'The window of the quarter it starts in: its first day …' })
  windowStart!: string;

  @Field({ description: '… and its last' })
  windowEnd!: string;

  @Field()
  inWindow!: boolean;

  @Field(() => String, { nullable: true })
  outOfWindowReason!: string | null;

  @Field({ description: 'SCHEDULED (inside the window), PENDING_APPROVAL, APPROVED or REJECTED' })
  status!: string;

  @Field(() => ID, { nullable: true })
  decidedByOrganizationId!: string | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

export const InspectionPlanConnection = ConnectionType(InspectionPlanModel, 'InspectionPlan');
