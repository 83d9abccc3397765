import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AuditLog } from '@egov/audit';
import type { WorkingCalendar } from '@egov/calendar';
import type { PersonalDataCipher } from '@egov/personal-data';
import type { RulePack } from '@egov/rule-packs';
import type { DataSource } from 'typeorm';
import { isBadRating } from '../reviews/review-rule-pack';
import { type HotlineFormat, readHotlineRows } from './hotline-file';
import { HotlineIds } from './hotline-ids';
import { type BatchOutcome, type CaseDues, HotlineImportRepository, type NamedItem, type StagedBatch, type StagedRecord, stagingLine } from './hotline-import.repository';
import { type HotlineRecord, type HotlineUnit, readHotlineRecord, type RowProblem } from './hotline-record';

/** Rows per transaction: large enough for set-based SQL to pay off, small enough that memory stays flat and progress moves. */
export const DEFAULT_HOTLINE_BATCH_SIZE = 50_000;
/**
 * Batches written at once, each on its own connection: the database's work
 * per row outweighs reading and checking it. The pool needs one connection
 * more, for the audit entry.
 */
export const HOTLINE_WRITERS = 2;

export interface HotlineImportOptions {
  readonly file: string;
  readonly format: HotlineFormat;
  readonly batchSize?: number;
  /** Ratings after this are refused as in the future. */
  readonly now?: Date;
  /** Who ran the import, for the audit entry. */
  readonly operator?: string;
  /** Rows whose outcome is settled so far (rejected, or in a committed batch). */
  readonly onProgress?: (rowsDone: number) => void;
  /** Every problem of each rejected row, as soon as it is found. */
  readonly onRejected?: (problems: readonly RowProblem[]) => void;
}

export interface HotlineImportSummary {
  /** The run, as its audit entry and its `reviews.imported` events name it. */
  readonly importId: string;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** REV-4 cases the bad ratings among the imported records opened. */
  readonly casesOpened: number;
  readonly seconds: number;
}

interface Tally {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  casesOpened: number;
}

/**
 * A batch being filled: its staging text, turned into UTF-8 every
 * `COPY_CHUNK_CHARS` (a string built row by row holds on to every piece it
 * was built from, and to the file text those pieces were cut from), the
 * handlings it holds (a work order repeated within the batch counts once),
 * the (region, day) pairs of its bad ratings and the items it names.
 */
interface OpenBatch {
  records: number;
  chunks: Buffer[];
  tail: string;
  handlingIds: Set<string>;
  dueKeys: Set<string>;
  items: Map<string, NamedItem>;
}

const COPY_CHUNK_CHARS = 64 * 1024;
const newBatch = (): OpenBatch => ({ records: 0, chunks: [], tail: '', handlingIds: new Set(), dueKeys: new Set(), items: new Map() });

/**
 * REV-12: imports 12345 hotline work orders with their satisfaction ratings
 * in bulk, keeping their original times. Each record becomes a handling
 * (completed when the work order was), a HOTLINE_12345 review (given when the
 * caller rated) and its statistics; each batch announces its reviews with one
 * `reviews.imported` event per unit. A bad rating opens its REV-4 case, with
 * deadlines counted from the rating day and its own `case.opened` event.
 * Bad rows are reported and skipped; a record already imported is counted as
 * a duplicate, so a file can be imported again safely.
 *
 * Built by the import command, outside the running service: events go to the
 * outbox, which the service's relay sends.
 */
export class HotlineImportService {
  private readonly dues = new Map<string, CaseDues>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly rules: RulePack,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  async import(options: HotlineImportOptions): Promise<HotlineImportSummary> {
    const started = process.hrtime.bigint();
    const seconds = () => Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;
    const importId = randomUUID();
    const tally: Tally = { rows: 0, imported: 0, duplicates: 0, rejected: 0, casesOpened: 0 };
    const writers: HotlineImportRepository[] = [];
    let failed: { error: unknown } | undefined;
    try {
      for (let i = 0; i < HOTLINE_WRITERS; i += 1) writers.push(await HotlineImportRepository.open(this.dataSource));
      await this.run(importId, writers, options, tally);
    } catch (error) {
      failed = { error };
    } finally {
      await Promise.all(writers.map((writer) => writer.close()));
    }
    if (failed) {
      // What committed before the failure stays; the audit chain says so.
      await this.record(importId, options, tally, seconds(), failed.error).catch(() => undefined);
      throw failed.error;
    }
    await this.record(importId, options, tally, seconds());
    return { importId, ...tally, seconds: seconds() };
  }

  private async run(importId: string, writers: readonly HotlineImportRepository[], options: HotlineImportOptions, tally: Tally): Promise<void> {
    const batchSize = options.batchSize ?? DEFAULT_HOTLINE_BATCH_SIZE;
    const now = options.now ?? new Date();
    const units = indexUnits(await writers[0].units());
    const context = {
      unitByCode: (code: string) => units.get(code),
      commentMaxLength: (region: string) => this.rules.resolve('reviews', 'commentMaxLength', region).value,
      now,
    };
    let staged = 0;
    const report = () => options.onProgress?.(tally.rows - staged);

    // Batches are written while the next ones are read and checked, so the database and this process work at the same time.
    const writing = writers.map(() => Promise.resolve());
    let failure: { error: unknown } | undefined;
    let written = 0;
    const write = async (batch: OpenBatch) => {
      const slot = written % writers.length;
      written += 1;
      const number = written;
      await writing[slot];
      if (failure) throw failure.error;
      const staging = this.staging(importId, number, batch);
      writing[slot] = writers[slot].importBatch(staging).then(
        (outcome: BatchOutcome) => {
          tally.imported += outcome.imported;
          tally.duplicates += outcome.duplicates;
          tally.casesOpened += outcome.casesOpened;
          staged -= staging.records;
          report();
        },
        (error: unknown) => {
          failure ??= { error };
        },
      );
    };

    let batch = newBatch();
    for await (const rows of readHotlineRows(options.file, options.format)) {
      for (const row of rows) {
        tally.rows += 1;
        const read = readHotlineRecord(row, context);
        if ('problems' in read) {
          tally.rejected += 1;
          options.onRejected?.(read.problems);
          continue;
        }
        const ids = new HotlineIds(read.record.recordId);
        const handlingId = ids.of('handling');
        if (batch.handlingIds.has(handlingId)) {
          tally.duplicates += 1;
          continue;
        }
        batch.handlingIds.add(handlingId);
        batch.tail += this.stage(read.record, ids, handlingId, batch);
        if (batch.tail.length >= COPY_CHUNK_CHARS) {
          batch.chunks.push(Buffer.from(batch.tail, 'utf8'));
          batch.tail = '';
        }
        batch.records += 1;
        staged += 1;
        if (batch.records >= batchSize) {
          await write(batch);
          batch = newBatch();
        }
      }
      report();
    }
    if (batch.records > 0) await write(batch);
    await Promise.all(writing);
    if (failure) throw failure.error;
    report();
  }

  /** The record's staging row: ids from its work-order number, phone encrypted with its lookup hash, deadlines for a bad rating. */
  private stage(record: HotlineRecord, ids: HotlineIds, handlingId: string, batch: OpenBatch): string {
    if (!batch.items.has(record.itemCode)) batch.items.set(record.itemCode, { code: record.itemCode, name: record.itemName, organizationId: record.unit.id, regionCode: record.unit.regionCode });
    let bad: StagedRecord['bad'] = null;
    if (isBadRating(record.rating)) {
      const key = this.duesFor(record.unit.regionCode, record.ratedDay);
      batch.dueKeys.add(key);
      bad = { caseId: ids.of('case'), callbackDeadlineId: ids.of('callbackDeadline'), rectificationDeadlineId: ids.of('rectificationDeadline'), caseEventId: ids.of('caseOpenedEvent') };
    }
    return stagingLine({
      line: record.line,
      handlingId,
      reviewId: ids.of('review'),
      bad,
      recordId: record.recordId,
      organizationId: record.unit.id,
      regionCode: record.unit.regionCode,
      itemCode: record.itemCode,
      itemName: record.itemName,
      completedAt: record.completedAt,
      completedDay: record.completedDay,
      ratedAt: record.ratedAt,
      ratedDay: record.ratedDay,
      rating: record.rating,
      callerPhone: record.callerPhone ? this.cipher.encrypt(record.callerPhone) : null,
      callerPhoneHash: record.callerPhone ? this.cipher.keyedHash(record.callerPhone) : null,
      comment: record.comment,
    });
  }

  /**
   * REV-4 deadlines in working days from the rating day on the official
   * calendar with the region's days off, as `DeadlineService.schedule`
   * computes them: once per (region, day), however many bad ratings share it.
   */
  private duesFor(regionCode: string, ratedDay: string): string {
    const key = `${regionCode}|${ratedDay}`;
    if (this.dues.has(key)) return key;
    const callbackDays = this.rules.resolve('reviews', 'callbackWorkingDays', regionCode);
    const rectificationDays = this.rules.resolve('reviews', 'rectificationWorkingDays', regionCode);
    const callback = this.calendar.addWorkingDays(ratedDay, callbackDays.value, { rule: callbackDays.entry, regionCode });
    const rectification = this.calendar.addWorkingDays(ratedDay, rectificationDays.value, { rule: rectificationDays.entry, regionCode });
    this.dues.set(key, {
      regionCode,
      ratedDay,
      callbackWorkingDays: callbackDays.value,
      callbackDue: callback.date,
      callbackProvisional: callback.provisional,
      callbackRule: callback.rule,
      rectificationWorkingDays: rectificationDays.value,
      rectificationDue: rectification.date,
      rectificationProvisional: rectification.provisional,
      rectificationRule: rectification.rule,
      calendarVersion: rectification.calendarVersion,
      overlaysVersion: rectification.overlaysVersion,
    });
    return key;
  }

  private staging(importId: string, number: number, batch: OpenBatch): StagedBatch {
    return {
      importId,
      batch: number,
      copyChunks: batch.tail === '' ? batch.chunks : [...batch.chunks, Buffer.from(batch.tail, 'utf8')],
      records: batch.records,
      items: [...batch.items.values()],
      dues: [...batch.dueKeys].flatMap((key) => {
        const due = this.dues.get(key);
        return due ? [due] : [];
      }),
    };
  }

  /** AUD-1: one entry per run, not per row; a run that failed half-way is recorded with what it did. */
  private async record(importId: string, options: HotlineImportOptions, tally: Tally, seconds: number, error?: unknown): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, {
        actor: { subject: 'system:hotline-import', roles: [] },
        action: 'hotline.import',
        entityType: 'hotline_import',
        entityId: importId,
        after: {
          file: path.basename(options.file),
          format: options.format,
          operator: options.operator ?? null,
          ...tally,
          seconds,
          ...(error === undefined ? {} : { failed: error instanceof Error ? error.message : 'unknown error' }),
        },
      }),
    );
  }
}

/** Units by code; a code two units share matches neither. */
function indexUnits(rows: readonly { id: string; code: string; region_code: string }[]): Map<string, HotlineUnit | 'ambiguous'> {
  const units = new Map<string, HotlineUnit | 'ambiguous'>();
  for (const row of rows) units.set(row.code, units.has(row.code) ? 'ambiguous' : { id: row.id, regionCode: row.region_code });
  return units;
}
