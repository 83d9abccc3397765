import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ReviewBurstFlagged, ReviewBurstFlaggedV1 } from '@egov/contracts';
import { EventPublisher } from '@egov/messaging';
import type { RulePack } from '@egov/rule-packs';
import type { EntityManager } from 'typeorm';
import { ReviewBurstFlagEntity } from './entities/review-burst-flag.entity';
import { RULE_PACK } from './review-rule-pack';

const MINUTE_MS = 60_000;

export interface SubmittedAt {
  readonly reviewId: string;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly completedAt: Date;
  readonly submittedAt: Date;
}

/**
 * REV-10: reviews that pile up at one window within minutes, each given right
 * after its handling completed, look like someone at the window rating for
 * the applicants. Such a burst is flagged once (and grows while it lasts);
 * the reviews stay counted until a person checks them.
 */
@Injectable()
export class ReviewBurstDetector {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(RULE_PACK) private readonly rules: RulePack,
  ) {}

  /** Runs in the review's transaction; returns the flag id when the review belongs to a burst. */
  async check(manager: EntityManager, review: SubmittedAt): Promise<string | null> {
    const rule = <K extends 'burstThreshold' | 'burstWindowMinutes' | 'burstAfterCompletionMinutes'>(key: K) => this.rules.resolve('reviews', key, review.regionCode).value;
    const afterCompletionMs = rule('burstAfterCompletionMinutes') * MINUTE_MS;
    if (review.submittedAt.getTime() - review.completedAt.getTime() > afterCompletionMs) return null;
    // One window's reviews are checked one at a time, so two can't both start a flag.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('review-burst:' || $1))`, [review.organizationId]);
    const windowStart = new Date(review.submittedAt.getTime() - rule('burstWindowMinutes') * MINUTE_MS);
    const quick = await manager.query<{ id: string; submitted_at: Date }[]>(
      `SELECT r.id, r.submitted_at FROM review r JOIN service_handling h ON h.id = r.handling_id
        WHERE r.organization_id = $1 AND r.submitted_at BETWEEN $2 AND $3
          AND r.submitted_at - h.completed_at <= make_interval(secs => $4)
        ORDER BY r.submitted_at`,
      [review.organizationId, windowStart, review.submittedAt, afterCompletionMs / 1000],
    );
    if (quick.length < rule('burstThreshold')) return null;
    const flags = manager.getRepository(ReviewBurstFlagEntity);
    const ongoing = await flags
      .createQueryBuilder('f')
      .where('f.organization_id = :organizationId AND f.last_review_at >= :windowStart', { organizationId: review.organizationId, windowStart })
      .orderBy('f.last_review_at', 'DESC')
      .getOne();
    const ids = quick.map((q) => q.id);
    if (ongoing) {
      await flags.update({ id: ongoing.id }, { lastReviewAt: review.submittedAt, reviewCount: ongoing.reviewCount + 1 });
      await manager.query('UPDATE review SET burst_flag_id = $1 WHERE id = ANY($2::uuid[]) AND burst_flag_id IS NULL', [ongoing.id, ids]);
      return ongoing.id;
    }
    const flag: ReviewBurstFlagEntity = {
      id: randomUUID(),
      organizationId: review.organizationId,
      windowStart: quick[0]?.submitted_at ?? review.submittedAt,
      lastReviewAt: review.submittedAt,
      reviewCount: quick.length,
      flaggedAt: review.submittedAt,
    };
    await flags.insert(flag);
    await manager.query('UPDATE review SET burst_flag_id = $1 WHERE id = ANY($2::uuid[])', [flag.id, ids]);
    await this.publisher.publish(
      manager,
      ReviewBurstFlagged,
      Object.assign(new ReviewBurstFlaggedV1(), {
        flagId: flag.id,
        organizationId: review.organizationId,
        regionCode: review.regionCode,
        reviewCount: quick.length,
        reviewIds: ids,
        windowStart: flag.windowStart,
        flaggedAt: review.submittedAt,
      }),
    );
    return flag.id;
  }
}
