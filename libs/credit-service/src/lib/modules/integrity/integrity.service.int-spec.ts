import { randomUUID } from 'node:crypto';
import { BadReviewCaseOverdue, ReviewReRated, ReviewSubmitted, TaskContributionLate, TaskOverdue } from '@egov/contracts';
import type { EventContext } from '@egov/messaging';
import { serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from '../../credit-service.module';
import { IntegrityService } from './integrity.service';
import { DutyEventsConsumer } from './duty-events.consumer';
import { BAD_REVIEW_PENALTY, DEDUCTION_POINTS, PROVISIONAL_BASE_SCORE } from './provisional-score';

describe('provisional integrity score from review events (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let integrity: IntegrityService;

  beforeAll(async () => {
    const schema = serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS);
    const opened = await openTestDataSource(schema.entities, schema.migrations);
    dataSource = opened.dataSource;
    close = opened.close;
    integrity = new IntegrityService(dataSource);
  }, 60_000);

  afterAll(() => close());

  it('lowers the score by the documented penalty per bad review, and a re-rating to satisfied (REV-7) gives it back', async () => {
    const organizationId = randomUUID();
    const submitted = (rating: number) => Object.assign(ReviewSubmitted.sample(), { reviewId: randomUUID(), organizationId, rating, bad: rating <= 2 });
    await dataSource.transaction(async (m) => {
      await integrity.applyReview(m, submitted(1));
      await integrity.applyReview(m, submitted(2));
      await integrity.applyReview(m, submitted(5));
    });
    expect(await integrity.scoreOf(organizationId)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - 2 * BAD_REVIEW_PENALTY, badReviews: 2, reviewsCounted: 3 });
    await dataSource.transaction((m) => integrity.applyReRating(m, Object.assign(ReviewReRated.sample(), { organizationId, previousRating: 1, rating: 4, previouslyBad: true, bad: false })));
    expect(await integrity.scoreOf(organizationId)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - BAD_REVIEW_PENALTY, badReviews: 1, reviewsCounted: 3 });
  });

  it('CRD-2 an overdue task, a late contribution and an overdue bad-review case each cost their own unit, once per event, linked to it', async () => {
    const lead = randomUUID();
    const helper = randomUUID();
    const consumer = new DutyEventsConsumer(integrity);
    const deliver = (run: (context: EventContext) => Promise<void>) => dataSource.transaction((manager) => run({ manager, envelope: { id: randomUUID(), type: 'test' } as EventContext['envelope'] }));
    const overdue = Object.assign(TaskOverdue.sample(), { leadOrganizationId: lead });
    const overdueEnvelope = { id: randomUUID(), type: TaskOverdue.type };
    await dataSource.transaction((manager) => consumer.onTaskOverdue(overdue, { manager, envelope: overdueEnvelope as EventContext['envelope'] }));
    await dataSource.transaction((manager) => consumer.onTaskOverdue(overdue, { manager, envelope: overdueEnvelope as EventContext['envelope'] }));
    await deliver((context) => consumer.onContributionLate(Object.assign(TaskContributionLate.sample(), { leadOrganizationId: lead, organizationId: helper }), context));
    await deliver((context) => consumer.onCaseOverdue(Object.assign(BadReviewCaseOverdue.sample(), { organizationId: lead }), context));

    expect(await integrity.scoreOf(lead)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - DEDUCTION_POINTS.TASK_OVERDUE - DEDUCTION_POINTS.CASE_OVERDUE, deductedPoints: 3 });
    expect(await integrity.scoreOf(helper)).toMatchObject({ score: PROVISIONAL_BASE_SCORE - DEDUCTION_POINTS.CONTRIBUTION_LATE });
    const deductions = await integrity.deductionsOf(lead);
    expect(deductions.map((d) => [d.kind, d.points, d.subjectRef]).sort()).toEqual([
      ['CASE_OVERDUE', 1, `case:${BadReviewCaseOverdue.sample().caseId}:CALLBACK`],
      ['TASK_OVERDUE', 2, `task:${overdue.taskId}`],
    ]);
    expect(deductions.find((d) => d.kind === 'TASK_OVERDUE')).toMatchObject({ eventId: overdueEnvelope.id, eventType: TaskOverdue.type });
  });
});
