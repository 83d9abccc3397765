import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs, msg } from '@egov/graphql';
import { IsOptional, Matches } from 'class-validator';

@ArgsType()
export class EnterprisesArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only enterprises in this region (must lie inside the caller’s scope)' })
  @IsOptional()
  @Matches(/^46\d{4}$/, { message: msg('应为海南省的 GB/T 2260 行政区划代码', 'must be a Hainan GB/T 2260 region code') })
  regionCode?: string;
}
