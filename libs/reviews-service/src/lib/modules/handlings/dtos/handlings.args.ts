import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsBoolean, IsDate, IsOptional, Length } from 'class-validator';

/** Filters shared by the officers' list and the applicant's own. */
@ArgsType()
export class MyHandlingsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'Completed at or after' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  completedFrom?: Date;

  @Field({ nullable: true, description: 'Completed before' })
  @IsOptional()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  completedBefore?: Date;

  @Field({ nullable: true, description: 'Only handlings already reviewed (true) or not yet (false)' })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  reviewed?: boolean;
}

@ArgsType()
export class ServiceHandlingsArgs extends MyHandlingsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true, description: 'Narrows your scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 64, { message: msg('事项编码长度应为 1–64 个字符', 'must be 1–64 characters long') })
  itemCode?: string;
}
