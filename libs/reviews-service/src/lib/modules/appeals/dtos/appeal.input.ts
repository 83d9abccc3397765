import { Field, ID, InputType } from '@nestjs/graphql';
import { msg } from '@egov/graphql';
import { IsBoolean, IsUUID, Length } from 'class-validator';

@InputType()
export class FileAppealInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为评价 ID（UUID）', 'must be a review id (UUID)') })
  reviewId!: string;

  @Field({ description: 'Why the unit holds the review mistaken or malicious' })
  @Length(1, 2000, { message: msg('申诉理由应为 1–2000 个字', 'must be 1–2000 characters long') })
  grounds!: string;
}

@InputType()
export class DecideAppealInput {
  @Field(() => ID)
  @IsUUID('all', { message: msg('应为申诉 ID（UUID）', 'must be an appeal id (UUID)') })
  appealId!: string;

  @Field()
  @IsBoolean({ message: msg('应为 true 或 false', 'must be true or false') })
  upheld!: boolean;

  @Field({ description: 'The reason, kept with the review' })
  @Length(1, 2000, { message: msg('审核意见应为 1–2000 个字', 'must be 1–2000 characters long') })
  reason!: string;
}
