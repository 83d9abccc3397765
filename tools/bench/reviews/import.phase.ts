import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { BenchContext } from './bench-context';
import { WaitEventSampler } from './database-probes';
import { writeHotlineCsv, type HotlineFileSummary } from './hotline-file';
import { round, waitUntil } from './load';
import { type CpuUse, cpuSecondsOf } from './process-cpu';
import { commandLineOf, descendantsOf } from './process-memory';
import { type CopyResult, createScratchDatabase, rawHotlineCopy } from './raw-baselines';

const IMPORT_SCRIPT = 'tools/reviews/import-hotline.ts';
const MB = 1024 * 1024;

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
    /** CPU of the platform's processes and PostgreSQL while the command ran. */
    readonly cpu: CpuUse;
    /** The import process's own CPU seconds. */
    readonly cpuSeconds: number;
    /** What the reviews database's sessions waited on while it ran (average active sessions). */
    readonly databaseWaits: Record<string, number>;
    /** Growth of the reviews database's tables (indexes included), largest first, and the WAL the server wrote meanwhile. */
    readonly tableGrowthMb: Record<string, number>;
    readonly walMb: number;
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
async function runImportCommand(
  context: BenchContext,
  root: string,
  file: string,
): Promise<{ summary: ImportSummary; exitCode: number | null; wallSeconds: number; cpuSeconds: number }> {
  // The service's profiling flags are not the import's.
  const { NODE_OPTIONS: _profiling, ...serviceEnv } = context.platform.environmentOf('reviews');
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'reviews:import-hotline', '--', file, '--format', 'csv'], {
    cwd: root,
    env: { ...process.env, ...serviceEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const npmPid = child.pid;
  let importPid: number | undefined;
  let importCpuSeconds = 0;
  if (npmPid !== undefined) {
    // The node process itself, not npm or the shell between them, whose command lines name the script too.
    const isImporter = (pid: number) => /^\S*node\s.*import-hotline/.test(commandLineOf(pid));
    context.memory.track('import-hotline', () => (importPid ??= descendantsOf(npmPid).find(isImporter)));
  }
  // Its CPU time, read until it exits: the last reading is within a quarter second of its total.
  const cpuPoll = setInterval(() => {
    if (importPid !== undefined) importCpuSeconds = Math.max(importCpuSeconds, cpuSecondsOf(importPid));
  }, 250);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(cpuPoll);
  context.memory.sample();
  try {
    return { summary: parseSummary(stdout), exitCode, wallSeconds, cpuSeconds: round(importCpuSeconds, 2) };
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
  const tablesBefore = await probes.reviewsTableBytes();
  const walBefore = await probes.walBytes();
  const activity = new Pool({ connectionString: platform.databaseServerUrl, max: 1, application_name: 'bench-probe' });
  activity.on('error', () => undefined);
  const waits = new WaitEventSampler(activity, { reviews: platform.databaseName('reviews') });
  context.cpu.begin();
  waits.start(250);
  let command: Awaited<ReturnType<typeof runImportCommand>>;
  let cpu: CpuUse;
  let databaseWaits: Record<string, number>;
  try {
    command = await platform.profile('import', () => runImportCommand(context, root, file));
  } finally {
    cpu = context.cpu.end();
    databaseWaits = waits.stop()['reviews'] ?? {};
    await activity.end().catch(() => undefined);
  }
  const walMb = round(((await probes.walBytes()) - walBefore) / MB);
  const tablesAfter = await probes.reviewsTableBytes();
  const tableGrowthMb = Object.fromEntries(
    [...tablesAfter]
      .map(([name, bytes]) => [name, round((bytes - (tablesBefore.get(name) ?? 0)) / MB)] as const)
      .filter(([, mb]) => mb >= 1)
      .sort((a, b) => b[1] - a[1]),
  );
  const importedRate = round(command.summary.imported / command.wallSeconds);
  context.log(`import: ${command.summary.imported} imported in ${round(command.wallSeconds, 1)} s (${importedRate} rows/s), exit ${String(command.exitCode)}`);

  const reviewsInDatabase = await probes.reviewCount();
  const events = (await probes.reviewEventsWritten()) - eventsBefore;
  context.log(`import: waiting up to ${options.importDrainTimeoutSeconds} s for credit to apply ${events} events`);
  const draining = performance.now();
  const drained = await platform.profile('import-drain', () =>
    waitUntil(async () => (await probes.creditApplied()) >= creditBefore + events, options.importDrainTimeoutSeconds * 1000, 1000),
  );
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
      // The command's own CPU, read from its process while it ran, belongs to the benchmark, not to other work.
      cpu: {
        ...cpu,
        otherWorkShare: round(Math.max(0, cpu.otherWorkShare - command.cpuSeconds / (cpus().length * cpu.seconds)), 3),
        processSeconds: { ...cpu.processSeconds, 'import-hotline': command.cpuSeconds },
      },
      cpuSeconds: command.cpuSeconds,
      databaseWaits,
      tableGrowthMb,
      walMb,
    },
    reviewsInDatabase,
    creditDrain: {
      events,
      secondsAfterImport: drainSeconds,
      rateSinceImportStart: drainSeconds === null ? null : round(events / (command.wallSeconds + drainSeconds)),
    },
  };
}
