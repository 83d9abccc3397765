import { DomainException, ErrorKind } from '@egov/errors';

export enum TaskErrorCode {
  NotFound = 'TASK_NOT_FOUND',
  UnknownOrganization = 'TASK_UNKNOWN_ORGANIZATION',
  LeadCooperates = 'TASK_LEAD_COOPERATES',
  DeadlineChoice = 'TASK_DEADLINE_CHOICE',
  DeadlinePassed = 'TASK_DEADLINE_IN_PAST',
  SourceTaken = 'TASK_SOURCE_TAKEN',
  SourceOpenedElsewhere = 'TASK_SOURCE_OPENED_ELSEWHERE',
  NotLeadUnit = 'TASK_NOT_LEAD_UNIT',
  NotCooperating = 'TASK_NOT_COOPERATING',
  Completed = 'TASK_COMPLETED',
  AlreadyAccepted = 'TASK_ALREADY_ACCEPTED',
  NotImportantDocument = 'TASK_NOT_IMPORTANT_DOCUMENT',
  DelayTooLate = 'TASK_DELAY_AFTER_DEADLINE',
  AlreadyContributed = 'TASK_ALREADY_CONTRIBUTED',
  MilestoneNotFound = 'TASK_MILESTONE_NOT_FOUND',
  MilestoneHasChildren = 'TASK_MILESTONE_HAS_CHILDREN',
  MilestoneParent = 'TASK_MILESTONE_PARENT_UNKNOWN',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const TaskErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, TaskErrorCode.NotFound, { zh: `督办事项 ${id} 不存在`, en: `Task ${id} does not exist` }),
  unknownOrganization: (id: string, path: string) =>
    new DomainException(ErrorKind.BadUserInput, TaskErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field(path, '单位未登记', 'no such organization')),
  leadCooperates: (index: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TaskErrorCode.LeadCooperates,
      { zh: '牵头单位不能同时是配合单位', en: 'The lead unit cannot also be a cooperating unit' },
      field(`cooperatingUnits[${index}].organizationId`, '与牵头单位相同', 'is the lead unit'),
    ),
  deadlineChoice: () =>
    new DomainException(
      ErrorKind.BadUserInput,
      TaskErrorCode.DeadlineChoice,
      { zh: '期限须为日期或工作日天数，二者选一', en: 'The deadline is either a date or a number of working days, exactly one of them' },
      field('dueDate', '与 workingDays 二选一', 'give either this or workingDays'),
    ),
  deadlineInPast: (dueDate: string) =>
    new DomainException(ErrorKind.BadUserInput, TaskErrorCode.DeadlinePassed, { zh: `期限 ${dueDate} 已过`, en: `The deadline ${dueDate} has passed` }, field('dueDate', '早于今天', 'is before today')),
  sourceTaken: (kind: string, ref: string) =>
    new DomainException(ErrorKind.Conflict, TaskErrorCode.SourceTaken, { zh: `来源 ${kind} ${ref} 已有督办事项`, en: `Source ${kind} ${ref} already has a task` }, field('sourceRef', '该来源已立项', 'already has a task')),
  sourceOpenedElsewhere: (kind: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TaskErrorCode.SourceOpenedElsewhere,
      { zh: `来源为 ${kind} 的督办事项由会议议定事项记录时生成，不能直接立项`, en: `A task from source ${kind} is opened by recording the meeting's decisions, not assigned directly` },
      field('sourceKind', '请记录会议议定事项', 'record the meeting’s decisions instead'),
    ),
  notLeadUnit: () => new DomainException(ErrorKind.Forbidden, TaskErrorCode.NotLeadUnit, { zh: '只有牵头单位可以办理此项', en: 'Only the lead unit may do this' }),
  notCooperating: (organizationId: string) =>
    new DomainException(ErrorKind.Forbidden, TaskErrorCode.NotCooperating, { zh: `单位 ${organizationId} 不是该事项的配合单位`, en: `Organization ${organizationId} does not cooperate on this task` }),
  completed: () => new DomainException(ErrorKind.Conflict, TaskErrorCode.Completed, { zh: '督办事项已办结', en: 'The task is already completed' }),
  alreadyAccepted: () => new DomainException(ErrorKind.Conflict, TaskErrorCode.AlreadyAccepted, { zh: '督办事项已签收', en: 'The task was already accepted' }),
  notImportantDocument: () =>
    new DomainException(ErrorKind.Conflict, TaskErrorCode.NotImportantDocument, { zh: '只有重要上级文件需要向领导报告', en: 'Only an important superior document is reported to the leaders' }),
  delayAfterDeadline: (dueDate: string) =>
    new DomainException(
      ErrorKind.Conflict,
      TaskErrorCode.DelayTooLate,
      { zh: `期限 ${dueDate} 已过，不再受理延期说明；请按期报送进展`, en: `The deadline ${dueDate} has passed: a delay explanation is no longer accepted; report progress instead` },
    ),
  alreadyContributed: () => new DomainException(ErrorKind.Conflict, TaskErrorCode.AlreadyContributed, { zh: '本单位已报送配合材料', en: 'Your unit has already contributed' }),
  milestoneNotFound: (id: string) => new DomainException(ErrorKind.NotFound, TaskErrorCode.MilestoneNotFound, { zh: `节点 ${id} 不存在`, en: `Milestone ${id} does not exist` }),
  milestoneHasChildren: () =>
    new DomainException(
      ErrorKind.Conflict,
      TaskErrorCode.MilestoneHasChildren,
      { zh: '该节点的进度由其下级节点汇总，不能直接填报', en: 'This milestone’s progress is rolled up from the milestones under it and cannot be set directly' },
      field('progress', '由下级节点汇总', 'is rolled up from the milestones below'),
    ),
  milestoneParent: (index: number, key: string) =>
    new DomainException(
      ErrorKind.BadUserInput,
      TaskErrorCode.MilestoneParent,
      { zh: `上级节点 ${key} 须在本节点之前列出`, en: `Parent milestone ${key} must be listed before this one` },
      field(`milestones[${index}].parentKey`, '未找到上级节点', 'names no earlier milestone'),
    ),
};
