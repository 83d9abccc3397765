import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { access, rm, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AuditLog } from '@egov/audit';
import { loadCalendar } from '@egov/calendar';
import { DomainException } from '@egov/errors';
import { openServiceDatabase } from '@egov/persistence';
import { assertProductionKeys, PersonalDataCipher } from '@egov/personal-data';
import { loadRulePack } from '@egov/rule-packs';
import { loadServiceConfig, serviceDatabaseSchema, serviceDatabaseUrl } from '@egov/runtime';
import type { DataSource } from 'typeorm';
import { countHotlineRows, HOTLINE_FORMATS, type HotlineFormat, inferHotlineFormat } from './hotline-file';
import { HotlineImportErrors } from './hotline-import.exception';
import { HOTLINE_WRITERS, HotlineImportService, type HotlineImportSummary } from './hotline-import.service';
import { formatRowProblem } from './hotline-record';
import { ImportProgress, type ProgressOutput } from './import-progress';

/** The service's own tables and migrations, handed in by the service module. */
export interface ReviewsSchema {
  readonly entities: readonly (new (...args: never[]) => object)[];
  readonly migrations: readonly (new () => object)[];
}

export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressOutput;
  readonly env: Record<string, string | undefined>;
}

/** Exit statuses of the contract: everything imported, some rows rejected, nothing could be done. */
export const EXIT_IMPORTED = 0;
export const EXIT_ROWS_REJECTED = 1;
export const EXIT_FATAL = 2;

/** Rejected rows shown on stderr; all of them are in the rejects file. */
const SHOWN_REJECTS = 20;

const bilingual = (error: unknown) => (error instanceof DomainException ? `${error.bilingual.zh} / ${error.bilingual.en}` : error instanceof Error ? error.message : String(error));

function parseCommandLine(argv: readonly string[]): { file: string; format: HotlineFormat } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { format: { type: 'string' } } });
  } catch (error) {
    throw HotlineImportErrors.usage({ zh: `参数有误（${error instanceof Error ? error.message : String(error)}）`, en: `Bad arguments (${error instanceof Error ? error.message : String(error)})` });
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw HotlineImportErrors.usage({ zh: '缺少要导入的文件', en: 'The file to import is missing' });
  if (extra.length > 0) throw HotlineImportErrors.usage({ zh: `只能导入一个文件，多出 ${extra.join(' ')}`, en: `One file at a time; ${extra.join(' ')} is extra` });
  const given = parsed.values.format;
  if (given !== undefined && !(HOTLINE_FORMATS as readonly string[]).includes(given)) {
    throw HotlineImportErrors.usage({ zh: `--format 应为 csv 或 jsonl，不是 ${given}`, en: `--format is csv or jsonl, not ${given}` });
  }
  const format = (given as HotlineFormat | undefined) ?? inferHotlineFormat(file);
  if (!format) throw HotlineImportErrors.unknownFormat(file);
  return { file, format };
}

async function checkReadable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
    if (!(await stat(file)).isFile()) throw new Error('not a regular file');
  } catch (error) {
    throw HotlineImportErrors.fileUnreadable(file, error);
  }
}

/** Rejected rows, all written to `<file>.rejects.txt` as they are found, the first few kept for the console. */
class RejectsReport {
  readonly path: string;
  readonly shown: string[] = [];
  private stream: WriteStream | undefined;
  private failure: Error | undefined;
  lines = 0;

  constructor(file: string) {
    this.path = `${file}.rejects.txt`;
  }

  add(line: string): void {
    this.lines += 1;
    if (this.shown.length < SHOWN_REJECTS) this.shown.push(line);
    if (!this.stream) {
      this.stream = createWriteStream(this.path);
      this.stream.on('error', (error) => (this.failure ??= error));
    }
    this.stream.write(`${line}\n`);
  }

  /** Closes the file, or removes one an earlier run left when this one rejected nothing. Returns why it could not be written, if so. */
  async close(): Promise<Error | undefined> {
    const stream = this.stream;
    if (!stream) {
      await rm(this.path, { force: true }).catch(() => undefined);
      return undefined;
    }
    await new Promise<void>((resolve) => stream.end(resolve));
    return this.failure;
  }
}

async function openDatabase(config: ReturnType<typeof loadServiceConfig>, schema: ReviewsSchema): Promise<DataSource> {
  const url = serviceDatabaseUrl('reviews', config);
  const tables = serviceDatabaseSchema(schema.entities, schema.migrations);
  try {
    // Created and migrated as the service does at boot, so a fresh database works.
    return await openServiceDatabase({ url, entities: tables.entities, migrations: tables.migrations, poolSize: HOTLINE_WRITERS + 1, applicationName: 'egov-reviews-hotline-import' });
  } catch (error) {
    // Named by database only: the URL may carry a password.
    throw HotlineImportErrors.databaseUnavailable(decodeURIComponent(new URL(url).pathname.slice(1)), error);
  }
}

/**
 * REV-12 `npm run reviews:import-hotline -- <file> [--format csv|jsonl]`:
 * imports 12345 hotline records into the reviews database. Progress and
 * rejected rows on stderr, all rejected rows in `<file>.rejects.txt`, and as
 * the last line on stdout `{"rows","imported","duplicates","rejected","seconds"}`.
 * Exit 0 when every row was good, 1 when rows were rejected (the good ones
 * are imported), 2 when the import could not run.
 */
export async function runHotlineImportCommand(argv: readonly string[], schema: ReviewsSchema, io: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let dataSource: DataSource | undefined;
  /** Set while rows are being imported: a failure then leaves committed batches behind. */
  let importing: { readonly progress: ImportProgress; done: number } | undefined;
  try {
    const { file, format } = parseCommandLine(argv);
    await checkReadable(file);
    const config = loadServiceConfig('reviews', io.env);
    assertProductionKeys(config.personalData, config.http.NODE_ENV);
    const cipher = PersonalDataCipher.fromConfig(config.personalData);
    dataSource = await openDatabase(config, schema);
    const total = await countHotlineRows(file, format);
    const service = new HotlineImportService(dataSource, cipher, loadRulePack(), loadCalendar(), new AuditLog());
    const rejects = new RejectsReport(file);
    const run = (importing = { progress: new ImportProgress(io.stderr, total), done: 0 });
    let summary: HotlineImportSummary;
    try {
      summary = await service.import({
        file,
        format,
        operator: userInfo().username,
        onProgress: (rows) => {
          run.done = rows;
          run.progress.update(rows);
        },
        onRejected: (problems) => problems.forEach((p) => rejects.add(formatRowProblem(p))),
      });
    } finally {
      const unwritten = await rejects.close();
      if (unwritten) io.stderr.write(`无法写入 ${rejects.path}：${unwritten.message} / Cannot write ${rejects.path}: ${unwritten.message}\n`);
    }
    importing = undefined;
    run.progress.finish(summary.rows);
    if (rejects.lines > 0) {
      io.stderr.write(`${rejects.shown.join('\n')}\n`);
      const more = rejects.lines - rejects.shown.length;
      io.stderr.write(more > 0 ? `… 另有 ${more} 条，见 ${rejects.path} / ${more} more in ${rejects.path}\n` : `拒绝原因已写入 ${rejects.path} / written to ${rejects.path}\n`);
    }
    io.stderr.write(
      `导入 ${summary.imported} 条，重复 ${summary.duplicates} 条，拒绝 ${summary.rejected} 条，开启差评工单 ${summary.casesOpened} 个 / ` +
        `imported ${summary.imported}, duplicates ${summary.duplicates}, rejected ${summary.rejected}, bad-review cases opened ${summary.casesOpened}\n`,
    );
    const { rows, imported, duplicates, rejected, seconds } = summary;
    io.stdout.write(`${JSON.stringify({ rows, imported, duplicates, rejected, seconds })}\n`);
    return rejected > 0 ? EXIT_ROWS_REJECTED : EXIT_IMPORTED;
  } catch (error) {
    importing?.progress.finish(importing.done);
    const partial = importing ? ' — 已提交的批次保留，重新导入同一文件会补齐其余记录 / the batches committed so far stay; importing the same file again adds the rest' : '';
    io.stderr.write(`导入失败 / import failed: ${bilingual(error)}${partial}\n`);
    return EXIT_FATAL;
  } finally {
    await dataSource?.destroy();
  }
}
