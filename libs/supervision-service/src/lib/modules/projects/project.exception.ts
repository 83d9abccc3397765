import { DomainException, ErrorKind } from '@egov/errors';
import { PROJECT_STAGE_NAMES, type ProjectStage } from './project-stages';

export enum ProjectErrorCode {
  NotFound = 'PROJECT_NOT_FOUND',
  UnknownOrganization = 'PROJECT_UNKNOWN_ORGANIZATION',
  CodeTaken = 'PROJECT_CODE_TAKEN',
  StageOrder = 'PROJECT_STAGE_OUT_OF_ORDER',
  Completed = 'PROJECT_COMPLETED',
  StageDate = 'PROJECT_STAGE_DATE',
  VisitDate = 'PROJECT_VISIT_DATE',
  QuarterChecked = 'PROJECT_VISIT_QUARTER_CHECKED',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });
const named = (stage: ProjectStage) => `${PROJECT_STAGE_NAMES[stage]}（${stage}）`;

export const ProjectErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, ProjectErrorCode.NotFound, { zh: `重大项目 ${id} 不存在`, en: `Major project ${id} does not exist` }),
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, ProjectErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field('organizationId', '单位未登记', 'no such organization')),
  codeTaken: (code: string) =>
    new DomainException(ErrorKind.Conflict, ProjectErrorCode.CodeTaken, { zh: `项目编号 ${code} 已入库`, en: `Project number ${code} is already in the library` }, field('code', '编号已存在', 'is already taken')),
  stageOrder: (current: ProjectStage, expected: ProjectStage, requested: ProjectStage) =>
    new DomainException(
      ErrorKind.Conflict,
      ProjectErrorCode.StageOrder,
      {
        zh: `项目处于${named(current)}阶段，只能进入下一阶段${named(expected)}，不能进入${named(requested)}`,
        en: `The project is at ${current}: it can only move on to ${expected}, not to ${requested}`,
      },
      field('stage', `下一阶段应为${PROJECT_STAGE_NAMES[expected]}`, `the next stage is ${expected}`),
    ),
  completed: () => new DomainException(ErrorKind.Conflict, ProjectErrorCode.Completed, { zh: '项目已竣工验收，没有后续阶段', en: 'The project has passed its completion acceptance: there is no later stage' }),
  stageDate: (enteredOn: string, earliest: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      ProjectErrorCode.StageDate,
      { zh: `阶段日期 ${enteredOn} 须不早于上一阶段的 ${earliest}，且不晚于今天`, en: `The stage date ${enteredOn} must be on or after the previous stage’s ${earliest} and not in the future` },
      field('enteredOn', '日期不在允许范围内', 'is out of range'),
    ),
  visitDate: (visitedOn: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      ProjectErrorCode.VisitDate,
      { zh: `走访日期 ${visitedOn} 晚于今天`, en: `The visit date ${visitedOn} is in the future` },
      field('visitedOn', '晚于今天', 'is in the future'),
    ),
  quarterChecked: (quarter: string) =>
    new DomainException(
      ErrorKind.Conflict,
      ProjectErrorCode.QuarterChecked,
      { zh: `${quarter} 季度已结束并完成核查，不能再补录该季度的现场服务`, en: `Quarter ${quarter} has closed and been checked: visits in it can no longer be added` },
      field('visitedOn', '所在季度已核查', 'falls in a quarter already checked'),
    ),
};
