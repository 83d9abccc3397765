import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsOptional } from 'class-validator';

@ArgsType()
export class RectifiedBadReviewsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only this region (a city includes its districts)' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;
}
