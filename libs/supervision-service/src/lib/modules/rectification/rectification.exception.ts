import { DomainException, ErrorKind } from '@egov/errors';

export enum RectificationErrorCode {
  FeedbackNotFound = 'RECTIFICATION_FEEDBACK_NOT_FOUND',
  ItemNotFound = 'RECTIFICATION_ITEM_NOT_FOUND',
  UnknownOrganization = 'RECTIFICATION_UNKNOWN_ORGANIZATION',
  ReferenceTaken = 'RECTIFICATION_FEEDBACK_REFERENCE_TAKEN',
  ListDrawnUp = 'RECTIFICATION_LIST_ALREADY_DRAWN_UP',
  DeadlineChoice = 'RECTIFICATION_DEADLINE_CHOICE',
  DeadlinePassed = 'RECTIFICATION_DEADLINE_IN_PAST',
  Closed = 'RECTIFICATION_ITEM_CLOSED',
  EvidenceMissing = 'RECTIFICATION_EVIDENCE_MISSING',
  NotVerifier = 'RECTIFICATION_VERIFIER_NOT_SUPERVISOR',
  OwnUnit = 'RECTIFICATION_VERIFIED_BY_OWN_UNIT',
  NotAbove = 'RECTIFICATION_VERIFIER_NOT_ABOVE',
  LedgerPeriod = 'RECTIFICATION_LEDGER_PERIOD',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const RectificationErrors = {
  feedbackNotFound: (id: string) => new DomainException(ErrorKind.NotFound, RectificationErrorCode.FeedbackNotFound, { zh: `督查反馈 ${id} 不存在`, en: `Inspection feedback ${id} does not exist` }),
  itemNotFound: (id: string) => new DomainException(ErrorKind.NotFound, RectificationErrorCode.ItemNotFound, { zh: `整改事项 ${id} 不存在`, en: `Rectification item ${id} does not exist` }),
  unknownOrganization: (id: string, path: string) =>
    new DomainException(ErrorKind.BadUserInput, RectificationErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field(path, '单位未登记', 'no such organization')),
  referenceTaken: (reference: string) =>
    new DomainException(
      ErrorKind.Conflict,
      RectificationErrorCode.ReferenceTaken,
      { zh: `督查反馈 ${reference} 已登记`, en: `Inspection feedback ${reference} is already recorded` },
      field('reference', '该文号已登记', 'is already recorded'),
    ),
  listDrawnUp: () =>
    new DomainException(ErrorKind.Conflict, RectificationErrorCode.ListDrawnUp, { zh: '该督查反馈的整改清单已制定', en: 'The rectification list of this feedback has already been drawn up' }),
  deadlineChoice: (index: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      RectificationErrorCode.DeadlineChoice,
      { zh: '整改时限须为日期或工作日天数，二者选一', en: 'An item’s deadline is either a date or a number of working days, exactly one of them' },
      field(`items[${index}].dueDate`, '与 workingDays 二选一', 'give either this or workingDays'),
    ),
  deadlineInPast: (index: number, dueDate: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      RectificationErrorCode.DeadlinePassed,
      { zh: `整改时限 ${dueDate} 已过`, en: `The deadline ${dueDate} has passed` },
      field(`items[${index}].dueDate`, '早于今天', 'is before today'),
    ),
  closed: () => new DomainException(ErrorKind.Conflict, RectificationErrorCode.Closed, { zh: '该整改事项已销号', en: 'This rectification item is already closed' }),
  evidenceMissing: () =>
    new DomainException(
      ErrorKind.Conflict,
      RectificationErrorCode.EvidenceMissing,
      { zh: '责任单位尚未报送整改佐证材料（说明及附件），不能销号', en: 'The responsible unit has not submitted evidence (a statement and attachments): the item cannot be closed' },
      field('itemId', '缺少整改佐证材料', 'has no evidence yet'),
    ),
  notVerifier: () =>
    new DomainException(ErrorKind.Forbidden, RectificationErrorCode.NotVerifier, { zh: '整改销号须由上级督查人员核验', en: 'A rectification item is verified by a supervisor of a unit above' }),
  ownUnit: () =>
    new DomainException(ErrorKind.Forbidden, RectificationErrorCode.OwnUnit, {
      zh: '整改责任单位不得自行核验销号，报送佐证的人员也不得核验',
      en: 'The responsible unit may not verify its own item, nor may whoever submitted the evidence',
    }),
  notAbove: () =>
    new DomainException(ErrorKind.Forbidden, RectificationErrorCode.NotAbove, { zh: '只有责任单位的上级单位可以核验销号', en: 'Only a unit above the responsible unit may verify the item' }),
  ledgerPeriod: () =>
    new DomainException(
      ErrorKind.BadUserInput,
      RectificationErrorCode.LedgerPeriod,
      { zh: '台账期间应为不超过 36 个月的 YYYY-MM 区间，且起始月不晚于结束月', en: 'The ledger period is at most 36 months, YYYY-MM to YYYY-MM, the first not after the last' },
      field('toMonth', '期间无效', 'is not a valid period'),
    ),
};
