import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadReviewCaseOpened, ReviewsImported } from '@egov/contracts';
import { OUTBOX_CHANNEL, sourceOf } from '@egov/messaging';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import { PERIOD_KINDS } from '../statistics/entities/review-statistics.entity';

/** One record as staged for the set-based inserts: ids derived, phone encrypted, comment masked. */
export interface StagedRecord {
  readonly line: number;
  readonly handlingId: string;
  readonly reviewId: string;
  /** Set for bad ratings (REV-4), with the two deadline ids and the `case.opened` event id. */
  readonly bad: { readonly caseId: string; readonly callbackDeadlineId: string; readonly rectificationDeadlineId: string; readonly caseEventId: string } | null;
  readonly recordId: string;
  readonly organizationId: string;
  readonly regionCode: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly completedAt: Date;
  readonly completedDay: string;
  readonly ratedAt: Date;
  readonly ratedDay: string;
  readonly rating: number;
  readonly callerPhone: string | null;
  readonly callerPhoneHash: string | null;
  readonly comment: string | null;
}

/** REV-4 deadlines of the bad ratings given on one day in one region, computed once for all of them. */
export interface CaseDues {
  readonly regionCode: string;
  readonly ratedDay: string;
  readonly callbackWorkingDays: number;
  readonly callbackDue: string;
  readonly callbackProvisional: boolean;
  readonly callbackRule: string;
  readonly rectificationWorkingDays: number;
  readonly rectificationDue: string;
  readonly rectificationProvisional: boolean;
  readonly rectificationRule: string;
  readonly calendarVersion: string;
  readonly overlaysVersion: string;
}

export interface BatchOutcome {
  /** Records whose handling and review were inserted. */
  readonly imported: number;
  /** Records already in the database (an earlier run, or earlier in this file). */
  readonly duplicates: number;
  readonly casesOpened: number;
}

/** The channel of every imported review (REV-3). */
export const HOTLINE_CHANNEL = 'HOTLINE_12345';
/** `applicant_subject` and `reviewer_subject` of an imported record: the work order, as no token subject exists for a caller. */
export const HOTLINE_SUBJECT_PREFIX = 'hotline:';

const STAGING_COLUMNS = [
  'line',
  'handling_id',
  'review_id',
  'case_id',
  'callback_deadline_id',
  'rectification_deadline_id',
  'case_event_id',
  'record_id',
  'organization_id',
  'region_code',
  'item_code',
  'item_name',
  'completed_at',
  'completed_day',
  'rated_at',
  'rated_day',
  'rating',
  'caller_phone',
  'caller_phone_hash',
  'comment',
].join(', ');

/**
 * A batch's staging rows, sorts and hashes stay in memory rather than
 * spilling to temporary files. PostgreSQL takes temp_buffers only before the
 * session first touches a temporary table.
 */
const MEMORY_SETTINGS = [`SET temp_buffers = '64MB'`, `SET work_mem = '64MB'`];

/** Temporary tables live on the import's own connection and empty themselves at each commit. */
const CREATE_STAGING = [
  'DROP TABLE IF EXISTS pg_temp.hotline_import_row, pg_temp.hotline_import_due',
  `CREATE TEMP TABLE hotline_import_row (
     line int NOT NULL,
     handling_id uuid NOT NULL,
     review_id uuid NOT NULL,
     case_id uuid,
     callback_deadline_id uuid,
     rectification_deadline_id uuid,
     case_event_id uuid,
     record_id text NOT NULL,
     organization_id uuid NOT NULL,
     region_code text NOT NULL,
     item_code text NOT NULL,
     item_name text NOT NULL,
     completed_at timestamptz NOT NULL,
     completed_day date NOT NULL,
     rated_at timestamptz NOT NULL,
     rated_day date NOT NULL,
     rating smallint NOT NULL,
     caller_phone text,
     caller_phone_hash text,
     comment text
   ) ON COMMIT DELETE ROWS`,
  `CREATE TEMP TABLE hotline_import_due (
     region_code text NOT NULL,
     rated_day date NOT NULL,
     callback_working_days int NOT NULL,
     callback_due date NOT NULL,
     callback_provisional boolean NOT NULL,
     callback_rule text NOT NULL,
     rectification_working_days int NOT NULL,
     rectification_due date NOT NULL,
     rectification_provisional boolean NOT NULL,
     rectification_rule text NOT NULL,
     calendar_version text NOT NULL,
     overlays_version text NOT NULL
   ) ON COMMIT DELETE ROWS`,
];

/** An instant as `Date.prototype.toISOString` writes it, which is how the event publisher serialises payload dates. */
const isoInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const PERIODS = `(VALUES ${PERIOD_KINDS.map((kind) => `('${kind}', '${kind.toLowerCase()}')`).join(', ')}) AS p(kind, unit)`;
const LEVELS = [1, 2, 3, 4, 5];

/**
 * Inserts the handlings not recorded yet, then keeps in staging only the
 * records whose handling this statement inserted: everything after works on
 * exactly those, so a re-imported record, or one another batch took a moment
 * earlier, is neither counted nor announced twice. Rows go in id order, so
 * concurrent batches meet on their common ids in the same order and never deadlock.
 */
const INSERT_HANDLINGS = `
  WITH inserted AS (
    INSERT INTO service_handling (id, organization_id, region_code, item_code, item_name, applicant_subject, handler_subject, applicant_phone, applicant_phone_hash, completed_at)
    SELECT handling_id, organization_id, region_code, item_code, item_name, $1 || record_id, NULL, caller_phone, caller_phone_hash, completed_at
      FROM hotline_import_row ORDER BY handling_id
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  )
  DELETE FROM hotline_import_row s WHERE NOT EXISTS (SELECT FROM inserted i WHERE i.id = s.handling_id)`;

/**
 * The catalogue learns an item from its first handling, as
 * `ServiceItemCatalogue.noteHandled` does; in code order, so concurrent
 * batches never deadlock.
 */
const NOTE_ITEMS = `
  INSERT INTO service_item (code, name, organization_id, region_code)
  SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[]) AS i(code, name, organization_id, region_code) ORDER BY code
  ON CONFLICT (code) DO NOTHING`;

/**
 * Every row left in staging has a handling this transaction has just
 * inserted, so its review (one per handling, REV-2) cannot exist yet: no
 * ON CONFLICT here, whose speculative insertion on the two unique indexes
 * would cost a third of the insert.
 */
const INSERT_REVIEWS = `
  INSERT INTO review (id, handling_id, organization_id, region_code, rating, channel, comment, reviewer_subject, submitted_at)
  SELECT review_id, handling_id, organization_id, region_code, rating, $1, comment, $2 || record_id, rated_at
    FROM hotline_import_row ORDER BY handling_id`;

/**
 * REV-8, as `StatisticsLedger.add` counts: a handling in the periods of its
 * completion under channel '', a level in the periods of its rating under the
 * review's channel. Summed per day first, then per period, in one statement;
 * rows are locked in key order (period kinds in `PERIOD_KINDS` order, as
 * `StatisticsLedger.add` does), so concurrent writers wait instead of deadlocking.
 */
const ADD_STATISTICS = `
  WITH days AS (
    SELECT completed_day AS day, organization_id, item_code, ''::text AS channel, region_code, count(*) AS handlings,
           ${LEVELS.map((level) => `0::bigint AS level${level}`).join(', ')}
      FROM hotline_import_row GROUP BY completed_day, organization_id, item_code, region_code
    UNION ALL
    SELECT rated_day, organization_id, item_code, $1::text, region_code, 0,
           ${LEVELS.map((level) => `count(*) FILTER (WHERE rating = ${level})`).join(', ')}
      FROM hotline_import_row GROUP BY rated_day, organization_id, item_code, region_code
  )
  INSERT INTO review_statistics (period_kind, period_start, organization_id, item_code, channel, region_code, handlings, ${LEVELS.map((level) => `level${level}`).join(', ')})
  SELECT p.kind, date_trunc(p.unit, d.day::timestamp)::date, d.organization_id, d.item_code, d.channel, d.region_code, sum(d.handlings),
         ${LEVELS.map((level) => `sum(d.level${level})`).join(', ')}
    FROM days d CROSS JOIN ${PERIODS}
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (period_kind, period_start, organization_id, item_code, channel) DO UPDATE SET
    handlings = review_statistics.handlings + EXCLUDED.handlings,
    ${LEVELS.map((level) => `level${level} = review_statistics.level${level} + EXCLUDED.level${level}`).join(',\n    ')}`;

const deadlinesOf = (stage: 'callback' | 'rectification') => `
  SELECT s.${stage}_deadline_id, 'review-case.${stage}', s.case_id, s.rated_day, d.${stage}_working_days, s.region_code,
         d.${stage}_due, d.${stage}_provisional, d.calendar_version, d.overlays_version, d.${stage}_rule
    FROM hotline_import_row s JOIN hotline_import_due d ON d.region_code = s.region_code AND d.rated_day = s.rated_day
   WHERE s.case_id IS NOT NULL`;

/** The same columns `DeadlineService.schedule` writes (CAL-4: calendar and overlays versions, and rule). */
const INSERT_DEADLINES = `
  INSERT INTO deadline (id, kind, subject_id, start_date, working_days, region_code, due_date, provisional, calendar_version, overlays_version, rule)
  ${deadlinesOf('callback')}
  UNION ALL
  ${deadlinesOf('rectification')}`;

/**
 * REV-4 cases as `BadReviewCaseService.openNew` opens them, one per new review: no ticked
 * reasons on a hotline record, so no recurrence. REV-5: real name when the caller left a number.
 */
const INSERT_CASES = `
  INSERT INTO bad_review_case (id, review_id, handling_id, organization_id, region_code, status, real_name, callback_deadline_id, rectification_deadline_id, opened_at, item_code, reasons, reopened_count)
  SELECT case_id, review_id, handling_id, organization_id, region_code, 'OPEN', caller_phone IS NOT NULL, callback_deadline_id, rectification_deadline_id, rated_at, item_code, '{}', 0
    FROM hotline_import_row WHERE case_id IS NOT NULL ORDER BY handling_id`;

/**
 * The rows `EventPublisher.publish` writes, payload for payload: same topic,
 * key, type, source, subject and JSON; only the event id is the caller's
 * (a per-record event's is derived from its record).
 */
const outboxInsert = (descriptor: { readonly aggregate: string }, id: string, key: string, data: string, from: string) => `
  INSERT INTO outbox_event (id, topic, key, type, source, subject, time, data, extensions)
  SELECT ${id}, $1, ${key}::text, $2, $3, '${descriptor.aggregate}/' || ${key}, now(), ${data}, '{}'
    ${from}`;

/**
 * REV-12: one `reviews.imported` per unit of the batch, counted from the
 * reviews it has just inserted (levels 1–2 bad, as `review.submitted`
 * marks them), instead of one `review.submitted` per record: the batch's
 * outbox rows, and the transactions consumers spend on them, no longer
 * grow with its size. The statistics do not depend on it; the import writes
 * them itself.
 */
const PUBLISH_REVIEWS_IMPORTED = outboxInsert(
  ReviewsImported,
  'gen_random_uuid()',
  'u.organization_id',
  `jsonb_build_object(
     'organizationId', u.organization_id, 'regionCode', u.region_code, 'importId', $5::uuid, 'batch', $6::int, 'channel', $4::text,
     'reviews', u.reviews, 'badReviews', u.bad_reviews, 'ratedFrom', ${isoInstant('u.rated_from')}, 'ratedTo', ${isoInstant('u.rated_to')},
     'importedAt', ${isoInstant('now()')})`,
  `FROM (SELECT organization_id, region_code, count(*) AS reviews, count(*) FILTER (WHERE rating <= 2) AS bad_reviews, min(rated_at) AS rated_from, max(rated_at) AS rated_to
           FROM hotline_import_row GROUP BY organization_id, region_code) u
    ORDER BY u.organization_id`,
);

const PUBLISH_CASES_OPENED = outboxInsert(
  BadReviewCaseOpened,
  's.case_event_id',
  's.case_id',
  `jsonb_build_object(
     'caseId', s.case_id, 'reviewId', s.review_id, 'organizationId', s.organization_id, 'regionCode', s.region_code,
     'realName', s.caller_phone IS NOT NULL, 'callbackDue', to_char(d.callback_due, 'YYYY-MM-DD'), 'rectificationDue', to_char(d.rectification_due, 'YYYY-MM-DD'),
     'calendarVersion', d.calendar_version, 'openedAt', ${isoInstant('s.rated_at')})`,
  `FROM hotline_import_row s JOIN hotline_import_due d ON d.region_code = s.region_code AND d.rated_day = s.rated_day
    WHERE s.case_id IS NOT NULL ORDER BY s.handling_id`,
);

/** COPY text format: backslash, tab and line breaks escaped; NULL as \N. */
function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** One staging row in COPY text format. */
export function stagingLine(r: StagedRecord): string {
  const bad = r.bad ? `${r.bad.caseId}\t${r.bad.callbackDeadlineId}\t${r.bad.rectificationDeadlineId}\t${r.bad.caseEventId}` : '\\N\t\\N\t\\N\t\\N';
  return (
    `${r.line}\t${r.handlingId}\t${r.reviewId}\t${bad}\t${copyValue(r.recordId)}\t${r.organizationId}\t${r.regionCode}\t${copyValue(r.itemCode)}\t${copyValue(r.itemName)}\t` +
    `${r.completedAt.toISOString()}\t${r.completedDay}\t${r.ratedAt.toISOString()}\t${r.ratedDay}\t${r.rating}\t${copyValue(r.callerPhone)}\t${copyValue(r.callerPhoneHash)}\t${copyValue(r.comment)}\n`
  );
}

/** A service item as the first record of a batch that names it describes it. */
export interface NamedItem {
  readonly code: string;
  readonly name: string;
  readonly organizationId: string;
  readonly regionCode: string;
}

export interface StagedBatch {
  /** The import run and the batch's place in it, from 1: what its `reviews.imported` events name it by. */
  readonly importId: string;
  readonly batch: number;
  /** `stagingLine` of each record, concatenated, in UTF-8 chunks. */
  readonly copyChunks: readonly Buffer[];
  readonly records: number;
  /** The deadlines of the (region, day) pairs this batch's bad ratings fall on. */
  readonly dues: readonly CaseDues[];
  /** The items the batch names, each once. */
  readonly items: readonly NamedItem[];
}

/**
 * The set-based write path of the 12345 import (REV-12): each batch is
 * COPYed into a temporary staging table, then moved into the service's
 * tables with one INSERT … SELECT per table, all in one transaction, so a
 * batch lands whole or not at all and a re-run finds what landed.
 */
export class HotlineImportRepository {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
  ) {}

  /** Takes one connection of the pool for the whole import: the staging tables live on it. */
  static async open(dataSource: DataSource): Promise<HotlineImportRepository> {
    const runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      // Only speed depends on these: a pooled connection that already used temporary tables keeps its own.
      for (const statement of MEMORY_SETTINGS) await client.query(statement).catch(() => undefined);
      for (const statement of CREATE_STAGING) await client.query(statement);
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new HotlineImportRepository(runner, client);
  }

  /** The registered units: id and region by code. */
  async units(): Promise<{ id: string; code: string; region_code: string }[]> {
    return (await this.client.query<{ id: string; code: string; region_code: string }>('SELECT id, code, region_code FROM organization_replica')).rows;
  }

  async importBatch(batch: StagedBatch): Promise<BatchOutcome> {
    const client = this.client;
    await client.query('BEGIN');
    try {
      await pipeline(Readable.from(batch.copyChunks), client.query(copyFrom(`COPY hotline_import_row (${STAGING_COLUMNS}) FROM STDIN`)));
      if (batch.dues.length > 0) await this.stageDues(batch.dues);
      await client.query(INSERT_HANDLINGS, [HOTLINE_SUBJECT_PREFIX]);
      const imported = (await client.query(INSERT_REVIEWS, [HOTLINE_CHANNEL, HOTLINE_SUBJECT_PREFIX])).rowCount ?? 0;
      let casesOpened = 0;
      if (imported > 0) {
        await client.query(PUBLISH_REVIEWS_IMPORTED, [ReviewsImported.topic, ReviewsImported.type, sourceOf(ReviewsImported.service), HOTLINE_CHANNEL, batch.importId, batch.batch]);
        if (batch.dues.length > 0) {
          await client.query(INSERT_DEADLINES);
          casesOpened = (await client.query(INSERT_CASES)).rowCount ?? 0;
          await client.query(PUBLISH_CASES_OPENED, [BadReviewCaseOpened.topic, BadReviewCaseOpened.type, sourceOf(BadReviewCaseOpened.service)]);
        }
        // Rows other batches and the service also write come last: their locks are held only until the commit just after.
        await client.query(NOTE_ITEMS, [
          batch.items.map((i) => i.code),
          batch.items.map((i) => i.name),
          batch.items.map((i) => i.organizationId),
          batch.items.map((i) => i.regionCode),
        ]);
        await client.query(ADD_STATISTICS, [HOTLINE_CHANNEL]);
        // Wakes the service's relay when this commits, as every publish does.
        await client.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, ReviewsImported.topic]);
      }
      await client.query('COMMIT');
      return { imported, duplicates: batch.records - imported, casesOpened };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async stageDues(dues: readonly CaseDues[]): Promise<void> {
    const column = <K extends keyof CaseDues>(key: K) => dues.map((d) => d[key]);
    await this.client.query(
      `INSERT INTO hotline_import_due (region_code, rated_day, callback_working_days, callback_due, callback_provisional, callback_rule,
                                       rectification_working_days, rectification_due, rectification_provisional, rectification_rule, calendar_version, overlays_version)
       SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::date[], $5::boolean[], $6::text[], $7::int[], $8::date[], $9::boolean[], $10::text[], $11::text[], $12::text[])`,
      [
        column('regionCode'),
        column('ratedDay'),
        column('callbackWorkingDays'),
        column('callbackDue'),
        column('callbackProvisional'),
        column('callbackRule'),
        column('rectificationWorkingDays'),
        column('rectificationDue'),
        column('rectificationProvisional'),
        column('rectificationRule'),
        column('calendarVersion'),
        column('overlaysVersion'),
      ],
    );
  }

  /** Gives the connection back; on a broken one there is nothing to tidy, and the error that broke it is the one to report. */
  async close(): Promise<void> {
    await this.client.query('DROP TABLE IF EXISTS pg_temp.hotline_import_row, pg_temp.hotline_import_due; RESET work_mem').catch(() => undefined);
    await this.runner.release();
  }
}
