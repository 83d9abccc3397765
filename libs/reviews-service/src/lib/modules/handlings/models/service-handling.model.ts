import { Field, ID, ObjectType } from '@nestjs/graphql';

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

  @Field()
  completedAt!: Date;
}
