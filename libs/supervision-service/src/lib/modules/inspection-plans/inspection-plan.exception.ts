import { DomainException, ErrorKind } from '@egov/errors';
import type { InspectionWindow } from './inspection-window';

export enum InspectionPlanErrorCode {
  NotFound = 'INSPECTION_PLAN_NOT_FOUND',
  UnknownOrganization = 'INSPECTION_PLAN_UNKNOWN_ORGANIZATION',
  Dates = 'INSPECTION_PLAN_DATES',
  OutsideWindow = 'INSPECTION_PLAN_OUTSIDE_WINDOW',
  NotPending = 'INSPECTION_PLAN_NOT_PENDING',
  NotApprover = 'INSPECTION_PLAN_APPROVER_NOT_SUPERVISOR',
  OwnPlan = 'INSPECTION_PLAN_APPROVED_BY_OWN_UNIT',
  NotAbove = 'INSPECTION_PLAN_APPROVER_NOT_ABOVE',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const InspectionPlanErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, InspectionPlanErrorCode.NotFound, { zh: `督查检查考核计划 ${id} 不存在`, en: `Inspection plan ${id} does not exist` }),
  unknownOrganization: (id: string, path: string) =>
    new DomainException(ErrorKind.BadUserInput, InspectionPlanErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field(path, '单位未登记', 'no such organization')),
  endsBeforeStart: () =>
    new DomainException(ErrorKind.BadUserInput, InspectionPlanErrorCode.Dates, { zh: '结束日期早于开始日期', en: 'The plan ends before it starts' }, field('endsOn', '早于开始日期', 'is before startsOn')),
  startsInPast: (startsOn: string) =>
    new DomainException(ErrorKind.BadUserInput, InspectionPlanErrorCode.Dates, { zh: `开始日期 ${startsOn} 已过，计划须事先制定`, en: `The start ${startsOn} has passed: a plan is made beforehand` }, field('startsOn', '早于今天', 'is before today')),
  outsideWindow: (window: InspectionWindow, days: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      InspectionPlanErrorCode.OutsideWindow,
      {
        zh: `督查、检查、考核须安排在每季度第一个月的第 1–${days} 日（本季度为 ${window.start} 至 ${window.end}）；窗口外的计划须填写理由，并经上级督查部门批准后方可实施`,
        en: `Supervision, inspection and assessment visits take place on days 1–${days} of each quarter's first month (this quarter ${window.start} to ${window.end}); a plan outside that window needs a reason and the approval of a supervisor above before it goes ahead`,
      },
      field('outOfWindowReason', '窗口外的计划须填写理由', 'is required for a plan outside the window'),
    ),
  notPending: () =>
    new DomainException(ErrorKind.Conflict, InspectionPlanErrorCode.NotPending, { zh: '该计划不在待审批状态', en: 'This plan is not waiting for approval' }),
  notApprover: () =>
    new DomainException(ErrorKind.Forbidden, InspectionPlanErrorCode.NotApprover, { zh: '窗口外的计划须由上级督查人员审批', en: 'A plan outside the window is approved by a supervisor of a unit above' }),
  ownPlan: () =>
    new DomainException(ErrorKind.Forbidden, InspectionPlanErrorCode.OwnPlan, {
      zh: '制定计划的单位及制定人不得自行审批',
      en: 'Neither the planning unit nor the person who made the plan may approve it',
    }),
  notAbove: () =>
    new DomainException(ErrorKind.Forbidden, InspectionPlanErrorCode.NotAbove, { zh: '只有计划单位的上级单位可以审批', en: 'Only a unit above the planning unit may approve the plan' }),
};
