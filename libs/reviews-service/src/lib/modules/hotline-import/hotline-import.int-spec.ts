import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog } from '@egov/audit';
import { loadCalendar } from '@egov/calendar';
import { BadReviewCaseOpened, BadReviewCaseOpenedV1, ReviewsImported, ReviewsImportedV1, ReviewSubmitted, serializePayload } from '@egov/contracts';
import { loadRulePack } from '@egov/rule-packs';
import { openReviewsTestKit, type ReviewsTestKit } from '../../testing/reviews-test-kit';
import { REVIEWS_ENTITIES, REVIEWS_MIGRATIONS } from '../../reviews-service.module';
import { runStatisticsRebuildCommand } from '../statistics/statistics-rebuild.command';
import { StatisticsRebuild } from '../statistics/statistics.rebuild';
import { HotlineIds } from './hotline-ids';
import { runHotlineImportCommand } from './hotline-import.command';
import { HotlineImportService, type HotlineImportSummary } from './hotline-import.service';
import { formatRowProblem, type RowProblem } from './hotline-record';

const HEADER = 'recordId,organizationCode,itemCode,itemName,completedAt,ratedAt,rating,callerPhone,comment';
const NOW = new Date('2024-06-01T12:00:00+08:00');
const REPOSITORY_ROOT = path.resolve(__dirname, '../../../../../..');

describe('REV-12 12345 hotline bulk import on real PostgreSQL', () => {
  let kit: ReviewsTestKit;
  let dir: string;
  let haikou: string;
  let lingshui: string;

  beforeAll(async () => {
    kit = await openReviewsTestKit();
    dir = await mkdtemp(path.join(tmpdir(), 'hotline-import-'));
    haikou = await kit.registerUnit({ code: 'HK-12345', regionCode: '460100' });
    lingshui = await kit.registerUnit({ code: 'LS-12345', regionCode: '469028' });
    await kit.registerUnit({ code: 'TWIN', regionCode: '460100' });
    await kit.registerUnit({ code: 'TWIN', regionCode: '460200' });
  }, 60_000);

  afterAll(() => kit.close());

  const service = () => new HotlineImportService(kit.dataSource, kit.cipher, loadRulePack(), loadCalendar(), new AuditLog());

  async function write(name: string, lines: readonly string[]): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }

  async function importFile(file: string, batchSize = 3): Promise<{ summary: HotlineImportSummary; problems: RowProblem[] }> {
    const problems: RowProblem[] = [];
    const summary = await service().import({ file, format: file.endsWith('.csv') ? 'csv' : 'jsonl', batchSize, now: NOW, onRejected: (p) => problems.push(...p) });
    return { summary, problems };
  }

  const handlingOf = (recordId: string) =>
    kit.dataSource
      .query<Record<string, unknown>[]>('SELECT * FROM service_handling WHERE id = $1', [new HotlineIds(recordId).of('handling')])
      .then((rows) => rows[0]);
  const reviewOf = (recordId: string) =>
    kit.dataSource.query<Record<string, unknown>[]>('SELECT * FROM review WHERE id = $1', [new HotlineIds(recordId).of('review')]).then((rows) => rows[0]);
  const day = (organizationId: string, date: string) => kit.ledger.read({ periodKind: 'DAY', day: date, organizationId });

  it('REV-12 imports a CSV file: a HOTLINE_12345 handling and review per record, with their original times, personal data protected, and statistics', async () => {
    const file = await write('a.csv', [
      HEADER,
      'CSV-1,HK-12345,HN-GJJ-001,公积金提取,2024-03-04T17:30:00+08:00,2024-03-05T09:00:00+08:00,5,13800138000,"办得快, 谢谢"',
      'CSV-2,HK-12345,HN-GJJ-001,公积金提取,2024-03-04T10:00:00+08:00,2024-03-04T11:00:00+08:00,满意,,',
      'CSV-3,HK-12345,HN-SBK-003,社会保障卡申领,2024-03-04T12:00:00+08:00,2024-03-05T08:00:00+08:00,基本满意,,请打13900139000回访',
    ]);
    const { summary, problems } = await importFile(file, 2);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ rows: 3, imported: 3, duplicates: 0, rejected: 0, casesOpened: 0 });

    const handling = await handlingOf('CSV-1');
    expect(handling).toMatchObject({
      organization_id: haikou,
      region_code: '460100',
      item_code: 'HN-GJJ-001',
      item_name: '公积金提取',
      applicant_subject: 'hotline:CSV-1',
      handler_subject: null,
      completed_at: new Date('2024-03-04T09:30:00Z'),
      applicant_phone_hash: kit.cipher.keyedHash('13800138000'),
    });
    expect(kit.cipher.decrypt(handling?.['applicant_phone'] as string)).toBe('13800138000');
    expect(await reviewOf('CSV-1')).toMatchObject({
      handling_id: handling?.['id'],
      organization_id: haikou,
      rating: 5,
      channel: 'HOTLINE_12345',
      comment: '办得快, 谢谢',
      reviewer_subject: 'hotline:CSV-1',
      submitted_at: new Date('2024-03-05T01:00:00Z'),
      reasons: [],
    });
    expect((await reviewOf('CSV-3'))?.['comment']).toBe('请打139****9000回访');

    // Handlings count on the day they were completed, ratings on the day they were given.
    const march4 = await day(haikou, '2024-03-04');
    const march5 = await day(haikou, '2024-03-05');
    expect([march4.handlings, march4.reviews, march4.levels]).toEqual([3, 1, [5, 4, 3, 2, 1].map((level) => ({ level, count: level === 4 ? 1 : 0 }))]);
    expect([march5.handlings, march5.reviews, march5.satisfied]).toEqual([0, 2, 2]);
    const byChannel = await kit.ledger.read({ periodKind: 'MONTH', day: '2024-03-01', organizationId: haikou, channel: 'HOTLINE_12345' });
    expect([byChannel.reviews, byChannel.handlings, byChannel.satisfactionRate]).toEqual([3, 3, 1]);
    const items = await kit.dataSource.query<{ code: string; organization_id: string }[]>(`SELECT code, organization_id FROM service_item WHERE code LIKE 'HN-%' ORDER BY code`);
    expect(items).toEqual([
      { code: 'HN-GJJ-001', organization_id: haikou },
      { code: 'HN-SBK-003', organization_id: haikou },
    ]);
  });

  it('REV-12 imports a JSON-lines file the same way, labels and numbers alike', async () => {
    const file = await write('b.jsonl', [
      JSON.stringify({ recordId: 'JL-1', organizationCode: 'LS-12345', itemCode: 'LS-HJ-01', itemName: '户籍迁入', completedAt: '2024-04-01T09:00:00+08:00', ratedAt: '2024-04-01T15:00:00+08:00', rating: 4 }),
      JSON.stringify({ rating: '非常满意', recordId: 'JL-2', organizationCode: 'LS-12345', itemCode: 'LS-HJ-01', itemName: '户籍迁入', completedAt: '2024-04-01T01:00:00Z', ratedAt: '2024-04-01T02:00:00Z', callerPhone: null, comment: null }),
    ]);
    const { summary } = await importFile(file);
    expect(summary).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    expect(await reviewOf('JL-2')).toMatchObject({ organization_id: lingshui, region_code: '469028', rating: 5, comment: null, submitted_at: new Date('2024-04-01T02:00:00Z') });
    const april1 = await day(lingshui, '2024-04-01');
    expect([april1.handlings, april1.reviews, april1.satisfied]).toEqual([2, 2, 2]);
  });

  it('REV-12 a bad rating opens its REV-4 case with deadlines counted from the rating day on the working calendar: rated 2024-02-08, before Spring Festival 2024', async () => {
    const file = await write('c.csv', [
      HEADER,
      'BAD-1,HK-12345,HN-SBK-003,社会保障卡申领,2024-02-07T16:00:00+08:00,2024-02-08T10:00:00+08:00,不满意,13800138000,等了很久',
      'BAD-2,HK-12345,HN-SBK-003,社会保障卡申领,2024-02-07T16:00:00+08:00,2024-02-08T23:30:00+08:00,1,,',
    ]);
    const { summary } = await importFile(file);
    expect(summary).toMatchObject({ imported: 2, casesOpened: 2 });
    const ids = new HotlineIds('BAD-1');
    const [opened] = await kit.dataSource.query<Record<string, unknown>[]>('SELECT * FROM bad_review_case WHERE review_id = $1', [ids.of('review')]);
    expect(opened).toMatchObject({ id: ids.of('case'), status: 'OPEN', real_name: true, organization_id: haikou, item_code: 'HN-SBK-003', reasons: [], opened_at: new Date('2024-02-08T02:00:00Z') });
    const deadlines = await kit.dataSource.query<Record<string, unknown>[]>(
      `SELECT id, kind, start_date::text, working_days, region_code, due_date::text, provisional, calendar_version, overlays_version, rule, closed_at, overdue_at FROM deadline WHERE subject_id = $1 ORDER BY kind`,
      [ids.of('case')],
    );
    const calendar = loadCalendar();
    // 2024-02-09 is a working day; 10–17 February are the Spring Festival holiday and Sunday 18 February is a make-up workday.
    expect(deadlines).toEqual([
      { id: ids.of('callbackDeadline'), kind: 'review-case.callback', start_date: '2024-02-08', working_days: 1, region_code: '460100', due_date: '2024-02-09', provisional: false, calendar_version: calendar.version, overlays_version: calendar.overlaysVersion, rule: 'hainan-2024.1/reviews.callbackWorkingDays@460000', closed_at: null, overdue_at: null },
      { id: ids.of('rectificationDeadline'), kind: 'review-case.rectification', start_date: '2024-02-08', working_days: 5, region_code: '460100', due_date: '2024-02-21', provisional: false, calendar_version: calendar.version, overlays_version: calendar.overlaysVersion, rule: 'hainan-2024.1/reviews.rectificationWorkingDays@460000', closed_at: null, overdue_at: null },
    ]);
    // The same numbers DeadlineService computes for a case opened live.
    const live = await kit.dataSource.transaction((manager) =>
      kit.deadlines().schedule(manager, { kind: 'review-case.rectification', subjectId: ids.of('case'), from: new Date('2024-02-08T10:00:00+08:00'), workingDays: 5, regionCode: '460100', rule: 'hainan-2024.1/reviews.rectificationWorkingDays@460000' }),
    );
    await kit.dataSource.query('DELETE FROM deadline WHERE id = $1', [live.id]);
    expect([live.dueDate, live.calendarVersion]).toEqual(['2024-02-21', calendar.version]);

    const [event] = await kit.dataSource.query<{ data: unknown }[]>(`SELECT data FROM outbox_event WHERE type = $1 AND key = $2`, [BadReviewCaseOpened.type, ids.of('case')]);
    const expected = serializePayload(
      BadReviewCaseOpened,
      Object.assign(new BadReviewCaseOpenedV1(), {
        caseId: ids.of('case'),
        reviewId: ids.of('review'),
        organizationId: haikou,
        regionCode: '460100',
        realName: true,
        callbackDue: '2024-02-09',
        rectificationDue: '2024-02-21',
        calendarVersion: calendar.version,
        openedAt: new Date('2024-02-08T10:00:00+08:00'),
      }),
    );
    expect(event?.data).toEqual(JSON.parse(JSON.stringify(expected)));
    // Rated late at night Shanghai time (15:30 UTC): the day is still the 8th. Long past, so the overdue job announces it.
    const late = new HotlineIds('BAD-2');
    const [lateDue] = await kit.dataSource.query<{ due_date: string; real_name: boolean }[]>(
      'SELECT d.due_date::text, c.real_name FROM deadline d JOIN bad_review_case c ON c.id = d.subject_id WHERE d.id = $1',
      [late.of('callbackDeadline')],
    );
    expect(lateDue).toEqual({ due_date: '2024-02-09', real_name: false });
    const overdue = await kit.dataSource.transaction((manager) => kit.deadlines().claimOverdue(manager, ['review-case.callback', 'review-case.rectification'], NOW));
    expect(overdue.map((d) => d.subjectId)).toEqual(expect.arrayContaining([ids.of('case'), late.of('case')]));
  });

  it('REV-12 reports every bad row with its line number and reasons, and imports the good rows around them', async () => {
    const file = await write('d.csv', [
      HEADER,
      'OK-1,HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,',
      'E-2,NOPE,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,',
      `${'R'.repeat(65)},HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,`,
      'E-4,HK-12345,HN-X,,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,',
      'E-5,HK-12345,HN-X,事项,2024-05-01 09:00:00,2024-02-30T10:00:00+08:00,4,,',
      'E-6,HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-04-30T10:00:00+08:00,六,,',
      'E-7,HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-07-01T10:00:00+08:00,4,1380013800,',
      `E-8,HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,${'慢'.repeat(151)}`,
      'E-9,TWIN,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,,extra',
      'E-10,"HK-12345,HN-X,事项',
      'OK-11,HK-12345,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,5,,',
      'E-12,TWIN,HN-X,事项,2024-05-01T09:00:00+08:00,2024-05-01T10:00:00+08:00,4,,',
    ]);
    const { summary, problems } = await importFile(file);
    expect(summary).toMatchObject({ rows: 12, imported: 2, duplicates: 0, rejected: 10 });
    expect(problems.map((p) => `${p.line} ${p.field} ${p.reason.en}`)).toEqual([
      '3 organizationCode no unit is registered with code NOPE',
      '4 recordId is longer than 64 characters',
      '5 itemName is required',
      '6 completedAt has no UTC offset (e.g. +08:00)',
      '6 ratedAt is not a real date or time of day',
      '7 rating must be 1–5 or one of 非常满意, 满意, 基本满意, 不满意, 非常不满意',
      '7 ratedAt is before completedAt',
      '8 callerPhone A mobile number has 11 digits, this one has 10',
      '8 ratedAt is in the future',
      '9 comment is longer than 150 characters',
      '10 (row) has 10 values, the header has 9 fields',
      '11 (row) has a quote that is never closed',
      '13 organizationCode code TWIN belongs to more than one unit',
    ]);
    expect(formatRowProblem(problems[0])).toBe('line 3: organizationCode: 单位代码 NOPE 未登记 / no unit is registered with code NOPE');
    expect(await handlingOf('OK-1')).toBeDefined();
    expect(await handlingOf('OK-11')).toBeDefined();
    expect(await handlingOf('E-12')).toBeUndefined();
  });

  it('REV-12 importing the same file again imports nothing: every record a duplicate, statistics, cases and events unchanged', async () => {
    const file = await write('e.csv', [
      HEADER,
      'TWICE-1,HK-12345,HN-TW,两次导入,2024-05-10T09:00:00+08:00,2024-05-10T10:00:00+08:00,2,,',
      'TWICE-2,HK-12345,HN-TW,两次导入,2024-05-10T09:00:00+08:00,2024-05-10T10:00:00+08:00,5,,',
      'TWICE-1,HK-12345,HN-TW,两次导入,2024-05-10T09:00:00+08:00,2024-05-10T10:00:00+08:00,2,,',
      'TWICE-3,HK-12345,HN-TW,两次导入,2024-05-10T09:00:00+08:00,2024-05-11T10:00:00+08:00,3,,',
    ]);
    const snapshot = () =>
      Promise.all([
        kit.dataSource.query(`SELECT * FROM review_statistics WHERE item_code = 'HN-TW' ORDER BY period_kind, period_start, channel`),
        kit.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event'),
        kit.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM bad_review_case'),
        kit.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM deadline'),
      ]);
    const first = await importFile(file, 2);
    // The repeated work order counts once, whether it meets its first copy in the same batch or a later one.
    expect(first.summary).toMatchObject({ rows: 4, imported: 3, duplicates: 1, rejected: 0, casesOpened: 1 });
    const after = await snapshot();
    const second = await importFile(file, 2);
    expect(second.summary).toMatchObject({ rows: 4, imported: 0, duplicates: 4, rejected: 0, casesOpened: 0 });
    expect(await snapshot()).toEqual(after);
    const may10 = await day(haikou, '2024-05-10');
    expect([may10.handlings, may10.reviews, may10.bad]).toEqual([3, 2, 1]);
    const runs = await kit.dataSource.query<{ after: { file: string; imported: number; duplicates: number } }[]>(
      `SELECT after FROM audit_entry WHERE action = 'hotline.import' AND after->>'file' = 'e.csv' ORDER BY seq`,
    );
    expect(runs.map((r) => [r.after.imported, r.after.duplicates])).toEqual([
      [3, 1],
      [0, 4],
    ]);
  });

  it('REV-12 announces each batch with one reviews.imported per unit, counted from the records it imported, instead of a review.submitted per record', async () => {
    const earlier = await importFile(await write('f0.csv', [HEADER, 'EV-0,HK-12345,HN-EV,事件,2024-05-18T09:00:00+08:00,2024-05-18T10:00:00+08:00,1,,']));
    const file = await write('f.csv', [
      HEADER,
      'EV-1,HK-12345,HN-EV,事件,2024-05-20T09:00:00+08:00,2024-05-20T18:45:12.345+08:00,2,,态度不好 电话13800138000',
      'EV-2,LS-12345,LS-EV,事件,2024-05-20T09:00:00+08:00,2024-05-20T10:00:00+08:00,5,,',
      'EV-3,HK-12345,HN-EV,事件,2024-05-19T09:00:00+08:00,2024-05-19T11:30:00+08:00,4,,',
      // Batch 2: EV-0 again, imported by the run before, is neither counted nor announced twice.
      'EV-0,HK-12345,HN-EV,事件,2024-05-18T09:00:00+08:00,2024-05-18T10:00:00+08:00,1,,',
      'EV-4,HK-12345,HN-EV,事件,2024-05-21T09:00:00+08:00,2024-05-21T09:10:00+08:00,1,13800138000,',
      'EV-5,HK-12345,HN-EV,事件,2024-05-21T09:00:00+08:00,2024-05-22T16:00:00+08:00,3,,',
    ]);
    const before = new Date();
    const { summary } = await importFile(file, 3);
    const after = new Date();
    expect(summary).toMatchObject({ rows: 6, imported: 5, duplicates: 1, casesOpened: 2 });
    expect(summary.importId).not.toBe(earlier.summary.importId);
    const runs = await kit.dataSource.query<{ entity_id: string }[]>(`SELECT entity_id FROM audit_entry WHERE action = 'hotline.import' AND after->>'file' = 'f.csv'`);
    expect(runs).toEqual([{ entity_id: summary.importId }]);

    const rows = await kit.dataSource.query<{ id: string; topic: string; key: string; type: string; source: string; subject: string; data: { batch: number; importedAt: string }; extensions: unknown; sent_at: Date | null }[]>(
      `SELECT id, topic, key, type, source, subject, data, extensions, sent_at FROM outbox_event WHERE type = $1 AND data->>'importId' = $2 ORDER BY (data->>'batch')::int, key`,
      [ReviewsImported.type, summary.importId],
    );
    const announced = (batch: number, organizationId: string, regionCode: string, reviews: number, badReviews: number, ratedFrom: string, ratedTo: string, importedAt: string) =>
      JSON.parse(
        JSON.stringify(
          serializePayload(
            ReviewsImported,
            Object.assign(new ReviewsImportedV1(), {
              organizationId,
              regionCode,
              importId: summary.importId,
              batch,
              channel: 'HOTLINE_12345' as const,
              reviews,
              badReviews,
              ratedFrom: new Date(ratedFrom),
              ratedTo: new Date(ratedTo),
              importedAt: new Date(importedAt),
            }),
          ),
        ),
      ) as unknown;
    const importedAt = (batch: number) => rows.find((row) => row.data.batch === batch)?.data.importedAt ?? '';
    const expected = [
      { key: haikou, data: announced(1, haikou, '460100', 2, 1, '2024-05-19T11:30:00+08:00', '2024-05-20T18:45:12.345+08:00', importedAt(1)) },
      { key: lingshui, data: announced(1, lingshui, '469028', 1, 0, '2024-05-20T10:00:00+08:00', '2024-05-20T10:00:00+08:00', importedAt(1)) },
      { key: haikou, data: announced(2, haikou, '460100', 2, 1, '2024-05-21T09:10:00+08:00', '2024-05-22T16:00:00+08:00', importedAt(2)) },
    ].sort((a, b) => (a.data as { batch: number }).batch - (b.data as { batch: number }).batch || a.key.localeCompare(b.key));
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual(
      expected.map(({ key, data }) => ({ topic: ReviewsImported.topic, key, type: ReviewsImported.type, source: '/gov/hainan/reviews', subject: `reviews/${key}`, data, extensions: {}, sent_at: null })),
    );
    for (const batch of [1, 2]) {
      const at = new Date(importedAt(batch)).getTime();
      expect(at).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(at).toBeLessThanOrEqual(after.getTime() + 1000);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);

    // Each bad rating still opens its case and announces it; nothing is announced per review.
    const caseKeys = ['EV-1', 'EV-4'].map((recordId) => new HotlineIds(recordId).of('case'));
    const opened = await kit.dataSource.query<{ key: string }[]>('SELECT key FROM outbox_event WHERE type = $1 AND key = ANY($2) ORDER BY key', [BadReviewCaseOpened.type, caseKeys]);
    expect(opened.map((row) => row.key)).toEqual([...caseKeys].sort());
    const [submitted] = await kit.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event WHERE type = $1', [ReviewSubmitted.type]);
    expect(submitted?.n).toBe(0);
  });

  it('REV-12 the command: progress and rejected rows on stderr, a rejects file, the summary as the last stdout line, exit 1 with rejected rows, 0 without, 2 when it cannot run', async () => {
    const file = await write('g.csv', [
      HEADER,
      'CMD-1,HK-12345,HN-CMD,命令,2024-05-21T09:00:00+08:00,2024-05-21T10:00:00+08:00,5,,',
      'CMD-2,HK-12345,HN-CMD,命令,2024-05-21T09:00:00+08:00,2024-05-21T10:00:00+08:00,9,,',
    ]);
    const options = kit.dataSource.options;
    if (options.type !== 'postgres' || !options.url) throw new Error('the test database has no URL');
    const url = new URL(options.url);
    const env = { ...process.env, DATABASE_URL: url.toString(), DATABASE_NAME: url.pathname.slice(1), NODE_ENV: 'test' };
    const spawned = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['tools/run-ts.js', 'tools/reviews/import-hotline.ts', file], { cwd: REPOSITORY_ROOT, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(spawned.code).toBe(1);
    const last = spawned.stdout.trim().split('\n').pop() ?? '';
    expect(JSON.parse(last)).toEqual({ rows: 2, imported: 1, duplicates: 0, rejected: 1, seconds: expect.any(Number) as number });
    const reason = 'line 3: rating: 应为 1–5 或 非常满意、满意、基本满意、不满意、非常不满意 / must be 1–5 or one of 非常满意, 满意, 基本满意, 不满意, 非常不满意';
    expect(spawned.stderr).toContain('2/2 rows');
    expect(spawned.stderr).toContain(reason);
    expect(await readFile(`${file}.rejects.txt`, 'utf8')).toBe(`${reason}\n`);

    // In process from here on: the same command, without another start-up.
    const run = async (argv: string[], environment: Record<string, string | undefined> = env) => {
      let stdout = '';
      let stderr = '';
      const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: environment };
      const code = await runHotlineImportCommand(argv, { entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS }, io);
      return { code, stdout, stderr };
    };
    const fixed = await write('g.txt', [HEADER, 'CMD-3,HK-12345,HN-CMD,命令,2024-05-21T09:00:00+08:00,2024-05-21T10:00:00+08:00,5,,']);
    await writeFile(`${fixed}.rejects.txt`, 'left by an earlier run\n');
    const clean = await run([fixed, '--format', 'csv']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout.trim())).toMatchObject({ rows: 1, imported: 1, duplicates: 0, rejected: 0 });
    expect(existsSync(`${fixed}.rejects.txt`)).toBe(false);

    const missing = await run([path.join(dir, 'no-such-file.csv')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('Cannot read');
    expect((await run([fixed])).stderr).toContain('--format csv');
    const noDatabase = await run([file], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres' });
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toContain(`Cannot connect to or migrate the database ${url.pathname.slice(1)}`);
  });

  it('REV-12 REV-8 the statistics the imports wrote are what the rebuild computes from the facts: `reviews:rebuild-statistics --check` finds no differing row', async () => {
    expect((await new StatisticsRebuild(kit.dataSource).check()).differing).toBe(0);
    const out: string[] = [];
    const status = await runStatisticsRebuildCommand(['--check'], { entities: REVIEWS_ENTITIES, migrations: REVIEWS_MIGRATIONS }, {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: () => undefined },
      env: { DATABASE_URL: kit.database.serverUrl, DATABASE_NAME: kit.database.name },
    });
    expect(status).toBe(0);
    expect(JSON.parse(out.join('').trim().split('\n').at(-1) ?? '')).toMatchObject({ differing: 0, replaced: false });
  });
});
