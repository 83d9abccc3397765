import { randomUUID } from 'node:crypto';
import {
  type EventDescriptor,
  InspectionFeedbackListOverdue,
  PolicyEvaluationOverdue,
  ProjectVisitMissed,
  QuotaShortfall,
  RectificationItemOverdue,
  RectificationItemReopened,
  TaskMilestoneMissed,
  TOPICS,
} from '@egov/contracts';
import { type EventContext, ON_EVENT_METADATA } from '@egov/messaging';
import { serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from '../../credit-service.module';
import { DutyDeductions1764124000000 } from '../../migrations/1764124000000-duty-deductions';
import type { DeductionKind } from './entities/integrity-deduction.entity';
import { DutyEventsConsumer } from './duty-events.consumer';
import { IntegrityService } from './integrity.service';
import { DEDUCTION_POINTS, PROVISIONAL_BASE_SCORE } from './provisional-score';

type Handler = (payload: never, context: EventContext) => Promise<void>;

interface DutyEvent {
  readonly kind: DeductionKind;
  readonly points: number;
  readonly descriptor: EventDescriptor<object>;
  readonly handler: (consumer: DutyEventsConsumer) => Handler;
  /** The sample payload with `unit` as the unit that answers for it, and a fresh subject. */
  readonly payload: (unit: string) => object;
  readonly subjectRef: (payload: never) => string;
  readonly occurredAt: (payload: never) => Date;
}

const DUTY_EVENTS: readonly DutyEvent[] = [
  {
    kind: 'RECTIFICATION_OVERDUE',
    points: 2,
    descriptor: RectificationItemOverdue as EventDescriptor<object>,
    handler: (c) => c.onRectificationOverdue,
    payload: (unit) => Object.assign(RectificationItemOverdue.sample(), { itemId: randomUUID(), organizationId: unit }),
    subjectRef: (p: { itemId: string }) => `rectification:${p.itemId}`,
    occurredAt: (p: { detectedAt: Date }) => p.detectedAt,
  },
  {
    kind: 'RECTIFICATION_REOPENED',
    points: 3,
    descriptor: RectificationItemReopened as EventDescriptor<object>,
    handler: (c) => c.onRectificationReopened,
    payload: (unit) => Object.assign(RectificationItemReopened.sample(), { itemId: randomUUID(), organizationId: unit }),
    subjectRef: (p: { itemId: string }) => `rectification:${p.itemId}`,
    occurredAt: (p: { reopenedAt: Date }) => p.reopenedAt,
  },
  {
    kind: 'RECTIFICATION_LIST_OVERDUE',
    points: 1,
    descriptor: InspectionFeedbackListOverdue as EventDescriptor<object>,
    handler: (c) => c.onRectificationListOverdue,
    payload: (unit) => Object.assign(InspectionFeedbackListOverdue.sample(), { feedbackId: randomUUID(), organizationId: unit }),
    subjectRef: (p: { feedbackId: string }) => `feedback:${p.feedbackId}`,
    occurredAt: (p: { detectedAt: Date }) => p.detectedAt,
  },
  {
    kind: 'PROJECT_VISIT_MISSED',
    points: 1,
    descriptor: ProjectVisitMissed as EventDescriptor<object>,
    handler: (c) => c.onProjectVisitMissed,
    payload: (unit) => Object.assign(ProjectVisitMissed.sample(), { projectId: randomUUID(), organizationId: unit }),
    subjectRef: (p: { projectId: string; quarter: string }) => `project:${p.projectId}:${p.quarter}`,
    occurredAt: (p: { detectedAt: Date }) => p.detectedAt,
  },
  {
    kind: 'QUOTA_SHORTFALL',
    points: 1,
    descriptor: QuotaShortfall as EventDescriptor<object>,
    handler: (c) => c.onQuotaShortfall,
    payload: (unit) => Object.assign(QuotaShortfall.sample(), { organizationId: unit, period: '2024-05' }),
    subjectRef: (p: { quotaKind: string; period: string; person: { subject: string } }) => `quota:${p.quotaKind}:${p.period}:${p.person.subject}`,
    occurredAt: (p: { flaggedAt: Date }) => p.flaggedAt,
  },
  {
    kind: 'MILESTONE_MISSED',
    points: 1,
    descriptor: TaskMilestoneMissed as EventDescriptor<object>,
    handler: (c) => c.onMilestoneMissed,
    payload: (unit) => Object.assign(TaskMilestoneMissed.sample(), { milestoneId: randomUUID(), leadOrganizationId: unit }),
    subjectRef: (p: { milestoneId: string }) => `milestone:${p.milestoneId}`,
    occurredAt: (p: { detectedAt: Date }) => p.detectedAt,
  },
  {
    kind: 'EVALUATION_OVERDUE',
    points: 2,
    descriptor: PolicyEvaluationOverdue as EventDescriptor<object>,
    handler: (c) => c.onEvaluationOverdue,
    payload: (unit) => Object.assign(PolicyEvaluationOverdue.sample(), { evaluationId: randomUUID(), organizationId: unit }),
    subjectRef: (p: { evaluationId: string }) => `evaluation:${p.evaluationId}`,
    occurredAt: (p: { detectedAt: Date }) => p.detectedAt,
  },
];

describe('supervision and policy-evaluation duty events as integrity deductions (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let integrity: IntegrityService;
  let consumer: DutyEventsConsumer;

  beforeAll(async () => {
    const schema = serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS);
    const opened = await openTestDataSource(schema.entities, schema.migrations);
    dataSource = opened.dataSource;
    close = opened.close;
    integrity = new IntegrityService(dataSource);
    consumer = new DutyEventsConsumer(integrity);
  }, 60_000);

  afterAll(() => close());

  const deliver = (duty: DutyEvent, payload: object, envelope: { id: string; type: string }) =>
    dataSource.transaction((manager) => duty.handler(consumer).call(consumer, payload as never, { manager, envelope: envelope as EventContext['envelope'] }));

  it.each(DUTY_EVENTS.map((duty) => [duty.kind, duty] as const))('CRD-2 %s costs its unit its points once per event, linked to the event and its subject', async (_kind, duty) => {
    const unit = randomUUID();
    const payload = duty.payload(unit);
    const envelope = { id: randomUUID(), type: duty.descriptor.type };

    await deliver(duty, payload, envelope);
    await deliver(duty, payload, envelope);

    expect(DEDUCTION_POINTS[duty.kind]).toBe(duty.points);
    expect(await integrity.scoreOf(unit)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - duty.points, deductedPoints: duty.points });
    const deductions = await integrity.deductionsOf(unit);
    expect(deductions).toHaveLength(1);
    expect(deductions[0]).toMatchObject({
      eventId: envelope.id,
      eventType: duty.descriptor.type,
      organizationId: unit,
      kind: duty.kind,
      points: duty.points,
      subjectRef: duty.subjectRef(payload as never),
      occurredAt: duty.occurredAt(payload as never),
    });
  });

  it('CRD-2 a lapse its subject can have only once counts once even when its event comes again under a new id; an item overdue again after reopening counts again', async () => {
    const unit = randomUUID();
    const evaluation = DUTY_EVENTS.find((duty) => duty.kind === 'EVALUATION_OVERDUE');
    const item = DUTY_EVENTS.find((duty) => duty.kind === 'RECTIFICATION_OVERDUE');
    if (!evaluation || !item) throw new Error('both duties are listed above');
    const evaluationPayload = evaluation.payload(unit);
    await deliver(evaluation, evaluationPayload, { id: randomUUID(), type: evaluation.descriptor.type });
    await deliver(evaluation, evaluationPayload, { id: randomUUID(), type: evaluation.descriptor.type });
    const itemPayload = item.payload(unit);
    await deliver(item, itemPayload, { id: randomUUID(), type: item.descriptor.type });
    await deliver(item, itemPayload, { id: randomUUID(), type: item.descriptor.type });
    expect((await integrity.deductionsOf(unit)).map((d) => d.kind).sort()).toEqual(['EVALUATION_OVERDUE', 'RECTIFICATION_OVERDUE', 'RECTIFICATION_OVERDUE']);
    expect(await integrity.scoreOf(unit)).toMatchObject({ deductedPoints: evaluation.points + 2 * item.points });
  });

  it('CRD-2 each duty event is handled by the consumer, on its producer’s topic', () => {
    for (const duty of DUTY_EVENTS) {
      expect(Reflect.getMetadata(ON_EVENT_METADATA, duty.handler(consumer))).toBe(duty.descriptor);
      expect(duty.descriptor.topic).toBe(duty.kind === 'EVALUATION_OVERDUE' ? TOPICS['policy-evaluation'] : TOPICS.supervision);
    }
  });

  it('CRD-2 a problem that came back weighs at least as much as a rectification item left overdue', () => {
    expect(DEDUCTION_POINTS.RECTIFICATION_REOPENED).toBeGreaterThanOrEqual(DEDUCTION_POINTS.RECTIFICATION_OVERDUE);
  });

  it('CRD-2 events about different subjects of one unit add up', async () => {
    const unit = randomUUID();
    for (const duty of DUTY_EVENTS) await deliver(duty, duty.payload(unit), { id: randomUUID(), type: duty.descriptor.type });
    const total = DUTY_EVENTS.reduce((sum, duty) => sum + duty.points, 0);
    expect(await integrity.scoreOf(unit)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - total, deductedPoints: total });
    expect((await integrity.deductionsOf(unit)).map((d) => d.kind).sort()).toEqual(DUTY_EVENTS.map((duty) => duty.kind).sort());
  });
});

describe('duty-deductions migration (real PostgreSQL)', () => {
  it('CRD-2 reverts: the added duty deductions and their points go, the earlier kinds stay, and migrating again lets them back in', async () => {
    const schema = serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS);
    const { dataSource, close } = await openTestDataSource(schema.entities, schema.migrations);
    try {
      const integrity = new IntegrityService(dataSource);
      const unit = randomUUID();
      const deduct = (kind: DeductionKind) => dataSource.transaction((manager) => integrity.deduct(manager, { eventId: randomUUID(), eventType: 'test', organizationId: unit, kind, subjectRef: `test:${kind}`, occurredAt: new Date() }));
      await deduct('TASK_OVERDUE');
      await deduct('RECTIFICATION_REOPENED');

      // Run directly: later migrations of the shared tables may follow it in the list.
      const runner = dataSource.createQueryRunner();
      const migration = new DutyDeductions1764124000000();
      await migration.down(runner);
      expect(await integrity.scoreOf(unit)).toMatchObject({ deductedPoints: DEDUCTION_POINTS.TASK_OVERDUE });
      expect((await integrity.deductionsOf(unit)).map((d) => d.kind)).toEqual(['TASK_OVERDUE']);
      await expect(deduct('QUOTA_SHORTFALL')).rejects.toThrow(/integrity_deduction_kind_check/);

      await migration.up(runner);
      await runner.release();
      await deduct('QUOTA_SHORTFALL');
      expect(await integrity.scoreOf(unit)).toMatchObject({ deductedPoints: DEDUCTION_POINTS.TASK_OVERDUE + DEDUCTION_POINTS.QUOTA_SHORTFALL });
    } finally {
      await close();
    }
  }, 60_000);
});
