import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './bench-context';
import { writeHotlineCsv, type HotlineFileSummary } from './hotline-file';
import { round, waitUntil } from './load';
import { commandLineOf, descendantsOf } from './process-memory';
import { type CopyResult, createScratchDatabase, rawHotlineCopy } from './raw-baselines';

const IMPORT_SCRIPT = 'tools/reviews/import-hotline.ts';

/** The summary the import command prints as its last line. */
interface ImportSummary {
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly seconds: number;
}

export interface ImportResult {
  readonly ratio: number;
  readonly file: HotlineFileSummary & { readonly generateSeconds: number };
  readonly rawCopy: CopyResult;
  readonly import: ImportSummary & {
    readonly exitCode: number | null;
    /** Wall time of the whole command, start-up included; the ratio uses it. */
    readonly wallSeconds: number;
    readonly rate: number;
    /** Rate by the command's own clock, without npm and compilation at start. */
    readonly rateByOwnClock: number;
  };
  readonly reviewsInDatabase: number;
  /** How long credit took, after the command ended, to apply every review event the import wrote (null: not all within the timeout). */
  readonly creditDrain: { readonly events: number; readonly secondsAfterImport: number | null; readonly rateSinceImportStart: number | null };
}

export function importCommandAvailable(root: string): boolean {
  return existsSync(path.join(root, IMPORT_SCRIPT));
}

function parseSummary(stdout: string): ImportSummary {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(last) as Partial<ImportSummary>;
    if (typeof parsed.rows === 'number' && typeof parsed.imported === 'number') return parsed as ImportSummary;
  } catch {
    // reported below with the line itself
  }
  throw new Error(`the import command's last line is not its summary: ${last.slice(0, 300)}`);
}

/** Runs `npm run reviews:import-hotline` on the file with the reviews service's environment, sampling its memory. */
async function runImportCommand(context: BenchContext, root: string, file: string): Promise<{ summary: ImportSummary; exitCode: number | null; wallSeconds: number }> {
  // The service's profiling flags are not the import's.
  const { NODE_OPTIONS: _profiling, ...serviceEnv } = context.platform.environmentOf('reviews');
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'reviews:import-hotline', '--', file, '--format', 'csv'], {
    cwd: root,
    env: { ...process.env, ...serviceEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const npmPid = child.pid;
  if (npmPid !== undefined) {
    let importPid: number | undefined;
    context.memory.track('import-hotline', () => (importPid ??= descendantsOf(npmPid).find((pid) => commandLineOf(pid).includes('import-hotline'))));
  }
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  context.memory.sample();
  try {
    return { summary: parseSummary(stdout), exitCode, wallSeconds };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nexit ${String(exitCode)}; stderr:\n${stderr}`);
  }
}

/**
 * Phase 5: the hotline records through the project's import command, against
 * COPY of the same file into a plain table of its columns. Leaves the reviews
 * in place for the dashboard phase.
 */
export async function measureImport(context: BenchContext, root: string, workDir: string): Promise<ImportResult> {
  const { options, platform, probes } = context;
  const file = path.join(workDir, 'hotline.csv');
  context.log(`import: writing ${options.hotlineRows} hotline records`);
  const generating = performance.now();
  const summary = await writeHotlineCsv(
    file,
    options.hotlineRows,
    context.units.map((u) => u.code),
  );
  const generateSeconds = round((performance.now() - generating) / 1000, 2);

  const scratch = await createScratchDatabase(platform.databaseServerUrl, context.scratchDatabaseName);
  let rawCopy: CopyResult;
  try {
    rawCopy = await rawHotlineCopy(scratch.url, file);
  } finally {
    await scratch.drop();
  }
  context.log(`import: raw COPY ${rawCopy.rate} rows/s`);

  const creditBefore = await probes.creditApplied();
  const eventsBefore = await probes.reviewEventsWritten();
  const command = await platform.profile('import', () => runImportCommand(context, root, file));
  const importedRate = round(command.summary.imported / command.wallSeconds);
  context.log(`import: ${command.summary.imported} imported in ${round(command.wallSeconds, 1)} s (${importedRate} rows/s), exit ${String(command.exitCode)}`);

  const reviewsInDatabase = await probes.reviewCount();
  const events = (await probes.reviewEventsWritten()) - eventsBefore;
  context.log(`import: waiting up to ${options.importDrainTimeoutSeconds} s for credit to apply ${events} events`);
  const draining = performance.now();
  const drained = await waitUntil(async () => (await probes.creditApplied()) >= creditBefore + events, options.importDrainTimeoutSeconds * 1000, 1000);
  const drainSeconds = drained ? round((performance.now() - draining) / 1000, 1) : null;
  return {
    ratio: round(importedRate / rawCopy.rate, 3),
    file: { ...summary, generateSeconds },
    rawCopy,
    import: {
      ...command.summary,
      exitCode: command.exitCode,
      wallSeconds: round(command.wallSeconds, 2),
      rate: importedRate,
      rateByOwnClock: round(command.summary.imported / command.summary.seconds),
    },
    reviewsInDatabase,
    creditDrain: {
      events,
      secondsAfterImport: drainSeconds,
      rateSinceImportStart: drainSeconds === null ? null : round(events / (command.wallSeconds + drainSeconds)),
    },
  };
}
