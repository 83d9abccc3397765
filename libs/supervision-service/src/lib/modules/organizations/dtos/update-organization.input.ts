import { Field, ID, InputType } from '@nestjs/graphql';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@egov/contracts';
import { msg } from '@egov/graphql';
import { IsIn, IsOptional, IsUUID, Length } from 'class-validator';
import { OrganizationKindEnum } from '../models/organization.model';

@InputType({ description: "What to change on a unit; a field left out stays as it is. A unit's code and region code are not editable: register a new unit instead." })
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: msg('单位名称长度应为 1–200 个字符', 'must be 1–200 characters long') })
  name?: string;

  @Field(() => OrganizationKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: msg('单位类型无效', 'is not an organization kind') })
  kind?: OrganizationKind;

  @Field(() => ID, { nullable: true, description: 'Moves the unit under this one, whose region must contain the unit’s; not the unit itself nor a unit below it. Left out, the unit keeps its parent; null is refused for a unit that has one (a unit is never made a root).' })
  @IsOptional()
  @IsUUID('all', { message: msg('应为上级单位 ID（UUID）', 'must be the parent organization id (UUID)') })
  parentId?: string;
}
