import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@egov/graphql';

@ObjectType('ProjectStageTransition', { description: 'SUP-9: the day a project entered a stage' })
export class ProjectStageTransitionModel {
  @Field()
  stage!: string;

  @Field({ description: '选址, 立项, 要素保障, 规划, 施工 or 竣工验收' })
  stageName!: string;

  @Field()
  enteredOn!: string;

  @Field()
  recordedAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('ProjectGuideStep', { description: 'A step of the full-process guide and the materials it needs' })
export class ProjectGuideStepModel {
  @Field(() => Int)
  position!: number;

  @Field()
  title!: string;

  @Field(() => [String])
  materials!: string[];

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('ProjectGuideStage', { description: 'SUP-9: one stage of a project’s full-process guide (全流程服务指南)' })
export class ProjectGuideStageModel {
  @Field()
  stage!: string;

  @Field()
  stageName!: string;

  @Field(() => [ProjectGuideStepModel])
  steps!: ProjectGuideStepModel[];
}

@ObjectType('ProjectVisit', { description: 'SUP-9: an on-site service visit' })
export class ProjectVisitModel {
  @Field(() => ID)
  id!: string;

  @Field()
  visitedOn!: string;

  @Field(() => [String])
  visitors!: string[];

  @Field({ description: 'The responsible person was there: it counts for the quarter' })
  byResponsible!: boolean;

  @Field()
  purpose!: string;

  @Field(() => String, { nullable: true })
  outcome!: string | null;
}

@ObjectType('ProjectMissedQuarter', { description: 'SUP-9: a quarter that closed without the responsible person’s on-site visits' })
export class ProjectMissedQuarterModel {
  @Field({ description: 'YYYY-Qn' })
  quarter!: string;

  @Field(() => Int)
  visits!: number;

  @Field(() => Int)
  required!: number;

  @Field()
  flaggedAt!: Date;
}

@ObjectType('MajorProject', { description: '省重大项目库 (SUP-9): a major project, its stage and who answers for it' })
export class MajorProjectModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ID, { description: 'The responsible unit' })
  organizationId!: string;

  @Field()
  regionCode!: string;

  @Field()
  responsibleName!: string;

  @Field({ description: 'SITE_SELECTION, APPROVAL, FACTOR_GUARANTEE, PLANNING, CONSTRUCTION or COMPLETION_ACCEPTANCE' })
  stage!: string;

  @Field({ description: '选址, 立项, 要素保障, 规划, 施工 or 竣工验收' })
  stageName!: string;

  @Field()
  stageEnteredOn!: string;

  @Field(() => String, { nullable: true, description: 'The day 竣工验收 was reached' })
  completedOn!: string | null;

  @Field()
  registeredAt!: Date;
}

export const MajorProjectConnection = ConnectionType(MajorProjectModel, 'MajorProject');
