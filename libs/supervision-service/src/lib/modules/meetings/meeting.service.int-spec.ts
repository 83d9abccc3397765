import { randomUUID } from 'node:crypto';
import { Role, scopeOf } from '@egov/auth';
import { openSupervisionTestKit, type SupervisionTestKit } from '../../testing/supervision-test-kit';
import type { NewMeeting, NewMeetingDecision } from './meeting.service';
import { refusal } from '@egov/testing';


describe('meetings (SUP-12) on real PostgreSQL, with the clock moved by the test', () => {
  let kit: SupervisionTestKit;
  let cityGovernment: string;
  let development: string;
  let housing: string;
  const code = () => `HK-${randomUUID().slice(0, 8)}`;
  // The city government's office keeps the record; its scope reaches the departments below it.
  const office = () => scopeOf({ subject: 'hk-office', roles: [Role.Officer], regionCode: '460100', organizationId: cityGovernment });
  const at = (iso: string) => new Date(iso);
  // The first working day after the 2024 National Day holiday (10-01…10-07; Sunday 09-29 is a make-up working day).
  const startsAt = at('2024-10-08T09:00:00+08:00');
  const announce = (announcedAt: string, overrides: Partial<NewMeeting> = {}) =>
    kit.meetings.announce(office(), { title: '市政府第45次常务会议', organizationId: cityGovernment, location: '市政府第一会议室', startsAt, plannedMinutes: 90, ...overrides }, at(announcedAt));
  const attendees = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `参会人员${i + 1}`, organizationId: i === 0 ? cityGovernment : null, role: i === 0 ? '主持' : '出席' }));
  const decision = (number: number, overrides: Partial<NewMeetingDecision> = {}): NewMeetingDecision => ({
    number,
    content: `议定事项${number}：加快推进项目审批制度改革`,
    leadOrganizationId: development,
    workingDays: 10,
    ...overrides,
  });
  const tasksOf = (meetingId: string) =>
    kit.dataSource.query<{ id: string; source_ref: string; lead_organization_id: string; due_date: string; work_standard: string }[]>(
      `SELECT id, source_ref, lead_organization_id, due_date::text, work_standard FROM supervision_task WHERE source_kind = 'MEETING_DECISION' AND source_ref LIKE $1 ORDER BY source_ref`,
      [`${meetingId}#%`],
    );

  beforeAll(async () => {
    kit = await openSupervisionTestKit();
    cityGovernment = await kit.registerUnit({ code: code(), name: '海口市人民政府', kind: 'GOVERNMENT', regionCode: '460100' });
    development = await kit.registerUnit({ code: code(), name: '海口市发展和改革委员会', regionCode: '460100', parentId: cityGovernment });
    housing = await kit.registerUnit({ code: code(), name: '海口市住房和城乡建设局', regionCode: '460100', parentId: cityGovernment });
  }, 60_000);

  afterAll(() => kit.close());

  it('SUP-12 a meeting is announced 3 working days ahead of its day, across the holiday and counting the make-up Sunday; a later notice is flagged', async () => {
    const timely = await announce('2024-09-27T10:00:00+08:00');
    expect(timely).toMatchObject({ noticeDueDate: '2024-09-27', shortNotice: false, materialsDueDate: '2024-09-30', maxMinutes: 90, maxAttendees: 50 });
    const short = await announce('2024-09-29T10:00:00+08:00');
    expect(short.shortNotice).toBe(true);
    expect((await refusal(announce('2024-10-08T10:00:00+08:00'))).fields.map((f) => f.field)).toEqual(['startsAt']);
    const flagged = (await kit.meetings.list(office(), { flagged: true, organizationId: cityGovernment }, 0, 100))[0].map((m) => m.id);
    expect(flagged).toContain(short.id);
    expect(flagged).not.toContain(timely.id);
  });

  it('SUP-12 materials are recorded with the time they were sent; one sent after the working day before the meeting is flagged late', async () => {
    const meeting = await announce('2024-09-26T10:00:00+08:00');
    const onTime = await kit.meetings.recordMaterial(office(), meeting.id, { title: '项目审批制度改革方案（送审稿）', attachment: 'doc:meetings/45/plan.pdf', sentAt: at('2024-09-30T17:30:00+08:00') }, at('2024-09-30T18:00:00+08:00'));
    expect(onTime).toMatchObject({ late: false, sentAt: at('2024-09-30T17:30:00+08:00') });
    const late = await kit.meetings.recordMaterial(office(), meeting.id, { title: '补充说明', attachment: 'doc:meetings/45/note.pdf' }, at('2024-10-05T10:00:00+08:00'));
    expect(late).toMatchObject({ late: true, sentAt: at('2024-10-05T10:00:00+08:00') });
    expect((await refusal(kit.meetings.recordMaterial(office(), meeting.id, { title: '未来材料', attachment: 'doc:x', sentAt: at('2024-10-06T10:00:00+08:00') }, at('2024-10-05T10:00:00+08:00')))).code).toBe('MEETING_MATERIAL_SENT_IN_FUTURE');
    expect((await kit.meetings.materialsOf(meeting.id)).map((m) => m.late)).toEqual([false, true]);
    expect((await kit.meetings.get(office(), meeting.id)).lateMaterials).toBe(1);
  });

  it('SUP-12 attendance (who, how many) and duration are recorded once against the rule pack’s limits; exceeding them is flagged', async () => {
    const long = await announce('2024-09-26T10:00:00+08:00');
    const crowded = await announce('2024-09-26T10:00:00+08:00');
    const held = await kit.meetings.recordHeld(office(), long.id, { startedAt: startsAt, endedAt: at('2024-10-08T11:00:00+08:00'), attendees: attendees(12) }, at('2024-10-08T12:00:00+08:00'));
    expect(held).toMatchObject({ durationMinutes: 120, attendeeCount: 12, overDuration: true, overAttendance: false });
    const full = await kit.meetings.recordHeld(office(), crowded.id, { startedAt: startsAt, endedAt: at('2024-10-08T10:30:00+08:00'), attendees: attendees(51) }, at('2024-10-08T12:00:00+08:00'));
    expect(full).toMatchObject({ durationMinutes: 90, attendeeCount: 51, overDuration: false, overAttendance: true });
    expect((await kit.meetings.attendeesOf(long.id)).slice(0, 2).map((a) => [a.position, a.name, a.role])).toEqual([
      [1, '参会人员1', '主持'],
      [2, '参会人员2', '出席'],
    ]);
    expect((await refusal(kit.meetings.recordHeld(office(), long.id, { startedAt: startsAt, endedAt: at('2024-10-08T10:00:00+08:00'), attendees: attendees(3) }, at('2024-10-08T12:00:00+08:00')))).code).toBe('MEETING_ALREADY_HELD');
    const backwards = await refusal(kit.meetings.recordHeld(office(), (await announce('2024-09-26T11:00:00+08:00')).id, { startedAt: startsAt, endedAt: at('2024-10-08T08:00:00+08:00'), attendees: attendees(3) }, at('2024-10-08T12:00:00+08:00')));
    expect(backwards.fields.map((f) => f.field)).toEqual(['endedAt']);
  });

  it('SUP-12 each decision opens a task (MEETING_DECISION, <meetingId>#<n>) with its own deadline, exactly once even when recorded twice or twice at the same time', async () => {
    const meeting = await announce('2024-09-26T10:00:00+08:00');
    expect((await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(1)], at('2024-10-08T08:59:00+08:00')))).code).toBe('MEETING_NOT_STARTED');
    const afterMeeting = at('2024-10-08T12:00:00+08:00');
    const first = await kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(2, { leadOrganizationId: housing, workingDays: undefined, dueDate: '2024-10-31', cooperatingOrganizationIds: [development] })], afterMeeting);
    const tasks = await tasksOf(meeting.id);
    // 10 working days from 10-08: 10-09…10-11, the make-up Saturday 10-12, 10-14…10-18, 10-21.
    expect(tasks.map((t) => [t.source_ref, t.lead_organization_id, t.due_date])).toEqual([
      [`${meeting.id}#1`, development, '2024-10-21'],
      [`${meeting.id}#2`, housing, '2024-10-31'],
    ]);
    expect(first.map((d) => [d.number, d.taskId])).toEqual(tasks.map((t, i) => [i + 1, t.id]));
    expect(await kit.tasks.cooperationOf(tasks[1].id)).toEqual([expect.objectContaining({ organizationId: development })]);

    const again = await kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(2, { leadOrganizationId: housing, workingDays: undefined, dueDate: '2024-10-31' })], at('2024-10-09T09:00:00+08:00'));
    expect(again.map((d) => d.taskId)).toEqual(first.map((d) => d.taskId));
    await Promise.all([
      kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(3, { leadOrganizationId: housing })], afterMeeting),
      kit.meetings.recordDecisions(office(), meeting.id, [decision(3, { leadOrganizationId: housing })], afterMeeting),
    ]);
    expect((await tasksOf(meeting.id)).map((t) => t.source_ref)).toEqual([1, 2, 3].map((n) => `${meeting.id}#${n}`));
    const assigned = (await kit.events('gov.hainan.supervision.task.assigned.v1')).filter((e) => String(e['sourceRef']).startsWith(`${meeting.id}#`));
    expect(assigned.map((e) => e['sourceRef']).sort()).toEqual([1, 2, 3].map((n) => `${meeting.id}#${n}`));
    expect((await kit.meetings.decisionsOf(meeting.id)).map((d) => d.number)).toEqual([1, 2, 3]);

    const changed = await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(1, { content: '改写后的议定事项' })], afterMeeting));
    expect([changed.code, changed.fields.map((f) => f.field)]).toEqual(['MEETING_DECISION_CHANGED', ['decisions[0]']]);
    expect((await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(4), decision(4)], afterMeeting))).fields.map((f) => f.field)).toEqual(['decisions[1].number']);
    expect((await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(5, { workingDays: undefined, dueDate: '2024-10-01' })], afterMeeting))).code).toBe('MEETING_DECISION_DEADLINE_IN_PAST');
    expect((await refusal(kit.meetings.recordDecisions(scopeOf({ subject: 'sy', roles: [Role.Supervisor], regionCode: '460200' }), meeting.id, [decision(6)], afterMeeting))).kind).toBe('FORBIDDEN');
    expect(await tasksOf(meeting.id)).toHaveLength(3);
  });

  it('SUP-12 decisions and their tasks are written together: when one decision’s task is refused, no decision of the call is kept and no task is left behind', async () => {
    const meeting = await announce('2024-09-26T10:00:00+08:00');
    const afterMeeting = at('2024-10-08T12:00:00+08:00');
    const refused = await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(2, { cooperatingOrganizationIds: [development] })], afterMeeting));
    expect(refused.code).toBe('TASK_LEAD_COOPERATES');
    expect(await tasksOf(meeting.id)).toEqual([]);
    expect(await kit.meetings.decisionsOf(meeting.id)).toEqual([]);
    expect((await kit.events('gov.hainan.supervision.task.assigned.v1')).filter((e) => String(e['sourceRef']).startsWith(`${meeting.id}#`))).toEqual([]);

    const recorded = await kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(2, { cooperatingOrganizationIds: [housing] })], afterMeeting);
    expect(recorded.map((d) => d.taskId)).toEqual((await tasksOf(meeting.id)).map((t) => t.id));
  });

  it('SUP-12 a meeting decision’s task is opened only by recording the decision: assigning one directly is refused, and a task opened earlier for the decision is linked only if its lead unit is the decision’s', async () => {
    const meeting = await announce('2024-09-26T10:00:00+08:00');
    const afterMeeting = at('2024-10-08T12:00:00+08:00');
    const byHand = (number: number, leadOrganizationId: string) => ({
      title: '手工立项',
      sourceKind: 'MEETING_DECISION' as const,
      sourceRef: `${meeting.id}#${number}`,
      leadOrganizationId,
      workStandard: '按会议要求办理',
      priority: 'NORMAL' as const,
      workingDays: 10,
    });
    const refused = await refusal(kit.tasks.assign(office(), byHand(1, development), afterMeeting));
    expect([refused.code, refused.fields.map((f) => f.field)]).toEqual(['TASK_SOURCE_OPENED_ELSEWHERE', ['sourceKind']]);
    expect(await tasksOf(meeting.id)).toEqual([]);

    // Tasks left by recordings made before decisions were kept with their tasks.
    const earlier = await kit.dataSource.transaction((manager) => kit.tasks.assignWithin(manager, office(), byHand(1, development), afterMeeting));
    await kit.dataSource.transaction((manager) => kit.tasks.assignWithin(manager, office(), byHand(2, housing), afterMeeting));
    const other = await refusal(kit.meetings.recordDecisions(office(), meeting.id, [decision(1), decision(2)], afterMeeting));
    expect(other.code).toBe('TASK_SOURCE_TAKEN');
    expect(await kit.meetings.decisionsOf(meeting.id)).toEqual([]);
    const linked = await kit.meetings.recordDecisions(office(), meeting.id, [decision(1)], afterMeeting);
    expect(linked.map((d) => [d.number, d.taskId])).toEqual([[1, earlier?.id]]);
  });
});
