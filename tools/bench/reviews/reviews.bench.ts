import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuthConfig, issueDevToken, Role } from '@egov/auth';
import type { BenchContext, BenchOptions } from './bench-context';
import { BenchPlatform, type BenchProcess, PROCESSES } from './bench-platform';
import { summarizeCpuProfile } from './cpu-profile-summary';
import { measureDashboard } from './dashboard.phase';
import { DatabaseProbes } from './database-probes';
import { knownUnits, type PendingHandling, recordHandlings, tokensFor } from './fixtures';
import { measureGatewayOverhead } from './gateway.phase';
import { GraphqlEndpoint } from './graphql-endpoint';
import { importCommandAvailable, measureImport } from './import.phase';
import { measureIngest } from './ingest.phase';
import { measureLag } from './lag.phase';
import { round } from './load';
import { CpuMeter } from './process-cpu';
import { PeakMemorySampler } from './process-memory';
import { GOALS, goalMet, type Headline, headlineValues, type PhaseResults, renderTable } from './report';

const ROOT = path.resolve(__dirname, '../../..');
const RESULT_FILE = path.join(ROOT, 'bench/results/reviews.json');
const PHASES = ['ingest', 'gateway', 'lag', 'import', 'dashboard'] as const;
const DATABASE_PREFIX = 'bench_reviews';

const DEFAULTS: BenchOptions = {
  concurrency: 48,
  submissions: 12_000,
  warmupSubmissions: 600,
  rawInserts: 40_000,
  queries: 6_000,
  lagSeconds: 30,
  hotlineRows: 1_000_000,
  dashboardSamples: 300,
  importDrainTimeoutSeconds: 1500,
  poolSize: 10,
  citizens: 2_000,
  logLevel: 'warn',
  keepDatabases: false,
  cpuProfile: [],
  phases: new Set(PHASES),
};

const HELP = `usage: npm run bench -- reviews [--name=value …]

  --concurrency=${DEFAULTS.concurrency}          requests in flight (raw INSERTs, submissions, gateway vs subgraph)
  --submissions=${DEFAULTS.submissions}       measured review submissions (after --warmup-submissions=${DEFAULTS.warmupSubmissions})
  --citizens=${DEFAULTS.citizens}           distinct citizens submitting
  --raw-inserts=${DEFAULTS.rawInserts}       single-row INSERTs for the ceiling
  --queries=${DEFAULTS.queries}            statistics queries per side, gateway vs subgraph
  --lag-seconds=${DEFAULTS.lagSeconds}          paced load at half the maximum
  --hotline-rows=${DEFAULTS.hotlineRows}     records in the generated hotline file
  --dashboard-samples=${DEFAULTS.dashboardSamples}    sequential requests per query
  --import-drain-timeout=${DEFAULTS.importDrainTimeoutSeconds}  seconds to wait for credit to apply the import's events
  --pool-size=${DEFAULTS.poolSize}            DATABASE_POOL_SIZE of every service and of the raw INSERT pool
  --log-level=${DEFAULTS.logLevel}          LOG_LEVEL of every process
  --phases=${PHASES.join(',')}
  --cpu-prof=reviews,gateway,…   profile these processes during each measured phase (tmp/bench-profiles/)
  --keep-databases                 leave the bench_reviews_* databases for inspection
`;

function parseOptions(args: readonly string[]): BenchOptions | undefined {
  const values = new Map<string, string>();
  for (let n = 0; n < args.length; n += 1) {
    const arg = args[n] ?? '';
    if (arg === '--help' || arg === '-h') return undefined;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`unexpected argument "${arg}"\n\n${HELP}`);
    const next = args[n + 1];
    const inline = match[2];
    if (inline !== undefined) values.set(match[1], inline);
    else if (next !== undefined && !next.startsWith('--')) values.set(match[1], args[++n] ?? '');
    else values.set(match[1], 'true');
  }
  const number = (name: string, fallback: number) => {
    const raw = values.get(name);
    values.delete(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return parsed;
  };
  const text = (name: string, fallback: string) => {
    const raw = values.get(name);
    values.delete(name);
    return raw ?? fallback;
  };
  const list = (name: string, allowed: readonly string[], fallback: readonly string[]) => {
    const items = text(name, fallback.join(',')).split(',').filter(Boolean);
    const unknown = items.filter((i) => !allowed.includes(i));
    if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
    return items;
  };
  const options: BenchOptions = {
    concurrency: number('concurrency', DEFAULTS.concurrency),
    submissions: number('submissions', DEFAULTS.submissions),
    warmupSubmissions: number('warmup-submissions', DEFAULTS.warmupSubmissions),
    rawInserts: number('raw-inserts', DEFAULTS.rawInserts),
    queries: number('queries', DEFAULTS.queries),
    lagSeconds: number('lag-seconds', DEFAULTS.lagSeconds),
    hotlineRows: number('hotline-rows', DEFAULTS.hotlineRows),
    dashboardSamples: number('dashboard-samples', DEFAULTS.dashboardSamples),
    importDrainTimeoutSeconds: number('import-drain-timeout', DEFAULTS.importDrainTimeoutSeconds),
    poolSize: number('pool-size', DEFAULTS.poolSize),
    citizens: number('citizens', DEFAULTS.citizens),
    logLevel: text('log-level', DEFAULTS.logLevel),
    keepDatabases: text('keep-databases', 'false') === 'true',
    cpuProfile: list('cpu-prof', PROCESSES, []),
    phases: new Set(list('phases', PHASES, PHASES)),
  };
  if (values.size > 0) throw new Error(`unknown option --${[...values.keys()].join(', --')}\n\n${HELP}`);
  return options;
}

const benchStarted = performance.now();
// Other work on the machine shares its CPUs with what is measured: the load averages say how much there was.
const loadAverageAtStart = loadavg().map((n) => round(n, 2)).join(' ');

function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

async function machine(platform: BenchPlatform, probes: DatabaseProbes): Promise<Record<string, string | number>> {
  const version = (await probes.reviews.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
  return {
    cpus: cpus().length,
    loadAverageAtStart: loadAverageAtStart,
    loadAverageAtEnd: loadavg().map((n) => round(n, 2)).join(' '),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    postgres: version,
    kafka: platform.kafkaVersion(),
  };
}

async function writeResult(result: Record<string, unknown>): Promise<void> {
  await mkdir(path.dirname(RESULT_FILE), { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves half a file where the last good one was.
  const partial = `${RESULT_FILE}.tmp`;
  await writeFile(partial, `${JSON.stringify(result, null, 2)}\n`);
  await rename(partial, RESULT_FILE);
}

/** Summarizes every profile the run wrote, into summary.json beside them and, briefly, on stderr. */
async function summarizeProfiles(dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const summaries = Object.fromEntries(files.map((f) => [f.replace(/\.cpuprofile$/, ''), summarizeCpuProfile(path.join(dir, f))]));
  await writeFile(path.join(dir, 'summary.json'), `${JSON.stringify(summaries, null, 2)}\n`);
  for (const [name, summary] of Object.entries(summaries)) {
    const modules = summary.byModule.slice(0, 6).map((m) => `${m.module} ${Math.round(m.share * 100)}%`);
    log(`profile ${name}: busy ${Math.round(summary.busyShare * 100)}% of ${summary.seconds} s; ${modules.join(', ')}`);
  }
}

/**
 * `npm run bench -- reviews`: starts Kafka and the distributed platform in
 * databases of its own, measures review ingest, gateway overhead, event lag,
 * the hotline import and the statistics dashboard, writes
 * bench/results/reviews.json and prints a table; stops everything it started,
 * whatever happens.
 */
export async function runReviewsBenchmark(args: readonly string[]): Promise<number> {
  const options = parseOptions(args);
  if (!options) {
    process.stdout.write(HELP);
    return 0;
  }
  const startedAt = new Date();
  const runName = startedAt.toISOString().replace(/[:.]/g, '-');
  const profileDir = path.join(ROOT, 'tmp', 'bench-profiles', runName);
  const logDir = path.join(ROOT, 'tmp', 'bench-logs', runName);
  const platform = new BenchPlatform({
    databasePrefix: DATABASE_PREFIX,
    kafkaPrefix: `bench-reviews-${startedAt.getTime().toString(36)}`,
    poolSize: options.poolSize,
    logLevel: options.logLevel,
    keepDatabases: options.keepDatabases,
    cpuProfile: options.cpuProfile as BenchProcess[],
    cpuProfileDir: profileDir,
  });
  const memory = new PeakMemorySampler();
  const workDir = await mkdtemp(path.join(tmpdir(), 'egov-bench-reviews-'));
  const endpoints: GraphqlEndpoint[] = [];
  let probes: DatabaseProbes | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      memory.stop();
      for (const endpoint of endpoints) endpoint.close();
      await probes?.end().catch(() => undefined);
      await platform.saveLogs(logDir).catch(() => undefined);
      log(`stopping the platform; the processes' last log lines are in ${path.relative(ROOT, logDir)}`);
      await platform.stop();
      await rm(workDir, { recursive: true, force: true });
      log(`done in ${round((performance.now() - benchStarted) / 1000, 1)} s`);
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping what the benchmark started`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // An error escaping every handler (a client's socket error, say) must not leave the services running without their driver.
  process.once('uncaughtException', (error) => {
    log(`uncaught: ${error.stack ?? error.message}`);
    void cleanUp().finally(() => process.exit(1));
  });

  try {
    if (options.cpuProfile.length > 0) await mkdir(profileDir, { recursive: true });
    log(`starting Kafka and the platform (databases ${DATABASE_PREFIX}_*)`);
    await platform.start();
    for (const name of PROCESSES) {
      const pid = platform.pidOf(name);
      if (pid !== undefined) memory.track(name, pid);
    }
    memory.track('kafka', () => platform.kafkaPid());
    log(`processes: ${PROCESSES.map((name) => `${name} ${platform.pidOf(name) ?? '?'}`).join(', ')}, kafka ${platform.kafkaPid() ?? '?'}`);
    memory.start();
    probes = new DatabaseProbes(platform.databaseUrl('reviews'), platform.databaseUrl('credit'));
    const units = await knownUnits(probes.reviews);
    log(`platform ready; the reviews service knows ${units.length} units`);

    const gateway = new GraphqlEndpoint(platform.graphqlUrl('gateway'), options.concurrency);
    const reviewsSubgraph = new GraphqlEndpoint(platform.graphqlUrl('reviews'), options.concurrency);
    endpoints.push(gateway, reviewsSubgraph);
    const adminToken = await issueDevToken(new AuthConfig(), { subject: 'bench-admin', roles: [Role.Admin], regionCode: '460000' });
    const citizenTokens = await tokensFor(Role.Citizen, 'bench-citizen', options.citizens);
    // The gateway allows each subject 600 requests a minute: enough supervisors that the limit never decides a measurement.
    const supervisorTokens = await tokensFor(Role.Supervisor, 'bench-supervisor', Math.max(50, Math.ceil(options.queries / 20)));
    const pending: PendingHandling[] = [];
    const activeProbes = probes;
    const context: BenchContext = {
      options,
      platform,
      probes: activeProbes,
      memory,
      cpu: new CpuMeter(() => ({ ...Object.fromEntries(PROCESSES.map((name) => [name, platform.pidOf(name)])), kafka: platform.kafkaPid() }), DATABASE_PREFIX),
      gateway,
      reviewsSubgraph,
      units,
      citizenTokens,
      supervisorTokens,
      scratchDatabaseName: `${DATABASE_PREFIX}_scratch`,
      takeHandlings: async (count) => {
        if (pending.length < count) {
          log(`recording ${count - pending.length} handlings to review (set-up, not measured)`);
          pending.push(...(await recordHandlings(reviewsSubgraph, adminToken, units, options.citizens, count - pending.length)));
        }
        return pending.splice(0, count);
      },
      log,
    };

    const results: PhaseResults = {};
    if (options.phases.has('ingest')) results.ingest = await measureIngest(context);
    if (options.phases.has('gateway')) results.gateway = await measureGatewayOverhead(context);
    if (options.phases.has('lag')) {
      if (results.ingest) results.lag = await measureLag(context, results.ingest.endToEnd.rate);
      else log('lag: skipped, it runs at half the rate the ingest phase measures');
    }
    if (options.phases.has('import')) {
      if (importCommandAvailable(ROOT)) results.import = await measureImport(context, ROOT, workDir);
      else log('import: skipped, tools/reviews/import-hotline.ts is not in this checkout');
    }
    if (options.phases.has('dashboard')) {
      if (results.import) results.dashboard = await measureDashboard(context);
      else log('dashboard: skipped, it measures the statistics over the imported hotline records');
    }

    memory.stop();
    const peakRssMb = memory.peaksMb();
    const headline = headlineValues(results);
    const wallSeconds = round((performance.now() - benchStarted) / 1000, 1);
    const about = await machine(platform, activeProbes);
    await writeResult({
      ...headline,
      lagP50Ms: results.lag?.lag.total.p50Ms ?? null,
      peakRssMb,
      goals: Object.fromEntries((Object.keys(GOALS) as Headline[]).map((name) => [name, { ...GOALS[name], met: goalMet(name, headline[name]) }])),
      date: startedAt.toISOString(),
      wallSeconds,
      machine: about,
      settings: { ...options, phases: [...options.phases], databasePrefix: DATABASE_PREFIX, serviceEnvironment: { DATABASE_POOL_SIZE: options.poolSize, LOG_LEVEL: options.logLevel, NODE_ENV: 'development' } },
      ...results,
    });
    const heading = `reviews benchmark, ${startedAt.toISOString()}: ${about['cpus']} CPUs, Node ${process.version}, PostgreSQL ${about['postgres']}, Kafka ${about['kafka']}; ${wallSeconds} s`;
    if (options.cpuProfile.length > 0) await summarizeProfiles(profileDir);
    process.stdout.write(`\n${renderTable(results, peakRssMb, heading)}\n\nwritten to ${path.relative(ROOT, RESULT_FILE)}${options.cpuProfile.length > 0 ? `; CPU profiles in ${path.relative(ROOT, profileDir)}` : ''}\n`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const name of PROCESSES) {
      const tail = platform.tail(name, 15);
      if (tail) process.stderr.write(`--- last lines of ${name} ---\n${tail}\n`);
    }
    return 1;
  } finally {
    await cleanUp();
  }
}
