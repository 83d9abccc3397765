import { randomUUID } from 'node:crypto';
import { AuditLog } from '@egov/audit';
import { loadCalendar } from '@egov/calendar';
import { OrganizationRegisteredV1 } from '@egov/contracts';
import { DeadlineService } from '@egov/deadlines';
import { EventPublisher, type MessagingOptions } from '@egov/messaging';
import { installPersonalDataCipher, PersonalDataCipher, PersonalDataConfig } from '@egov/personal-data';
import { loadRulePack, type RulePack } from '@egov/rule-packs';
import { serviceDatabaseSchema } from '@egov/runtime';
import { openTestDataSource } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { REVIEWS_ENTITIES, REVIEWS_MIGRATIONS } from '../reviews-service.module';
import { AppealService } from '../modules/appeals/appeal.service';
import { BadReviewCaseService } from '../modules/cases/bad-review-case.service';
import { ServiceItemCatalogue } from '../modules/catalogue/service-item.catalogue';
import { HandlingService } from '../modules/handlings/handling.service';
import { OrganizationReplicaService } from '../modules/organizations/organization-replica.service';
import { ReviewBurstDetector } from '../modules/reviews/review-burst.detector';
import { ReviewService } from '../modules/reviews/review.service';
import { StatisticsLedger } from '../modules/statistics/statistics.ledger';

export const TEST_MESSAGING: MessagingOptions = {
  service: 'reviews',
  consumer: 'reviews',
  databaseUrl: '',
  retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
  relay: { enabled: false, pollIntervalMs: 1000, batchSize: 10 },
};

/** The reviews services wired by hand on a fresh migrated database, for integration tests. */
export interface ReviewsTestKit {
  readonly dataSource: DataSource;
  /** Where the database is, for commands run against it: the server URL and the database name. */
  readonly database: { readonly serverUrl: string; readonly name: string };
  readonly cipher: PersonalDataCipher;
  readonly replica: OrganizationReplicaService;
  readonly ledger: StatisticsLedger;
  readonly catalogue: ServiceItemCatalogue;
  readonly handlings: HandlingService;
  publisher(): EventPublisher;
  deadlines(): DeadlineService;
  cases(rules?: RulePack): BadReviewCaseService;
  reviews(rules?: RulePack): ReviewService;
  appeals(): AppealService;
  /** Registers a unit as supervision's event would; returns its id. */
  registerUnit(unit?: { readonly id?: string; readonly regionCode?: string; readonly parentId?: string | null; readonly code?: string; readonly kind?: string }): Promise<string>;
  readonly close: () => Promise<void>;
}

export async function openReviewsTestKit(): Promise<ReviewsTestKit> {
  const cipher = PersonalDataCipher.fromConfig(new PersonalDataConfig());
  installPersonalDataCipher(cipher);
  const schema = serviceDatabaseSchema(REVIEWS_ENTITIES, REVIEWS_MIGRATIONS);
  const opened = await openTestDataSource(schema.entities, schema.migrations);
  const dataSource = opened.dataSource;
  const replica = new OrganizationReplicaService(dataSource);
  const ledger = new StatisticsLedger(dataSource);
  const catalogue = new ServiceItemCatalogue(dataSource, replica, new AuditLog());
  const handlings = new HandlingService(dataSource, replica, new AuditLog(), cipher, ledger, catalogue);
  const publisher = () => new EventPublisher(TEST_MESSAGING);
  const deadlines = () => new DeadlineService(dataSource, publisher(), TEST_MESSAGING, loadCalendar());
  const cases = (rules: RulePack = loadRulePack()) => new BadReviewCaseService(dataSource, deadlines(), publisher(), new AuditLog(), replica, ledger, rules);
  return {
    dataSource,
    database: { serverUrl: opened.database.serverUrl, name: opened.database.name },
    cipher,
    replica,
    ledger,
    catalogue,
    handlings,
    publisher,
    deadlines,
    cases,
    reviews: (rules: RulePack = loadRulePack()) => new ReviewService(dataSource, handlings, publisher(), new AuditLog(), cases(rules), new ReviewBurstDetector(publisher(), rules), ledger, rules),
    appeals: () => new AppealService(dataSource, replica, publisher(), new AuditLog(), ledger),
    async registerUnit(unit = {}) {
      const id = unit.id ?? randomUUID();
      await dataSource.transaction((manager) =>
        replica.remember(
          manager,
          Object.assign(new OrganizationRegisteredV1(), {
            organizationId: id,
            code: unit.code ?? `T-${id}`,
            name: '测试窗口',
            kind: unit.kind ?? 'WINDOW',
            regionCode: unit.regionCode ?? '460100',
            parentId: unit.parentId ?? null,
            registeredAt: new Date('2024-01-01T00:00:00+08:00'),
          }),
        ),
      );
      return id;
    },
    close: () => opened.close(),
  };
}
