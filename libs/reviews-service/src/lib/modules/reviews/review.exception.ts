import { badInput, DomainException, ErrorKind } from '@egov/errors';

export enum ReviewErrorCode {
  AlreadySubmitted = 'REVIEW_ALREADY_SUBMITTED',
  WindowClosed = 'REVIEW_WINDOW_CLOSED',
  NotCompleted = 'REVIEW_HANDLING_NOT_COMPLETED',
  NotApplicant = 'REVIEW_NOT_APPLICANT',
  OwnHandling = 'REVIEW_OWN_HANDLING',
  CommentTooLong = 'REVIEW_COMMENT_TOO_LONG',
}

const fieldError = (code: string, field: string, zh: string, en: string): DomainException => badInput(code, [{ field, message: { zh, en } }]);

export const ReviewErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, 'REVIEW_NOT_FOUND', { zh: `评价 ${id} 不存在`, en: `Review ${id} does not exist` }),
  notYours: () => new DomainException(ErrorKind.Forbidden, 'REVIEW_NOT_YOURS', { zh: '只能对本人的评价进行二次评价', en: 'Only the reviewer may re-rate a review' }),
  notRectified: () =>
    new DomainException(ErrorKind.Conflict, 'REVIEW_NOT_RECTIFIED', { zh: '整改完成后方可二次评价', en: 'A review can be re-rated only after its case is rectified' }),
  alreadyReRated: () => new DomainException(ErrorKind.Conflict, 'REVIEW_ALREADY_RE_RATED', { zh: '该评价已二次评价', en: 'This review has already been re-rated' }),
  dimensionNotForChannel: (index: number, dimension: string, allowed: readonly string[]) =>
    fieldError('REVIEW_DIMENSION_NOT_FOR_CHANNEL', `dimensions[${index}].dimension`, `该渠道不评价 ${dimension}，可评价：${allowed.join('、')}`, `${dimension} is not rated on this channel; rate ${allowed.join(', ')}`),
  dimensionRepeated: (index: number, dimension: string) =>
    fieldError('REVIEW_DIMENSION_REPEATED', `dimensions[${index}].dimension`, `${dimension} 重复评价`, `${dimension} is rated twice`),
  overallMismatch: (index: number) =>
    fieldError('REVIEW_OVERALL_MISMATCH', `dimensions[${index}].rating`, '总体评价须与评价等级一致', 'the OVERALL dimension must equal the review rating'),
  unknownReason: (index: number, code: string, version: string) =>
    fieldError('REVIEW_UNKNOWN_REASON', `reasons[${index}]`, `${code} 不在评价原因清单（${version}）中`, `${code} is not in the reasons list ${version}`),
  reasonNotForRating: (index: number, code: string) =>
    fieldError('REVIEW_REASON_NOT_FOR_RATING', `reasons[${index}]`, `原因 ${code} 与评价等级不符`, `reason ${code} does not fit this rating`),
  alreadySubmitted: (handlingId: string) =>
    new DomainException(ErrorKind.Conflict, ReviewErrorCode.AlreadySubmitted, { zh: `办件 ${handlingId} 已评价，一次办件只能评价一次`, en: `Handling ${handlingId} has already been reviewed; each handling is reviewed once` }),
  windowClosed: (handlingId: string, days: number) =>
    new DomainException(ErrorKind.Conflict, ReviewErrorCode.WindowClosed, { zh: `办件 ${handlingId} 办结已超过 ${days} 天，评价通道已关闭`, en: `Handling ${handlingId} completed more than ${days} days ago; reviews are closed` }),
  notCompleted: (handlingId: string) =>
    new DomainException(ErrorKind.Conflict, ReviewErrorCode.NotCompleted, { zh: `办件 ${handlingId} 尚未办结`, en: `Handling ${handlingId} is not completed yet` }),
  notApplicant: () =>
    new DomainException(ErrorKind.Forbidden, ReviewErrorCode.NotApplicant, { zh: '只有办件申请人可以评价该办件', en: 'Only the applicant of a handling may review it' }),
  ownHandling: () =>
    new DomainException(ErrorKind.Forbidden, ReviewErrorCode.OwnHandling, { zh: '工作人员不得评价本人经办的办件', en: 'Staff may not review handlings they handled themselves' }),
  commentTooLong: (max: number) =>
    new DomainException(ErrorKind.BadUserInput, ReviewErrorCode.CommentTooLong, { zh: `评价内容不能超过 ${max} 个字`, en: `The comment may not exceed ${max} characters` }, {
      fields: [{ field: 'comment', message: { zh: `超过 ${max} 个字`, en: `is longer than ${max} characters` } }],
    }),
};
