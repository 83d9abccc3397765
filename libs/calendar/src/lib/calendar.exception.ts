import { badInput, DomainException, ErrorKind } from '@egov/errors';

export enum CalendarErrorCode {
  InvalidDate = 'CALENDAR_INVALID_DATE',
  InvalidWorkingDays = 'CALENDAR_INVALID_WORKING_DAYS',
  InvalidRegion = 'CALENDAR_INVALID_REGION',
  InvalidRule = 'CALENDAR_INVALID_RULE',
  UnknownVersion = 'CALENDAR_UNKNOWN_VERSION',
  InvalidData = 'CALENDAR_INVALID_DATA',
}

export const CalendarErrors = {
  invalidDate: (field: string, value: string) =>
    badInput(CalendarErrorCode.InvalidDate, [
      { field, message: { zh: `"${value}" 不是有效日期，应为 YYYY-MM-DD`, en: `"${value}" is not a valid date; expected YYYY-MM-DD` } },
    ]),
  invalidWorkingDays: (value: number, max: number) =>
    badInput(CalendarErrorCode.InvalidWorkingDays, [
      { field: 'workingDays', message: { zh: `工作日数须为 1 至 ${max} 的整数，收到 ${value}`, en: `must be a whole number from 1 to ${max}, got ${value}` } },
    ]),
  invalidRegion: (value: string) =>
    badInput(CalendarErrorCode.InvalidRegion, [
      { field: 'regionCode', message: { zh: `"${value}" 不是 6 位 GB/T 2260 行政区划代码`, en: `"${value}" is not a 6-digit GB/T 2260 region code` } },
    ]),
  invalidRule: () =>
    badInput(CalendarErrorCode.InvalidRule, [
      { field: 'rule', message: { zh: '须注明期限所依据的规则（规则包条目）', en: 'must name the rule (rule-pack entry) the deadline comes from' } },
    ]),
  unknownVersion: (version: string, known: readonly string[]) =>
    new DomainException(ErrorKind.NotFound, CalendarErrorCode.UnknownVersion, {
      zh: `未知的日历版本 "${version}"，现有版本：${known.join('、')}`,
      en: `Unknown calendar version "${version}"; bundled versions: ${known.join(', ')}`,
    }),
  invalidData: (what: string, problem: string) =>
    new DomainException(ErrorKind.Internal, CalendarErrorCode.InvalidData, {
      zh: `日历数据 ${what} 有误：${problem}`,
      en: `Calendar data ${what} is invalid: ${problem}`,
    }),
};
