import { IsHainanRegionCode } from '@egov/identifiers';
import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '@egov/graphql';
import { IsOptional } from 'class-validator';

@ArgsType()
export class EnterprisesArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only enterprises in this region (must lie inside the caller’s scope)' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;
}
