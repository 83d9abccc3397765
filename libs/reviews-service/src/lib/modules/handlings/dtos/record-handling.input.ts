import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOrganizationId, msg } from '@egov/graphql';
import { CitizenIdScalar, IsCitizenId, IsMobileNumber, MobileNumberScalar } from '@egov/identifiers';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';

@InputType()
export class RecordHandlingInput {
  @Field(() => ID, { nullable: true, description: 'The hall system’s own id, so a resend does not create a second handling' })
  @IsOptional()
  @IsUUID('all', { message: msg('应为 UUID', 'must be a UUID') })
  id?: string;

  @Field(() => ID)
  @IsOrganizationId()
  organizationId!: string;

  @Field()
  @Length(1, 64, { message: msg('事项编码长度应为 1–64 个字符', 'must be 1–64 characters long') })
  itemCode!: string;

  @Field()
  @Length(1, 200, { message: msg('事项名称长度应为 1–200 个字符', 'must be 1–200 characters long') })
  itemName!: string;

  @Field({ description: 'Token subject of the applicant' })
  @Length(1, 128, { message: msg('申请人标识长度应为 1–128 个字符', 'must be 1–128 characters long') })
  applicantSubject!: string;

  @Field({ nullable: true, description: 'Token subject of the handling official' })
  @IsOptional()
  @Length(1, 128, { message: msg('经办人标识长度应为 1–128 个字符', 'must be 1–128 characters long') })
  handlerSubject?: string;

  @Field(() => CitizenIdScalar, { nullable: true, description: 'The applicant’s 身份证号; stored encrypted, shown masked' })
  @IsOptional()
  @IsCitizenId()
  applicantIdNumber?: string;

  @Field(() => MobileNumberScalar, { nullable: true, description: 'The applicant’s mobile number, for callbacks; stored encrypted, shown masked' })
  @IsOptional()
  @IsMobileNumber()
  applicantPhone?: string;

  @Field()
  @IsDate({ message: msg('应为带时区的 ISO-8601 时间', 'must be an ISO-8601 date-time with offset') })
  completedAt!: Date;
}

/** A batch from a hall's system: written whole or not at all. */
@InputType()
export class RecordHandlingsInput {
  @Field(() => [RecordHandlingInput])
  @IsArray({ message: msg('应为办件列表', 'must be a list of handlings') })
  @ArrayMinSize(1, { message: msg('至少包含 1 个办件', 'must hold at least 1 handling') })
  @ArrayMaxSize(500, { message: msg('每批最多 500 个办件', 'must hold at most 500 handlings per batch') })
  @ValidateNested({ each: true })
  @Type(() => RecordHandlingInput)
  handlings!: RecordHandlingInput[];
}
