import { DomainException, ErrorKind } from '@egov/errors';

export enum CaseErrorCode {
  NotFound = 'CASE_NOT_FOUND',
  CallbackRecorded = 'CASE_CALLBACK_ALREADY_RECORDED',
  RectificationRecorded = 'CASE_RECTIFICATION_ALREADY_RECORDED',
  Closed = 'CASE_CLOSED',
  RecordsMissing = 'CASE_RECORDS_MISSING',
}

export const CaseErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, CaseErrorCode.NotFound, { zh: `差评工单 ${id} 不存在`, en: `Bad-review case ${id} does not exist` }),
  callbackRecorded: () => new DomainException(ErrorKind.Conflict, CaseErrorCode.CallbackRecorded, { zh: '该工单已有回访记录', en: 'This case already has its callback record' }),
  rectificationRecorded: () =>
    new DomainException(ErrorKind.Conflict, CaseErrorCode.RectificationRecorded, { zh: '该工单已有整改记录', en: 'This case already has its rectification record' }),
  closed: () => new DomainException(ErrorKind.Conflict, CaseErrorCode.Closed, { zh: '该工单已办结', en: 'This case is already closed' }),
  recordsMissing: (missing: readonly ('callback' | 'rectification')[]) =>
    new DomainException(ErrorKind.Conflict, CaseErrorCode.RecordsMissing, {
      zh: `实名差评须有${missing.map((m) => (m === 'callback' ? '回访记录' : '整改记录')).join('和')}方可办结`,
      en: `The case cannot close without its ${missing.join(' and ')} record${missing.length > 1 ? 's' : ''}`,
    }),
};
