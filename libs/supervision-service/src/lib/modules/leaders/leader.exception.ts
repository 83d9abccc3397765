import { DomainException, ErrorKind } from '@egov/errors';

export enum LeaderErrorCode {
  UnknownOrganization = 'LEADER_UNKNOWN_ORGANIZATION',
  StartInFuture = 'LEADER_START_IN_FUTURE',
  StartBeforeCurrent = 'LEADER_START_NOT_AFTER_CURRENT',
  AlreadyInOffice = 'LEADER_ALREADY_IN_OFFICE',
  ProvincialLevelOutsideProvince = 'LEADER_PROVINCIAL_LEVEL_OUTSIDE_PROVINCE',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const LeaderErrors = {
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, LeaderErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field('organizationId', '单位未登记', 'no such organization')),
  startInFuture: (startDate: string, today: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      LeaderErrorCode.StartInFuture,
      { zh: `任职日期 ${startDate} 晚于今天（${today}），请在到任后登记`, en: `The start date ${startDate} is after today (${today}); record the appointment once it takes effect` },
      field('startDate', '晚于今天', 'is after today'),
    ),
  startBeforeCurrent: (startDate: string, currentStart: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      LeaderErrorCode.StartBeforeCurrent,
      { zh: `任职日期 ${startDate} 须晚于现任负责人的任职日期 ${currentStart}`, en: `The start date ${startDate} must be after the current leader's start date ${currentStart}` },
      field('startDate', `须晚于 ${currentStart}`, `must be after ${currentStart}`),
    ),
  alreadyInOffice: (subject: string) =>
    new DomainException(
      ErrorKind.Conflict,
      LeaderErrorCode.AlreadyInOffice,
      { zh: `${subject} 已是该单位的现任负责人`, en: `${subject} already leads this unit` },
      field('personSubject', '已是该单位现任负责人', 'already leads this unit'),
    ),
  provincialLevelOutsideProvince: (regionCode: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      LeaderErrorCode.ProvincialLevelOutsideProvince,
      { zh: `省政府领导须任职于省级单位（460000），该单位区划为 ${regionCode}`, en: `A provincial leader heads a province-level unit (460000); this unit is in ${regionCode}` },
      field('level', '仅限省级单位', 'is for province-level units only'),
    ),
};
