import { DomainException, ErrorKind } from '@egov/errors';

export enum AppealErrorCode {
  NotFound = 'APPEAL_NOT_FOUND',
  NotBad = 'APPEAL_REVIEW_NOT_BAD',
  Pending = 'APPEAL_ALREADY_PENDING',
  Excluded = 'APPEAL_REVIEW_ALREADY_EXCLUDED',
  Decided = 'APPEAL_ALREADY_DECIDED',
  OwnUnit = 'APPEAL_DECIDED_BY_OWN_UNIT',
  NotSupervising = 'APPEAL_NOT_SUPERVISING_UNIT',
}

export const AppealErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, AppealErrorCode.NotFound, { zh: `申诉 ${id} 不存在`, en: `Appeal ${id} does not exist` }),
  notBad: () => new DomainException(ErrorKind.Conflict, AppealErrorCode.NotBad, { zh: '只能对差评提出申诉', en: 'Only a bad review can be appealed' }),
  pending: () => new DomainException(ErrorKind.Conflict, AppealErrorCode.Pending, { zh: '该差评已有待处理的申诉', en: 'This bad review already has an appeal pending' }),
  excluded: () => new DomainException(ErrorKind.Conflict, AppealErrorCode.Excluded, { zh: '该差评已因申诉成立不计入统计', en: 'This review is already out of the statistics after an upheld appeal' }),
  decided: () => new DomainException(ErrorKind.Conflict, AppealErrorCode.Decided, { zh: '该申诉已处理', en: 'This appeal has already been decided' }),
  ownUnit: () =>
    new DomainException(ErrorKind.Forbidden, AppealErrorCode.OwnUnit, { zh: '申诉须由上级监督单位审核，申诉单位不得自行审核', en: 'An appeal is decided by the supervising unit, never by the appealing unit' }),
  notSupervising: () =>
    new DomainException(ErrorKind.Forbidden, AppealErrorCode.NotSupervising, { zh: '只有申诉单位的上级单位可以审核该申诉', en: 'Only a unit above the appealing unit may decide this appeal' }),
};
