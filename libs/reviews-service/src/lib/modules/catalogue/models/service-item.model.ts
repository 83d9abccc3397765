import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('ServiceItem', { description: '事项: a service a unit offers, with its delivery flags' })
export class ServiceItemModel {
  @Field({ description: 'Implementation code (实施编码)' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ID, { description: 'The implementing unit' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field({ description: '一件事一次办' })
  oneThing!: boolean;

  @Field({ description: '全省通办' })
  provinceWide!: boolean;

  @Field({ description: '零跑动' })
  zeroVisit!: boolean;

  @Field()
  registeredAt!: Date;
}

export const ServiceItemConnection = ConnectionType(ServiceItemModel, 'ServiceItem');
