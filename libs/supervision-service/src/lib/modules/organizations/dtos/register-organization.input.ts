import { IsHainanRegionCode } from '@egov/identifiers';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@egov/contracts';
import { msg } from '@egov/graphql';
import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { OrganizationKindEnum } from '../models/organization.model';

@InputType()
export class RegisterOrganizationInput {
  @Field()
  @Length(1, 64, { message: msg('单位编码长度应为 1–64 个字符', 'must be 1–64 characters long') })
  code!: string;

  @Field()
  @Length(1, 200, { message: msg('单位名称长度应为 1–200 个字符', 'must be 1–200 characters long') })
  name!: string;

  @Field(() => OrganizationKindEnum)
  @IsIn(ORGANIZATION_KINDS, { message: msg('单位类型无效', 'is not an organization kind') })
  kind!: OrganizationKind;

  @Field()
  @IsHainanRegionCode()
  regionCode!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: msg('应为上级单位 ID（UUID）', 'must be the parent organization id (UUID)') })
  parentId?: string;
}
