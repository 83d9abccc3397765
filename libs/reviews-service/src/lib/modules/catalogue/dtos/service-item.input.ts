import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs, IsOrganizationId, msg } from '@egov/graphql';
import { IsHainanRegionCode } from '@egov/identifiers';
import { IsBoolean, IsOptional, Length } from 'class-validator';

@InputType()
export class DefineServiceItemInput {
  @Field({ description: 'Implementation code (实施编码)' })
  @Length(1, 64, { message: msg('事项编码长度应为 1–64 个字符', 'must be 1–64 characters long') })
  code!: string;

  @Field()
  @Length(1, 200, { message: msg('事项名称长度应为 1–200 个字符', 'must be 1–200 characters long') })
  name!: string;

  @Field(() => ID, { description: 'The implementing unit' })
  @IsOrganizationId()
  organizationId!: string;

  @Field(() => Boolean, { defaultValue: false, description: '一件事一次办' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  oneThing = false;

  @Field(() => Boolean, { defaultValue: false, description: '全省通办' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  provinceWide = false;

  @Field(() => Boolean, { defaultValue: false, description: '零跑动' })
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  zeroVisit = false;
}

@ArgsType()
export class ServiceItemsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsOrganizationId()
  organizationId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsHainanRegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  oneThing?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  provinceWide?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  zeroVisit?: boolean;

  @Field({ nullable: true, description: 'Part of the name or the start of the code' })
  @IsOptional()
  @Length(1, 100, { message: msg('检索词长度应为 1–100 个字符', 'must be 1–100 characters long') })
  text?: string;
}
