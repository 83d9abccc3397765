import { parseArgs } from 'node:util';
import { loadServiceConfig, serviceDatabaseUrl } from '@egov/runtime';
import type { DataSource } from 'typeorm';
import { databaseNameOf, openReviewsDatabase, type ReviewsSchema } from '../../reviews-database';
import { StatisticsRebuild } from './statistics.rebuild';

export interface RebuildIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Record<string, string | undefined>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * REV-8 `npm run reviews:rebuild-statistics [-- --check]`: recomputes the
 * review statistics from handlings, reviews and case records. With --check
 * it only compares and exits 1 if the maintained rollups differ; otherwise it
 * replaces them. The last stdout line is `{"rows","differing","replaced"}`;
 * exit 2 when it could not run.
 */
export async function runStatisticsRebuildCommand(argv: readonly string[], schema: ReviewsSchema, io: RebuildIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let checkOnly: boolean;
  try {
    checkOnly = parseArgs({ args: [...argv], options: { check: { type: 'boolean', default: false } } }).values.check;
  } catch (error) {
    io.stderr.write(`参数有误：${message(error)}；用法 npm run reviews:rebuild-statistics [-- --check] / Bad arguments: ${message(error)}; usage npm run reviews:rebuild-statistics [-- --check]\n`);
    return 2;
  }
  let dataSource: DataSource | undefined;
  const config = loadServiceConfig('reviews', io.env);
  try {
    dataSource = await openReviewsDatabase(config, schema, 'egov-reviews-statistics-rebuild');
  } catch (error) {
    const name = databaseNameOf(serviceDatabaseUrl('reviews', config));
    io.stderr.write(`无法打开数据库 ${name}：${message(error)} / Cannot open database ${name}: ${message(error)}\n`);
    return 2;
  }
  try {
    const rebuild = new StatisticsRebuild(dataSource);
    const report = checkOnly ? await rebuild.check() : await rebuild.rebuild();
    io.stderr.write(
      checkOnly
        ? `统计汇总 ${report.rows} 行，与明细不一致 ${report.differing} 行 / ${report.rows} rollup rows, ${report.differing} differ from the facts\n`
        : `已按明细重建统计汇总 ${report.rows} 行，此前不一致 ${report.differing} 行 / rebuilt ${report.rows} rollup rows from the facts; ${report.differing} had differed\n`,
    );
    io.stdout.write(`${JSON.stringify({ ...report, replaced: !checkOnly })}\n`);
    return checkOnly && report.differing > 0 ? 1 : 0;
  } catch (error) {
    io.stderr.write(`重建失败，统计未改动 / rebuild failed, statistics unchanged: ${message(error)}\n`);
    return 2;
  } finally {
    await dataSource.destroy();
  }
}
