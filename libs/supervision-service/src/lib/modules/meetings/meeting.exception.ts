import { DomainException, ErrorKind } from '@egov/errors';

export enum MeetingErrorCode {
  NotFound = 'MEETING_NOT_FOUND',
  UnknownOrganization = 'MEETING_UNKNOWN_ORGANIZATION',
  StartsInPast = 'MEETING_STARTS_IN_PAST',
  SentInFuture = 'MEETING_MATERIAL_SENT_IN_FUTURE',
  AlreadyHeld = 'MEETING_ALREADY_HELD',
  HeldTimes = 'MEETING_HELD_TIMES',
  NotStarted = 'MEETING_NOT_STARTED',
  DecisionNumber = 'MEETING_DECISION_NUMBER_REPEATED',
  DeadlineChoice = 'MEETING_DECISION_DEADLINE_CHOICE',
  DeadlinePassed = 'MEETING_DECISION_DEADLINE_IN_PAST',
  DecisionChanged = 'MEETING_DECISION_CHANGED',
}

const field = (name: string, zh: string, en: string) => ({ fields: [{ field: name, message: { zh, en } }] });

export const MeetingErrors = {
  notFound: (id: string) => new DomainException(ErrorKind.NotFound, MeetingErrorCode.NotFound, { zh: `会议 ${id} 不存在`, en: `Meeting ${id} does not exist` }),
  unknownOrganization: (id: string, path: string) =>
    new DomainException(ErrorKind.BadUserInput, MeetingErrorCode.UnknownOrganization, { zh: `单位 ${id} 未登记`, en: `Organization ${id} is not registered` }, field(path, '单位未登记', 'no such organization')),
  startsInPast: () =>
    new DomainException(ErrorKind.BadUserInput, MeetingErrorCode.StartsInPast, { zh: '会议须提前通知，开始时间已过', en: 'A meeting is announced in advance: its start has passed' }, field('startsAt', '早于当前时间', 'is in the past')),
  sentInFuture: () =>
    new DomainException(ErrorKind.BadUserInput, MeetingErrorCode.SentInFuture, { zh: '材料发送时间晚于当前时间', en: 'The material’s sending time is in the future' }, field('sentAt', '晚于当前时间', 'is in the future')),
  alreadyHeld: () => new DomainException(ErrorKind.Conflict, MeetingErrorCode.AlreadyHeld, { zh: '该会议的召开情况已登记', en: 'This meeting’s attendance and duration are already recorded' }),
  heldTimes: () =>
    new DomainException(
      ErrorKind.BadUserInput,
      MeetingErrorCode.HeldTimes,
      { zh: '散会时间须晚于开会时间，且不晚于当前时间', en: 'The meeting must end after it began and not in the future' },
      field('endedAt', '时间无效', 'is out of range'),
    ),
  notStarted: () => new DomainException(ErrorKind.Conflict, MeetingErrorCode.NotStarted, { zh: '会议尚未召开，不能登记议定事项', en: 'The meeting has not begun: it has no decisions yet' }),
  decisionNumber: (index: number, number: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      MeetingErrorCode.DecisionNumber,
      { zh: `议定事项编号 ${number} 重复`, en: `Decision number ${number} is given twice` },
      field(`decisions[${index}].number`, '编号重复', 'is repeated'),
    ),
  deadlineChoice: (index: number) =>
    new DomainException(
      ErrorKind.BadUserInput,
      MeetingErrorCode.DeadlineChoice,
      { zh: '完成时限须为日期或工作日天数，二者选一', en: 'A decision’s deadline is either a date or a number of working days, exactly one of them' },
      field(`decisions[${index}].dueDate`, '与 workingDays 二选一', 'give either this or workingDays'),
    ),
  deadlineInPast: (index: number, dueDate: string) =>
    new DomainException(ErrorKind.BadUserInput, MeetingErrorCode.DeadlinePassed, { zh: `完成时限 ${dueDate} 已过`, en: `The deadline ${dueDate} has passed` }, field(`decisions[${index}].dueDate`, '早于今天', 'is before today')),
  decisionChanged: (index: number, number: number) =>
    new DomainException(
      ErrorKind.Conflict,
      MeetingErrorCode.DecisionChanged,
      { zh: `议定事项 ${number} 已登记且已立项督办，内容或牵头单位不能更改`, en: `Decision ${number} is already recorded and has become a task: its content and lead unit cannot change` },
      field(`decisions[${index}]`, '与已登记内容不同', 'differs from the one recorded'),
    ),
};
