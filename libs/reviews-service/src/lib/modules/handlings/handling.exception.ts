import { DomainException, ErrorKind } from '@egov/errors';

export enum HandlingErrorCode {
  NotFound = 'HANDLING_NOT_FOUND',
  UnknownOrganization = 'HANDLING_UNKNOWN_ORGANIZATION',
  CompletedInFuture = 'HANDLING_COMPLETED_IN_FUTURE',
  Conflict = 'HANDLING_ID_TAKEN',
}

export const HandlingErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, HandlingErrorCode.NotFound, { zh: `办件 ${id} 不存在`, en: `Handling ${id} does not exist` }),
  unknownOrganization: (id: string, field: string) =>
    new DomainException(ErrorKind.BadUserInput, HandlingErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, {
      fields: [{ field, message: { zh: '单位未登记', en: 'no such organization' } }],
    }),
  completedInFuture: (field: string) =>
    new DomainException(ErrorKind.BadUserInput, HandlingErrorCode.CompletedInFuture, { zh: '办结时间不能晚于当前时间', en: 'The completion time cannot be in the future' }, {
      fields: [{ field, message: { zh: '晚于当前时间', en: 'is in the future' } }],
    }),
  idTaken: (id: string, field: string) =>
    new DomainException(ErrorKind.Conflict, HandlingErrorCode.Conflict, { zh: `办件 ${id} 已以不同内容登记`, en: `Handling ${id} was already recorded with different details` }, {
      fields: [{ field, message: { zh: '该 ID 已用于另一办件', en: 'this id belongs to another handling' } }],
    }),
};
