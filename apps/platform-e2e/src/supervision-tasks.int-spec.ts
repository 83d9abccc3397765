import { randomUUID } from 'node:crypto';
import { Role } from '@egov/auth';
import { loadCalendar, shanghaiDateOf } from '@egov/calendar';
import { BadReviewCaseOverdue, BadReviewCaseOverdueV1, type EventDescriptor, PolicyEvaluationOverdue, serializePayload } from '@egov/contracts';
import { toKafkaRecord } from '@egov/messaging';
import { expectEventually, graphqlData, graphqlRequest } from '@egov/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DistributedPlatform } from './support/distributed-platform';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id dueDate status colour } }`;
const TASK = `query($id: ID!) { task(id: $id) { id status colour dueDate overdueAt completedLate nextProgressReportDue flags { kind dueDate } } }`;
const EXPLAIN = `mutation($input: ExplainTaskDelayInput!) { explainTaskDelay(input: $input) { id } }`;
const COMPLETE = `mutation($taskId: ID!) { completeTask(taskId: $taskId) { id status completedLate } }`;
const DASHBOARD = `{ taskDashboard { open { NONE BLUE YELLOW RED } completedOnTime completedLate overdueByUnit { organizationId overdue } trajectory { year targets onTrajectory offTrajectory } } }`;
const SCORE = `query($id: ID!) { organization(id: $id) { integrityScore { score deductedPoints deductions { kind points subjectRef eventType } } } }`;

interface TaskView {
  task: { id: string; status: string; colour: string; dueDate: string; overdueAt: string | null; completedLate: boolean | null; nextProgressReportDue: string | null; flags: { kind: string; dueDate: string }[] };
}
interface ScoreView {
  organization: { integrityScore: { score: number; deductedPoints: number; deductions: { kind: string; points: number; subjectRef: string; eventType: string }[] } };
}

/** An event as its producer's relay would put it on Kafka, with a fresh envelope id. */
function kafkaRecordOf<P extends object>(descriptor: EventDescriptor<P>, payload: P): { id: string; record: ReturnType<typeof toKafkaRecord> } {
  const id = randomUUID();
  return {
    id,
    record: toKafkaRecord({
      specversion: '1.0',
      id,
      source: `/gov/hainan/${descriptor.service}`,
      type: descriptor.type,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      extensions: {},
      topic: descriptor.topic,
      key: descriptor.keyOf(payload),
      data: serializePayload(descriptor, payload),
    }),
  };
}

describe('supervision tasks through the gateway, on Kafka, with the supervision clock moved by the test (distributed mode)', () => {
  const platform = new DistributedPlatform();
  const calendar = loadCalendar();
  const REGION = '460100';
  let gateway: string;
  let supervisionUrl: string;
  let unitId: string;
  let supervisor: string;
  let officer: string;

  /** Moves supervision's clock: its scheduled jobs run once at that time, as they would when it got there. */
  async function moveClockTo(at: string): Promise<Record<string, number | null>> {
    const response = await fetch(`${supervisionUrl}/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: at }) });
    const body = (await response.json()) as { jobs: Record<string, number | null> };
    expect({ status: response.status, body }).toMatchObject({ status: 200 });
    return body.jobs;
  }

  const taskOf = (id: string) => graphqlData<TaskView>(gateway, TASK, { id }, supervisor);

  beforeAll(async () => {
    await platform.start(['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit', 'gateway'], { supervision: { CLOCK_CONTROL_ENABLED: 'true' } });
    gateway = platform.process('gateway').graphqlUrl;
    supervisionUrl = platform.process('supervision').url;
    const registered = await graphqlData<{ registerOrganization: { id: string } }>(
      gateway,
      REGISTER,
      { input: { code: `${platform.prefix}-FGW`, name: '海口市发展和改革委员会（督办测试）', kind: 'DEPARTMENT', regionCode: REGION } },
      await platform.adminToken(),
    );
    unitId = registered.registerOrganization.id;
    supervisor = await platform.token({ roles: [Role.Supervisor, Role.Leader], regionCode: REGION });
    officer = await platform.token({ roles: [Role.Officer], regionCode: REGION, organizationId: unitId });
  }, 240_000);

  afterAll(() => platform.stop(), 60_000);

  it('SUP-1…SUP-4 a superior document: assigned in working days, reminded and turned blue, overdue and red, a late delay explanation refused, the overdue consumed by credit, then completed late', async () => {
    // Received on a Monday morning in March 2026; 8 working days later is the deadline.
    await moveClockTo('2026-03-02T09:00:00+08:00');
    const assigned = await graphqlData<{ assignTask: { id: string; dueDate: string; status: string; colour: string } }>(
      gateway,
      ASSIGN,
      { input: { title: '落实营商环境问题整改', sourceKind: 'SUPERIOR_DOCUMENT', sourceRef: `琼府督〔2026〕${randomUUID().slice(0, 6)}号`, leadOrganizationId: unitId, workStandard: '按文件要求完成整改并报送结果', importantDocument: true, workingDays: 8 } },
      supervisor,
    );
    const taskId = assigned.assignTask.id;
    const due = assigned.assignTask.dueDate;
    expect(due).toBe(calendar.addWorkingDays('2026-03-02', 8, { rule: 'test', regionCode: REGION }).date);
    expect(assigned.assignTask).toMatchObject({ status: 'ASSIGNED', colour: 'NONE' });

    // SUP-2: never reported to the leaders on the day it arrived.
    await moveClockTo('2026-03-03T00:05:00+08:00');
    expect((await taskOf(taskId)).task.flags).toEqual([{ kind: 'DOCUMENT_NOT_REPORTED', dueDate: '2026-03-02' }]);

    // SUP-3: three working days before the deadline, a reminder; the task turns blue.
    const reminderDay = [...Array(10).keys()].map((n) => shanghaiDateOf(new Date(new Date(`${due}T12:00:00+08:00`).getTime() - n * 86_400_000))).find((d) => calendar.workingDaysBetween(d, due, REGION) === 3);
    await moveClockTo(`${reminderDay}T00:05:00+08:00`);
    expect((await taskOf(taskId)).task.colour).toBe('BLUE');

    // SUP-3: the day after the deadline it is overdue and red; SUP-4: progress reports from then on.
    const dayAfter = shanghaiDateOf(new Date(new Date(`${due}T12:00:00+08:00`).getTime() + 86_400_000));
    await moveClockTo(`${dayAfter}T00:05:00+08:00`);
    const overdue = (await taskOf(taskId)).task;
    expect(overdue).toMatchObject({ colour: 'RED', nextProgressReportDue: calendar.addWorkingDays(due, 5, { rule: 'test', regionCode: REGION }).date });
    expect(overdue.overdueAt).not.toBeNull();

    // SUP-4: a delay explanation after the deadline is refused, and says why.
    const late = await graphqlRequest(gateway, EXPLAIN, { input: { taskId, reason: '协调未果', expectedCompletion: '2026-04-30' } }, officer);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_DELAY_AFTER_DEADLINE' });

    // SUP-3 → CRD-2: credit takes the overdue event off the lead unit's score, linked to the task.
    await expectEventually(
      async () => {
        const score = (await graphqlData<ScoreView>(gateway, SCORE, { id: unitId })).organization.integrityScore;
        expect(score).toMatchObject({ score: 98, deductedPoints: 2, deductions: [{ kind: 'TASK_OVERDUE', points: 2, subjectRef: `task:${taskId}`, eventType: 'gov.hainan.supervision.task.overdue.v1' }] });
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const dashboard = await graphqlData<{ taskDashboard: { open: Record<string, number>; overdueByUnit: { organizationId: string; overdue: number }[]; trajectory: { year: number; targets: number; onTrajectory: number; offTrajectory: number } } }>(
      gateway,
      DASHBOARD,
      {},
      supervisor,
    );
    expect(dashboard.taskDashboard.overdueByUnit).toContainEqual({ organizationId: unitId, overdue: 1 });
    // The targets' side of the dashboard follows the service's clock for its default year.
    const trajectory = dashboard.taskDashboard.trajectory;
    expect(trajectory.year).toBe(2026);
    const client = new Client({ connectionString: platform.databaseUrl('supervision') });
    await client.connect();
    try {
      const counted = await client.query<{ targets: number; off: number }>(
        `SELECT count(*)::int AS targets, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM target_trajectory_flag f WHERE f.target_id = t.id AND f.recovered_at IS NULL))::int AS off
           FROM annual_target t WHERE t.year = 2026 AND t.region_code LIKE '4601%'`,
      );
      expect([trajectory.targets, trajectory.offTrajectory]).toEqual([counted.rows[0]?.targets, counted.rows[0]?.off]);
    } finally {
      await client.end();
    }

    const completed = await graphqlData<{ completeTask: { status: string; completedLate: boolean } }>(gateway, COMPLETE, { taskId }, officer);
    expect(completed.completeTask).toEqual({ id: taskId, status: 'COMPLETED', completedLate: true });
    const after = await graphqlData<{ taskDashboard: { overdueByUnit: { organizationId: string }[]; completedLate: number } }>(gateway, DASHBOARD, {}, supervisor);
    expect(after.taskDashboard.overdueByUnit.map((u) => u.organizationId)).not.toContain(unitId);
    expect(after.taskDashboard.completedLate).toBeGreaterThanOrEqual(1);
  });

  it('SUP-1 an overdue bad-review case opens exactly one task, even when its event is delivered twice over Kafka', async () => {
    const kafka = new Kafka({ clientId: `${platform.prefix}-tasks`, brokers: platform.brokers, logLevel: logLevel.NOTHING });
    const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const caseId = randomUUID();
    const recordOf = (stage: 'CALLBACK' | 'RECTIFICATION', detectedAt: string) =>
      kafkaRecordOf(BadReviewCaseOverdue, Object.assign(new BadReviewCaseOverdueV1(), { caseId, organizationId: unitId, regionCode: REGION, stage, dueDate: '2026-03-10', detectedAt: new Date(detectedAt) }));
    // The callback stage's event twice (a redelivery), then the rectification stage's: one case, one task.
    const callback = recordOf('CALLBACK', '2026-03-11T00:01:00+08:00');
    const rectification = recordOf('RECTIFICATION', '2026-03-17T00:01:00+08:00');
    try {
      await producer.send({ topic: platform.topic(BadReviewCaseOverdue.topic), acks: -1, messages: [callback.record, callback.record, rectification.record] });
    } finally {
      await producer.disconnect();
    }
    const client = new Client({ connectionString: platform.databaseUrl('supervision') });
    await client.connect();
    try {
      await expectEventually(
        async () => {
          const handled = await client.query<{ event_id: string; outcome: string }>('SELECT event_id, outcome FROM inbox_event WHERE event_id = ANY($1::text[]) ORDER BY event_id', [[callback.id, rectification.id]]);
          expect(handled.rows).toHaveLength(2);
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
      const tasks = await client.query<{ due_date: string }>(`SELECT due_date::text FROM supervision_task WHERE source_kind = 'BAD_REVIEW' AND source_ref = $1`, [`case:${caseId}`]);
      // 5 working days (rule pack) from the first detection, 2026-03-11.
      expect(tasks.rows).toEqual([{ due_date: calendar.addWorkingDays('2026-03-11', 5, { rule: 'test', regionCode: REGION }).date }]);
    } finally {
      await client.end();
    }
  });

  it('SUP-1 CRD-2 an overdue policy evaluation, delivered twice on the policy-evaluation topic, opens one task for the issuing unit and costs it 2 points once', async () => {
    const issuing = await graphqlData<{ registerOrganization: { id: string } }>(
      gateway,
      REGISTER,
      { input: { code: `${platform.prefix}-SFJ`, name: '海口市司法局（评估测试）', kind: 'DEPARTMENT', regionCode: REGION } },
      await platform.adminToken(),
    );
    const organizationId = issuing.registerOrganization.id;
    const evaluationId = randomUUID();
    const overdue = kafkaRecordOf(PolicyEvaluationOverdue, Object.assign(PolicyEvaluationOverdue.sample(), { evaluationId, organizationId, regionCode: REGION, dueDate: '2026-03-10', detectedAt: new Date('2026-03-11T00:05:00+08:00') }));
    const kafka = new Kafka({ clientId: `${platform.prefix}-evaluations`, brokers: platform.brokers, logLevel: logLevel.NOTHING });
    const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      await producer.send({ topic: platform.topic(PolicyEvaluationOverdue.topic), acks: -1, messages: [overdue.record, overdue.record] });
    } finally {
      await producer.disconnect();
    }
    await expectEventually(
      async () => {
        const score = await graphqlData<ScoreView>(gateway, SCORE, { id: organizationId }, supervisor);
        expect(score.organization.integrityScore).toMatchObject({ score: 98, deductedPoints: 2, deductions: [{ kind: 'EVALUATION_OVERDUE', points: 2, subjectRef: `evaluation:${evaluationId}`, eventType: PolicyEvaluationOverdue.type }] });
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const client = new Client({ connectionString: platform.databaseUrl('supervision') });
    await client.connect();
    try {
      await expectEventually(
        async () => {
          const tasks = await client.query<{ lead_organization_id: string }>(`SELECT lead_organization_id FROM supervision_task WHERE source_kind = 'POLICY_EVALUATION' AND source_ref = $1`, [`evaluation:${evaluationId}`]);
          expect(tasks.rows).toEqual([{ lead_organization_id: organizationId }]);
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
    } finally {
      await client.end();
    }
  });
});
