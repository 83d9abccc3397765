import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, type CaseStatus } from '../entities/bad-review-case.entity';

@ArgsType()
export class BadReviewCasesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'OPEN, CALLED_BACK, RECTIFIED or CLOSED' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: msg('工单状态无效', 'is not a case status') })
  status?: CaseStatus;

  @Field({ nullable: true, description: 'Narrows a regional scope to this region' })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true, description: 'Only cases with a missed callback or rectification deadline' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean;
}
