import { DomainException, ErrorKind } from '@egov/errors';

export enum BestPracticeErrorCode {
  NotFound = 'EXEMPLARY_CASE_NOT_FOUND',
  UnknownOrganization = 'EXEMPLARY_CASE_UNKNOWN_ORGANIZATION',
  QuarterInFuture = 'EXEMPLARY_CASE_QUARTER_IN_FUTURE',
  SelectionClosed = 'EXEMPLARY_CASE_SELECTION_CLOSED',
  TitleTaken = 'EXEMPLARY_CASE_TITLE_TAKEN',
  AlreadySelected = 'EXEMPLARY_CASE_ALREADY_SELECTED',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const BestPracticeErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, BestPracticeErrorCode.NotFound, { zh: `典型案例 ${id} 不存在`, en: `Exemplary case ${id} does not exist` }),
  unknownOrganization: (id: string) =>
    new DomainException(ErrorKind.BadUserInput, BestPracticeErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field('organizationId', '单位未登记', 'no such organization')),
  quarterInFuture: (quarter: string, current: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      BestPracticeErrorCode.QuarterInFuture,
      { zh: `${quarter} 尚未开始（当前为 ${current}）`, en: `${quarter} has not begun (this is ${current})` },
      field('quarter', `晚于 ${current}`, `is after ${current}`),
    ),
  selectionClosed: (quarter: string, closedAfter: string, path: string) =>
    new DomainException(
      ErrorKind.Conflict,
      BestPracticeErrorCode.SelectionClosed,
      { zh: `${quarter} 的典型案例评选已于 ${closedAfter} 截止`, en: `The exemplary-case selection for ${quarter} closed after ${closedAfter}` },
      field(path, `${quarter} 评选已截止`, `${quarter} selection has closed`),
    ),
  titleTaken: (title: string, quarter: string) =>
    new DomainException(
      ErrorKind.Conflict,
      BestPracticeErrorCode.TitleTaken,
      { zh: `本单位已为 ${quarter} 推荐“${title}”`, en: `Your unit already nominated “${title}” for ${quarter}` },
      field('title', '本季度已推荐同名案例', 'already nominated this quarter'),
    ),
  alreadySelected: () => new DomainException(ErrorKind.Conflict, BestPracticeErrorCode.AlreadySelected, { zh: '该案例已入选', en: 'The case is already selected' }),
};
