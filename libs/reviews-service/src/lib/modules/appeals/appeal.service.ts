import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@egov/audit';
import { assertScopeCoversOrganization, type CallerScope, OrganizationDirectory } from '@egov/auth';
import { AppealDecided, AppealDecidedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import { isUniqueViolation } from '@egov/persistence';
import { maskPersonalDataInText } from '@egov/personal-data';
import { DataSource } from 'typeorm';
import { ReviewEntity } from '../reviews/entities/review.entity';
import { levelCounter, StatisticsLedger } from '../statistics/statistics.ledger';
import { isBadRating } from '../reviews/review-rule-pack';
import { ReviewErrors } from '../reviews/review.exception';
import { AppealErrors } from './appeal.exception';
import { ReviewAppealEntity } from './entities/review-appeal.entity';

/**
 * REV-6: a unit appeals a bad review it holds mistaken or malicious; a unit
 * above it decides, never the unit itself. An upheld appeal takes the review
 * out of the statistics and keeps the reason.
 */
@Injectable()
export class AppealService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
    private readonly publisher: EventPublisher,
    private readonly audit: AuditLog,
    private readonly statistics: StatisticsLedger,
  ) {}

  async file(scope: CallerScope, reviewId: string, grounds: string, now = new Date()): Promise<ReviewAppealEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const review = await manager.getRepository(ReviewEntity).findOneBy({ id: reviewId });
        if (!review) throw ReviewErrors.notFound(reviewId);
        const location = await this.directory.locate(review.organizationId);
        assertScopeCoversOrganization(scope, location ?? { id: review.organizationId, regionCode: review.regionCode, ancestorIds: [] });
        if (!isBadRating(review.rating)) throw AppealErrors.notBad();
        if (review.excludedFromStatistics) throw AppealErrors.excluded();
        const appeal: ReviewAppealEntity = {
          id: randomUUID(),
          reviewId,
          organizationId: review.organizationId,
          filedBy: scope.subject,
          grounds: maskPersonalDataInText(grounds.trim()),
          filedAt: now,
          status: 'PENDING',
          decidedBy: null,
          decidedByOrganizationId: null,
          decisionReason: null,
          decidedAt: null,
        };
        await manager.getRepository(ReviewAppealEntity).insert(appeal);
        await this.audit.append(manager, { actor: scope.actor, action: 'appeal.file', entityType: 'review_appeal', entityId: appeal.id, after: appeal });
        return appeal;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'review_appeal_pending_key')) throw AppealErrors.pending();
      throw error;
    }
  }

  async decide(scope: CallerScope, appealId: string, upheld: boolean, reason: string, now = new Date()): Promise<ReviewAppealEntity> {
    return this.dataSource.transaction(async (manager) => {
      const appeal = await manager.getRepository(ReviewAppealEntity).findOne({ where: { id: appealId }, lock: { mode: 'pessimistic_write' } });
      if (!appeal) throw AppealErrors.notFound(appealId);
      if (appeal.status !== 'PENDING') throw AppealErrors.decided();
      const decider = scope.actor.organizationId;
      if (decider === appeal.organizationId) throw AppealErrors.ownUnit();
      const appealing = await this.directory.locate(appeal.organizationId);
      if (!decider || !appealing?.ancestorIds.includes(decider)) throw AppealErrors.notSupervising();
      const review = await manager.getRepository(ReviewEntity).findOneOrFail({ where: { id: appeal.reviewId }, lock: { mode: 'pessimistic_write' } });
      const text = maskPersonalDataInText(reason.trim());
      const decided: ReviewAppealEntity = { ...appeal, status: upheld ? 'UPHELD' : 'REJECTED', decidedBy: scope.subject, decidedByOrganizationId: decider, decisionReason: text, decidedAt: now };
      await manager.getRepository(ReviewAppealEntity).save(decided);
      if (upheld) {
        await manager.getRepository(ReviewEntity).update({ id: review.id }, { excludedFromStatistics: true, exclusionReason: text });
        await this.statistics.adjustReview(manager, review, { [levelCounter(review.rating)]: -1 });
      }
      await this.publisher.publish(
        manager,
        AppealDecided,
        Object.assign(new AppealDecidedV1(), {
          appealId: appeal.id,
          reviewId: review.id,
          organizationId: review.organizationId,
          regionCode: review.regionCode,
          rating: review.rating,
          upheld,
          reason: text,
          decidedByOrganizationId: decider,
          decidedAt: now,
        }),
      );
      await this.audit.append(manager, { actor: scope.actor, action: 'appeal.decide', entityType: 'review_appeal', entityId: appeal.id, before: appeal, after: decided });
      return decided;
    });
  }
}
