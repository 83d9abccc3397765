import { DomainException, ErrorKind } from '@egov/errors';

export enum TargetErrorCode {
  NotFound = 'TARGET_NOT_FOUND',
  IndicatorNotFound = 'TARGET_INDICATOR_NOT_FOUND',
  UnknownOrganization = 'TARGET_UNKNOWN_ORGANIZATION',
  TitleTaken = 'TARGET_TITLE_TAKEN',
  BadTrajectory = 'TARGET_BAD_TRAJECTORY',
  UnknownPlanIndicator = 'TARGET_UNKNOWN_PLAN_INDICATOR',
  NotOwningUnit = 'TARGET_NOT_OWNING_UNIT',
  NoSuchPeriod = 'TARGET_NO_SUCH_PERIOD',
  PeriodNotStarted = 'TARGET_PERIOD_NOT_STARTED',
  ActualMissing = 'TARGET_ACTUAL_MISSING',
  AchievedInFuture = 'TARGET_ACHIEVED_IN_FUTURE',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const TargetErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, TargetErrorCode.NotFound, { zh: `年度目标 ${id} 不存在`, en: `Annual target ${id} does not exist` }),
  indicatorNotFound: (id: string) =>
    new DomainException(ErrorKind.NotFound, TargetErrorCode.IndicatorNotFound, { zh: `目标指标 ${id} 不存在`, en: `Target indicator ${id} does not exist` }, field('indicatorId', '指标不存在', 'no such indicator')),
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, TargetErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field('organizationId', '单位未登记', 'no such organization')),
  titleTaken: (title: string, year: number) =>
    new DomainException(
      ErrorKind.Conflict,
      TargetErrorCode.TitleTaken,
      { zh: `该单位 ${year} 年已有名为“${title}”的目标`, en: `The unit already has a ${year} target named “${title}”` },
      field('title', '同名目标已存在', 'a target of this name exists for the year'),
    ),
  badTrajectory: (path: string, zh: string, en: string) =>
    new DomainException(ErrorKind.BadUserInput, TargetErrorCode.BadTrajectory, { zh: `指标计划有误：${zh}`, en: `The indicator’s plan is wrong: ${en}` }, field(path, zh, en)),
  unknownPlanIndicator: (code: string, path: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TargetErrorCode.UnknownPlanIndicator,
      { zh: `行动方案指标 ${code} 不存在`, en: `Plan indicator ${code} does not exist` },
      field(path, '不是行动方案指标', 'is not a plan indicator'),
    ),
  notOwningUnit: () =>
    new DomainException(ErrorKind.Forbidden, TargetErrorCode.NotOwningUnit, { zh: '只有目标所属单位或其上级单位可以填报实际值', en: 'Only the target’s unit or a unit above it may report actual values' }),
  noSuchPeriod: (period: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TargetErrorCode.NoSuchPeriod,
      { zh: `该指标没有第 ${period} 期的计划`, en: `The indicator has no plan for period ${period}` },
      field('period', '该期无计划', 'has no plan'),
    ),
  periodNotStarted: (startsOn: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TargetErrorCode.PeriodNotStarted,
      { zh: `该期自 ${startsOn} 开始，尚不能填报`, en: `The period starts on ${startsOn}; it cannot be reported yet` },
      field('period', '尚未开始', 'has not started'),
    ),
  actualMissing: (path: 'value' | 'achievedOn') =>
    new DomainException(
      ErrorKind.BadUserInput,
      TargetErrorCode.ActualMissing,
      path === 'value'
        ? { zh: '数量、质量指标须填报实际值', en: 'A quantity or quality indicator is reported with a value' }
        : { zh: '时间指标须填报完成日期', en: 'A time indicator is reported with the day it was reached' },
      field(path, '必填', 'is required for this kind of indicator'),
    ),
  achievedInFuture: (day: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TargetErrorCode.AchievedInFuture,
      { zh: `完成日期 ${day} 晚于今天`, en: `The day reached, ${day}, is after today` },
      field('achievedOn', '晚于今天', 'is after today'),
    ),
};
