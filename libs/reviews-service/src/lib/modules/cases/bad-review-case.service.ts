import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BadReviewCaseOpened, BadReviewCaseOpenedV1 } from '@egov/contracts';
import { type DeadlineEntity, DeadlineService } from '@egov/deadlines';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import { DataSource, type EntityManager } from 'typeorm';
import { RULE_PACK } from '../reviews/review-rule-pack';
import { BadReviewCaseEntity } from './entities/bad-review-case.entity';

export interface BadReview {
  readonly id: string;
  readonly handlingId: string;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly submittedAt: Date;
  readonly realName: boolean;
}

export interface OpenedCase {
  readonly entity: BadReviewCaseEntity;
  readonly callback: DeadlineEntity;
  readonly rectification: DeadlineEntity;
}

/**
 * REV-4: every bad review opens a case for the handling's unit at once, in
 * the review's own transaction, with a callback and a rectification deadline
 * in working days from the jurisdiction's rule pack, on the official calendar.
 */
@Injectable()
export class BadReviewCaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineService,
    private readonly publisher: EventPublisher,
    @Inject(RULE_PACK) private readonly rules: RulePack,
  ) {}

  async open(manager: EntityManager, review: BadReview): Promise<OpenedCase> {
    const id = randomUUID();
    const callbackDays = this.rules.resolve('reviews', 'callbackWorkingDays', review.regionCode);
    const rectificationDays = this.rules.resolve('reviews', 'rectificationWorkingDays', review.regionCode);
    const callback = await this.deadlines.schedule(manager, {
      kind: 'review-case.callback',
      subjectId: id,
      from: review.submittedAt,
      workingDays: callbackDays.value,
      regionCode: review.regionCode,
      rule: callbackDays.entry,
    });
    const rectification = await this.deadlines.schedule(manager, {
      kind: 'review-case.rectification',
      subjectId: id,
      from: review.submittedAt,
      workingDays: rectificationDays.value,
      regionCode: review.regionCode,
      rule: rectificationDays.entry,
    });
    const entity: BadReviewCaseEntity = {
      id,
      reviewId: review.id,
      handlingId: review.handlingId,
      organizationId: review.organizationId,
      regionCode: review.regionCode,
      status: 'OPEN',
      realName: review.realName,
      callbackDeadlineId: callback.id,
      rectificationDeadlineId: rectification.id,
      openedAt: review.submittedAt,
    };
    await manager.getRepository(BadReviewCaseEntity).insert(entity);
    await this.publisher.publish(
      manager,
      BadReviewCaseOpened,
      Object.assign(new BadReviewCaseOpenedV1(), {
        caseId: id,
        reviewId: review.id,
        organizationId: review.organizationId,
        regionCode: review.regionCode,
        realName: review.realName,
        callbackDue: callback.dueDate,
        rectificationDue: rectification.dueDate,
        calendarVersion: rectification.calendarVersion,
        openedAt: review.submittedAt,
      }),
    );
    return { entity, callback, rectification };
  }

  findByReview(reviewId: string): Promise<BadReviewCaseEntity | null> {
    return this.dataSource.getRepository(BadReviewCaseEntity).findOneBy({ reviewId });
  }
}
