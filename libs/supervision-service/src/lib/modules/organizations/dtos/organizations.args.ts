import { IsHainanRegionCode } from '@egov/identifiers';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs, IsOrganizationId } from '@egov/graphql';
import { IsOptional } from 'class-validator';

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only units in this GB/T 2260 region (a city includes its districts)' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this unit' })
  @IsOptional()
  @IsOrganizationId()
  parentId?: string;
}
