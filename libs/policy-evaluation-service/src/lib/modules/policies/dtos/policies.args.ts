import { ArgsType, Field } from '@nestjs/graphql';
import { ConnectionArgs, msg } from '@egov/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { POLICY_KINDS, type PolicyKind } from '../entities/policy.entity';
import { PolicyKindEnum } from '../models/policy.model';

@ArgsType()
export class PoliciesArgs extends ConnectionArgs {
  @Field(() => PolicyKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(POLICY_KINDS, { message: msg('政策类型无效', 'is not a policy kind') })
  kind?: PolicyKind;
}
