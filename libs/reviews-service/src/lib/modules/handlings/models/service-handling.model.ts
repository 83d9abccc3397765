import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('ServiceHandling', { description: '办件: a completed handling of a service item' })
export class ServiceHandlingModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field()
  itemCode!: string;

  @Field()
  itemName!: string;

  @Field(() => String, { nullable: true, description: '身份证号, masked (4601**********1234)' })
  applicantIdNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Mobile number, masked (138****5678)' })
  applicantPhone!: string | null;

  @Field()
  completedAt!: Date;

  @Field({ description: 'Whether its applicant has reviewed it' })
  reviewed!: boolean;
}

export const ServiceHandlingConnection = ConnectionType(ServiceHandlingModel, 'ServiceHandling');
