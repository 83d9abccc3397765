import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs, msg } from '@egov/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Only units in this GB/T 2260 region (a city includes its districts)' })
  @IsOptional()
  @Matches(/^46\d{4}$/, { message: msg('应为海南省的 GB/T 2260 行政区划代码（46 开头的 6 位数字）', 'must be a Hainan GB/T 2260 region code (6 digits starting with 46)') })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only direct children of this unit' })
  @IsOptional()
  @IsUUID('all', { message: msg('应为单位 ID（UUID）', 'must be an organization id (UUID)') })
  parentId?: string;
}
