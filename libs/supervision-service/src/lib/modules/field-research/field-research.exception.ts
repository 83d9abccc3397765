import { DomainException, ErrorKind } from '@egov/errors';

export enum FieldResearchErrorCode {
  UnknownOrganization = 'FIELD_RESEARCH_UNKNOWN_ORGANIZATION',
  NotALeader = 'FIELD_RESEARCH_NOT_A_LEADER',
  DateInFuture = 'FIELD_RESEARCH_DATE_IN_FUTURE',
  PeriodChecked = 'FIELD_RESEARCH_PERIOD_CHECKED',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const FieldResearchErrors = {
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, FieldResearchErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field('organizationId', '单位未登记', 'no such organization')),
  notALeader: (subject: string, date: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      FieldResearchErrorCode.NotALeader,
      { zh: `${subject} 在 ${date} 不是该单位的负责人，请先登记任职`, en: `${subject} did not lead this unit on ${date}; record the appointment first` },
      field('personSubject', `${date} 不是该单位负责人`, `did not lead this unit on ${date}`),
    ),
  dateInFuture: (date: string) =>
    new DomainException(ErrorKind.BadUserInput, FieldResearchErrorCode.DateInFuture, { zh: `调研日期 ${date} 晚于今天`, en: `The research date ${date} is after today` }, field('date', '晚于今天', 'is after today')),
  periodChecked: (period: string) =>
    new DomainException(
      ErrorKind.Conflict,
      FieldResearchErrorCode.PeriodChecked,
      { zh: `${period} 的调研任务已核查，不再补录`, en: `Field research for ${period} has been checked against its quota; it can no longer be recorded` },
      field('date', `${period} 已核查`, `${period} is already checked`),
    ),
};
