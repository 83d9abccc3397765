import { type DynamicModule, Module } from '@nestjs/common';
import { JobRunner, SCHEDULED_JOBS, type ScheduledJob, serviceInfrastructure, type ServiceConfig } from '@egov/runtime';
import { CaseOverdueJob } from './modules/cases/case-overdue.job';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { WindowRankingJob } from './modules/statistics/window-ranking.job';
import { DefaultRatingJob } from './modules/statistics/default-rating.job';
import { ReviewsDemoSeeder } from './demo/reviews-demo.seeder';
import { Reviews1764115400000 } from './migrations/1764115400000-reviews';
import { HandlingApplicantContact1764115800000 } from './migrations/1764115800000-handling-applicant-contact';
import { BadReviewCases1764115900000 } from './migrations/1764115900000-bad-review-cases';
import { CaseRecords1764116000000 } from './migrations/1764116000000-case-records';
import { ReviewDimensionsReasons1764116100000 } from './migrations/1764116100000-review-dimensions-reasons';
import { ReviewReRating1764116200000 } from './migrations/1764116200000-review-re-rating';
import { CaseRecurrence1764116300000 } from './migrations/1764116300000-case-recurrence';
import { Appeals1764116400000 } from './migrations/1764116400000-appeals';
import { ReviewBursts1764116500000 } from './migrations/1764116500000-review-bursts';
import { ReviewStatistics1764116600000 } from './migrations/1764116600000-review-statistics';
import { WindowRanking1764116700000 } from './migrations/1764116700000-window-ranking';
import { ServiceItems1764116800000 } from './migrations/1764116800000-service-items';
import { CaseHistoryDefaultRatings1764116900000 } from './migrations/1764116900000-case-history-default-ratings';
import { ListIndexes1764117100000 } from './migrations/1764117100000-list-indexes';
import { OrganizationReplicaUpdates1764124100000 } from './migrations/1764124100000-organization-replica-updates';
import { BadReviewCaseRecordEntity } from './modules/cases/entities/bad-review-case-record.entity';
import { ServiceItemEntity } from './modules/catalogue/entities/service-item.entity';
import { WindowRankingEntity } from './modules/statistics/entities/window-ranking.entity';
import { ReviewBurstFlagEntity } from './modules/reviews/entities/review-burst-flag.entity';
import { ReviewAppealEntity } from './modules/appeals/entities/review-appeal.entity';
import { ReviewerNoticeEntity } from './modules/cases/entities/reviewer-notice.entity';
import { BadReviewCaseEntity } from './modules/cases/entities/bad-review-case.entity';
import { ServiceHandlingEntity } from './modules/handlings/entities/service-handling.entity';
import { CatalogueModule } from './modules/catalogue/catalogue.module';
import { runStatisticsRebuildCommand } from './modules/statistics/statistics-rebuild.command';
import { HandlingsModule } from './modules/handlings/handlings.module';
import { OrganizationReplicaEntity } from './modules/organizations/entities/organization-replica.entity';
import { OrganizationReplicaModule } from './modules/organizations/organizations.module';
import { ReviewEntity } from './modules/reviews/entities/review.entity';
import { ReviewStatisticsEntity } from './modules/statistics/entities/review-statistics.entity';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { OrganizationSatisfactionRef } from './modules/reviews/models/review.model';
import { runHotlineImportCommand } from './modules/hotline-import/hotline-import.command';

export const REVIEWS_ENTITIES = [OrganizationReplicaEntity, ServiceHandlingEntity, ReviewEntity, ReviewStatisticsEntity, BadReviewCaseEntity, ReviewerNoticeEntity, ReviewAppealEntity, ReviewBurstFlagEntity, WindowRankingEntity, ServiceItemEntity, BadReviewCaseRecordEntity];
export const REVIEWS_MIGRATIONS = [Reviews1764115400000, HandlingApplicantContact1764115800000, BadReviewCases1764115900000, CaseRecords1764116000000, ReviewDimensionsReasons1764116100000, ReviewReRating1764116200000, CaseRecurrence1764116300000, Appeals1764116400000, ReviewBursts1764116500000, ReviewStatistics1764116600000, WindowRanking1764116700000, ServiceItems1764116800000, CaseHistoryDefaultRatings1764116900000, ListIndexes1764117100000, OrganizationReplicaUpdates1764124100000];

/** REV-8: `npm run reviews:rebuild-statistics [-- --check]`, on this service's tables and migrations. */
export const rebuildReviewStatistics = (argv: readonly string[]): Promise<number> => runStatisticsRebuildCommand(argv, { entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS });

/** REV-12: `npm run reviews:import-hotline -- <file>`, on this service's tables and migrations. */
export const importHotlineRecords = (argv: readonly string[]): Promise<number> => runHotlineImportCommand(argv, { entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS });

/** 政务服务"好差评": handlings, reviews, satisfaction statistics. */
@Module({})
export class ReviewsServiceModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const infrastructure = serviceInfrastructure({ service: 'reviews', config, entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS, entityExtensions: [OrganizationSatisfactionRef] });
    return {
      module: ReviewsServiceModule,
      imports: [...infrastructure.imports, OrganizationReplicaModule, CatalogueModule, HandlingsModule, ReviewsModule, StatisticsModule],
      controllers: infrastructure.controllers,
      providers: [...infrastructure.providers, ReviewsDemoSeeder, JobRunner, { provide: SCHEDULED_JOBS, useFactory: (...jobs: ScheduledJob[]) => jobs, inject: [CaseOverdueJob, WindowRankingJob, DefaultRatingJob] }],
      exports: [ReviewsDemoSeeder],
    };
  }
}
