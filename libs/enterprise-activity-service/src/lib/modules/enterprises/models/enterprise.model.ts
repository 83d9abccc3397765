import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('Enterprise')
@Directive('@key(fields: "uscc")')
export class EnterpriseModel {
  @Field({ description: '统一社会信用代码' })
  uscc!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 region code' })
  regionCode!: string;
}

export const EnterpriseConnection = ConnectionType(EnterpriseModel, 'Enterprise');
