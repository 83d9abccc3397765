import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@egov/calendar';
import { DEFAULT_DATABASE_SERVER } from '@egov/persistence';
import { Client } from 'pg';
import type { Latency } from './latency';
import { dashboardPlatform, measureOnPlatform, type PlatformPhaseResult } from './platform.phase';
import { measureServiceQueries, type ServicePhaseResult } from './service.phase';

const ROOT = path.resolve(__dirname, '../../..');
const RESULT_FILE = path.join(ROOT, 'bench', 'results', 'supervision-dashboard.json');
const RUNS = 300;
const WARM_UP = 30;
const PHASES = ['service', 'platform'] as const;
type Phase = (typeof PHASES)[number];

const HELP = `usage: npm run bench -- supervision-dashboard [--phases=${PHASES.join(',')}]

  service    the service's reads called in-process on a scratch database (under a minute, PostgreSQL only)
  platform   the GraphQL query on the running platform: Kafka, every service, the gateway (several minutes)

bench/results/supervision-dashboard.json is written only when both phases ran.
`;

function parsePhases(args: readonly string[]): Set<Phase> | undefined {
  let phases: Set<Phase> = new Set(PHASES);
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return undefined;
    const match = /^--phases=(.*)$/.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"\n\n${HELP}`);
    const names = (match[1] ?? '').split(',').filter(Boolean);
    const unknown = names.filter((n) => !(PHASES as readonly string[]).includes(n));
    if (unknown.length > 0 || names.length === 0) throw new Error(`--phases: unknown ${unknown.join(', ') || '(none given)'} (known: ${PHASES.join(', ')})\n\n${HELP}`);
    phases = new Set(names as Phase[]);
  }
  return phases;
}

const benchStarted = Date.now();

function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100).join(' ');

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_SERVER });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

const cell = (latency: Latency | undefined) => (latency ? `${latency.p50.toFixed(2).padStart(7)} ${latency.p95.toFixed(2).padStart(7)}` : '      –       –');

function table(service: ServicePhaseResult | undefined, platform: PlatformPhaseResult | undefined, heading: string): string {
  const lines = [heading, '', '                                         p50 ms  p95 ms'];
  if (service) {
    lines.push(
      `in-process, the service's reads (scratch database; ${service.flaggedTargets} targets off their trajectory; ${service.tallyRows} task and ${service.targetTallyRows} target tally rows)`,
      `  tasks, province (leader)             ${cell(service.dashboardProvinceMs)}`,
      `  tasks, city 460200                   ${cell(service.dashboardCityMs)}`,
      `  tasks, one unit (officer)            ${cell(service.dashboardUnitMs)}`,
      `  trajectory, province (leader)        ${cell(service.trajectoryProvinceMs)}`,
      `  trajectory, city 460200              ${cell(service.trajectoryCityMs)}`,
      `  trajectory, one unit (officer)       ${cell(service.trajectoryUnitMs)}`,
      `  tasks counted from the tasks         ${cell(service.countedFromTasksMs)}  (for comparison)`,
    );
  }
  if (platform) {
    lines.push(
      `the full dashboard query over HTTP on the platform (${platform.tasksInDatabase} tasks and ${platform.targetsInDatabase} targets with the demo data)`,
      `  province (leader), gateway           ${cell(platform.gatewayProvinceMs)}`,
      `  city 460200 (leader), gateway        ${cell(platform.gatewayCityMs)}`,
      `  one unit (officer), gateway          ${cell(platform.gatewayUnitMs)}`,
      `  province (leader), subgraph          ${cell(platform.subgraphProvinceMs)}`,
      `  { __typename }, gateway              ${cell(platform.gatewayTypenameMs)}  (the HTTP round trip's floor)`,
      `  ${platform.responsesChecked} responses checked against the in-process reads, ${platform.expectationsReread} after the service's jobs moved the counts`,
    );
  }
  return lines.join('\n');
}

/**
 * `npm run bench -- supervision-dashboard`: the leaders' dashboard over
 * 100,000 tasks and 5,000 targets of 500 units, first as the service's reads
 * called in-process, then as the GraphQL query a leader sends through the
 * gateway of the running platform; writes
 * bench/results/supervision-dashboard.json and prints a table. Stops and
 * drops everything it started, whatever happens.
 */
export async function runSupervisionDashboardBenchmark(args: readonly string[]): Promise<number> {
  const phases = parsePhases(args);
  if (!phases) {
    process.stdout.write(HELP);
    return 0;
  }
  const startedAt = new Date();
  const loadAverageAtStart = loadAverage();
  const year = Number(shanghaiDateOf(startedAt).slice(0, 4));
  const platform = dashboardPlatform(ROOT, startedAt);
  const logDir = path.join(ROOT, 'tmp', 'bench-logs', `supervision-dashboard-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  let platformStarted = false;
  let stopping: Promise<void> | undefined;
  const stopPlatform = () =>
    (stopping ??= (async () => {
      if (!platformStarted) return;
      await platform.saveLogs(logDir).catch(() => undefined);
      log(`stopping the platform; the processes' last log lines are in ${path.relative(ROOT, logDir)}`);
      await platform.stop();
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping what the benchmark started`);
    void stopPlatform().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    let service: ServicePhaseResult | undefined;
    if (phases.has('service')) {
      log('in-process: loading a scratch database and timing the service’s reads');
      service = await measureServiceQueries(year, WARM_UP, RUNS);
    }
    let onPlatform: PlatformPhaseResult | undefined;
    if (phases.has('platform')) {
      platformStarted = true;
      onPlatform = await measureOnPlatform(platform, { year, warmUp: WARM_UP, runs: RUNS, unitReference: service?.unitDashboard, log });
    }
    const machine = {
      cpus: os.cpus().length,
      node: process.version,
      date: startedAt.toISOString(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
      postgres: await postgresVersion(),
      kafka: onPlatform ? platform.kafkaVersion() : null,
      loadAverageAtStart,
      loadAverageAtEnd: loadAverage(),
    };
    await stopPlatform();
    const wallSeconds = Math.round((Date.now() - benchStarted) / 100) / 10;
    const heading = `supervision dashboard, ${startedAt.toISOString()}: 100,000 tasks and 5,000 targets of 500 units, ${WARM_UP} warm-up then ${RUNS} sequential calls each; ${machine.cpus} CPUs, load ${loadAverageAtStart} → ${machine.loadAverageAtEnd}; ${wallSeconds} s`;
    process.stdout.write(`\n${table(service, onPlatform, heading)}\n`);
    if (!service || !onPlatform) {
      process.stdout.write(`\nonly some phases ran: ${path.relative(ROOT, RESULT_FILE)} left as it was\n`);
      return 0;
    }
    const { unitDashboard: _unitDashboard, ...serviceResults } = service;
    const results = { ...serviceResults, machine, wallSeconds, runs: RUNS, warmUp: WARM_UP, platform: onPlatform };
    await mkdir(path.dirname(RESULT_FILE), { recursive: true });
    // Written aside and renamed, so an interrupted run never leaves half a file where the last good one was.
    await writeFile(`${RESULT_FILE}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
    await rename(`${RESULT_FILE}.tmp`, RESULT_FILE);
    process.stdout.write(`\nwritten to ${path.relative(ROOT, RESULT_FILE)}\n`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const name of ['supervision', 'gateway'] as const) {
      const tail = platformStarted ? platform.tail(name, 15) : '';
      if (tail) process.stderr.write(`--- last lines of ${name} ---\n${tail}\n`);
    }
    return 1;
  } finally {
    await stopPlatform();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
