import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AuthConfig, type CallerScope, issueDevToken, Role, scopeOf } from '@egov/auth';
import { openServiceDatabase } from '@egov/persistence';
import { serviceDatabaseSchema } from '@egov/runtime';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS, TargetTally, TaskTally } from '@egov/supervision-service';
import type { GraphQLResponse } from '@egov/testing';
import type { DataSource } from 'typeorm';
import { BenchPlatform } from '../reviews/bench-platform';
import { GraphqlEndpoint } from '../reviews/graphql-endpoint';
import { waitUntil } from '../reviews/load';
import { firstBenchUnit, loadDashboardData } from './dashboard-load';
import { DASHBOARD_QUERY, dashboardInProcess, type DashboardView } from './dashboard-query';
import { type Latency, latencyOf, msSince } from './latency';

export const DATABASE_PREFIX = 'bench_supervision_dashboard';
const POOL_SIZE = 10;
const LOG_LEVEL = 'warn';
/** The gateway allows each subject 60 requests at once and 600 a minute: with this many, no measured request waits for the limit. */
const LEADER_SUBJECTS = 50;
const OFFICER_SUBJECTS = 25;
const TYPENAME = '{ __typename }';

type Answer = { readonly __typename?: string; readonly taskDashboard?: DashboardView };

const MEASURED = ['gatewayProvince', 'gatewayCity', 'gatewayUnit', 'subgraphProvince', 'gatewayTypename'] as const;
type Measured = (typeof MEASURED)[number];

export interface PlatformPhaseResult {
  readonly startSeconds: number;
  readonly loadSeconds: number;
  /** What the dashboard counts in the platform's database: the bench's rows and the demo data the service loads at start. */
  readonly tasksInDatabase: number;
  readonly targetsInDatabase: number;
  readonly tallyRows: number;
  readonly targetTallyRows: number;
  readonly flaggedTargets: number;
  readonly gatewayProvinceMs: Latency;
  readonly gatewayCityMs: Latency;
  readonly gatewayUnitMs: Latency;
  readonly subgraphProvinceMs: Latency;
  readonly gatewayTypenameMs: Latency;
  /** Every measured and warm-up response, each without errors and equal to the in-process read of the same counts. */
  readonly responsesChecked: number;
  /** Responses that differed from the expected counts because the service's own jobs had moved them, and matched a fresh in-process read. */
  readonly expectationsReread: number;
  readonly query: string;
  readonly settings: { readonly databasePrefix: string; readonly poolSize: number; readonly logLevel: string; readonly leaderSubjects: number; readonly officerSubjects: number };
}

interface MeasuredQuery {
  readonly endpoint: GraphqlEndpoint;
  readonly tokens: readonly string[];
  /** The dashboard's scope and region; none for `{ __typename }`. */
  readonly dashboard?: { readonly scope: CallerScope; readonly regionCode: string | undefined };
}

export interface PlatformPhaseOptions {
  readonly year: number;
  readonly warmUp: number;
  readonly runs: number;
  /** The first unit's dashboard as the in-process phase read it, when it ran: the same load must show the same counts here. */
  readonly unitReference: DashboardView | undefined;
  readonly log: (message: string) => void;
}

function withoutIds(view: DashboardView): unknown {
  return {
    ...view,
    overdueByUnit: view.overdueByUnit.map(({ organizationId: _id, ...unit }) => unit),
    trajectory: { ...view.trajectory, offTrajectoryByUnit: view.trajectory.offTrajectoryByUnit.map(({ organizationId: _id, ...unit }) => unit) },
  };
}

async function tokens(count: number, prefix: string, claims: { roles: Role[]; regionCode: string; organizationId?: string }): Promise<string[]> {
  const config = new AuthConfig();
  return Promise.all(Array.from({ length: count }, (_, n) => issueDevToken(config, { subject: `${prefix}-${n}`, ...claims })));
}

/**
 * The leaders' dashboard on the running platform: Kafka, every service and
 * the gateway in processes of their own (BenchPlatform), the same load put
 * into the supervision service's database by SQL; the full dashboard query
 * through the gateway for the province, a city and one unit's officer, the
 * province's straight at the supervision subgraph, and `{ __typename }`,
 * which never leaves the gateway. One request at a time, the five taking
 * turns in a rotating order so all see the same background.
 */
export async function measureOnPlatform(platform: BenchPlatform, options: PlatformPhaseOptions): Promise<PlatformPhaseResult> {
  const { log, year } = options;
  const started = Date.now();
  log(`starting Kafka and the platform (databases ${DATABASE_PREFIX}_*)`);
  await platform.start();
  const startSeconds = (Date.now() - started) / 1000;
  const schema = serviceDatabaseSchema(SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS);
  const dataSource = await openServiceDatabase({ url: platform.databaseUrl('supervision'), entities: schema.entities, migrations: schema.migrations, poolSize: 2, applicationName: 'egov-bench-supervision' });
  const gateway = new GraphqlEndpoint(platform.graphqlUrl('gateway'), 1);
  const subgraph = new GraphqlEndpoint(platform.graphqlUrl('supervision'), 1);
  try {
    await settled(dataSource, log);
    log('loading 100,000 tasks and 5,000 targets into the supervision service’s database');
    const loaded = await loadDashboardData(dataSource, year);
    const unit = await firstBenchUnit(dataSource);
    const leaderClaims = { roles: [Role.Leader], regionCode: '460000' };
    const officerClaims = { roles: [Role.Officer], regionCode: unit.regionCode, organizationId: unit.id };
    const leaders = await tokens(LEADER_SUBJECTS, 'bench-leader', leaderClaims);
    const officers = await tokens(OFFICER_SUBJECTS, 'bench-officer', officerClaims);
    const province = scopeOf({ subject: 'bench-leader', ...leaderClaims });
    const officer = scopeOf({ subject: 'bench-officer', ...officerClaims });
    const queries: Record<Measured, MeasuredQuery> = {
      gatewayProvince: { endpoint: gateway, tokens: leaders, dashboard: { scope: province, regionCode: '460000' } },
      gatewayCity: { endpoint: gateway, tokens: leaders, dashboard: { scope: province, regionCode: '460200' } },
      gatewayUnit: { endpoint: gateway, tokens: officers, dashboard: { scope: officer, regionCode: undefined } },
      subgraphProvince: { endpoint: subgraph, tokens: leaders, dashboard: { scope: province, regionCode: '460000' } },
      gatewayTypename: { endpoint: gateway, tokens: leaders },
    };
    const tasks = new TaskTally(dataSource);
    const targets = new TargetTally(dataSource);
    const read = (d: NonNullable<MeasuredQuery['dashboard']>) => dashboardInProcess(tasks, targets, d.scope, d.regionCode, year);
    const expected = new Map<Measured, DashboardView>();
    for (const name of MEASURED) {
      const dashboard = queries[name].dashboard;
      if (dashboard) expected.set(name, await read(dashboard));
    }
    const unitView = expected.get('gatewayUnit');
    if (options.unitReference && unitView && !isDeepStrictEqual(withoutIds(unitView), withoutIds(options.unitReference))) {
      throw new Error(`the first unit's dashboard differs from the in-process phase's over the same load:\n${JSON.stringify(unitView)}\n${JSON.stringify(options.unitReference)}`);
    }

    let checked = 0;
    let reread = 0;
    const check = async (name: Measured, query: MeasuredQuery, response: GraphQLResponse<Answer>): Promise<void> => {
      const error = response.errors?.[0];
      if (error) throw new Error(`${name}: ${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
      const data = response.data;
      checked += 1;
      if (!query.dashboard) {
        if (data?.__typename !== 'Query') throw new Error(`${name}: answered ${JSON.stringify(data)}`);
        return;
      }
      if (isDeepStrictEqual(data?.taskDashboard, expected.get(name))) return;
      const fresh = await read(query.dashboard);
      if (!isDeepStrictEqual(data?.taskDashboard, fresh)) {
        throw new Error(`${name}: the answer differs from the in-process read of the same counts:\n${JSON.stringify(data?.taskDashboard)}\n${JSON.stringify(fresh)}`);
      }
      expected.set(name, fresh);
      reread += 1;
    };

    log(`measuring: ${options.warmUp} warm-up and ${options.runs} measured requests per query, one at a time`);
    const samples = Object.fromEntries(MEASURED.map((name) => [name, [] as number[]])) as Record<Measured, number[]>;
    for (let n = 0; n < options.warmUp + options.runs; n += 1) {
      for (let k = 0; k < MEASURED.length; k += 1) {
        const name = MEASURED[(n + k) % MEASURED.length] ?? 'gatewayProvince';
        const query = queries[name];
        const token = query.tokens[n % query.tokens.length];
        const variables = query.dashboard?.regionCode === undefined ? {} : { regionCode: query.dashboard.regionCode };
        const start = process.hrtime.bigint();
        const response = await query.endpoint.post<Answer>(query.dashboard ? DASHBOARD_QUERY : TYPENAME, variables, token);
        const ms = msSince(start);
        await check(name, query, response);
        if (n >= options.warmUp) samples[name].push(ms);
      }
    }
    const [counts] = await dataSource.query<{ tasks: number; targets: number }[]>('SELECT (SELECT count(*) FROM supervision_task)::int AS tasks, (SELECT count(*) FROM annual_target)::int AS targets');
    return {
      startSeconds,
      loadSeconds: loaded.loadSeconds,
      tasksInDatabase: counts?.tasks ?? 0,
      targetsInDatabase: counts?.targets ?? 0,
      tallyRows: loaded.taskTallyRows,
      targetTallyRows: loaded.targetTallyRows,
      flaggedTargets: loaded.flaggedTargets,
      gatewayProvinceMs: latencyOf(samples.gatewayProvince),
      gatewayCityMs: latencyOf(samples.gatewayCity),
      gatewayUnitMs: latencyOf(samples.gatewayUnit),
      subgraphProvinceMs: latencyOf(samples.subgraphProvince),
      gatewayTypenameMs: latencyOf(samples.gatewayTypename),
      responsesChecked: checked,
      expectationsReread: reread,
      query: DASHBOARD_QUERY.replace(/\s+/g, ' '),
      settings: { databasePrefix: DATABASE_PREFIX, poolSize: POOL_SIZE, logLevel: LOG_LEVEL, leaderSubjects: LEADER_SUBJECTS, officerSubjects: OFFICER_SUBJECTS },
    };
  } finally {
    gateway.close();
    subgraph.close();
    await dataSource.destroy();
  }
}

/** Waits until the service has sent the events of its start (the demo tree), so their delivery is not what gets measured. */
async function settled(dataSource: DataSource, log: (message: string) => void): Promise<void> {
  const unsent = async () => (await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL'))[0]?.n ?? 0;
  if (!(await waitUntil(async () => (await unsent()) === 0, 120_000, 500))) log(`the supervision service still has ${await unsent()} events to send; measuring anyway`);
}

/** The platform as BenchPlatform runs it, in databases and topics of this benchmark's own. */
export function dashboardPlatform(root: string, startedAt: Date): BenchPlatform {
  return new BenchPlatform({
    databasePrefix: DATABASE_PREFIX,
    kafkaPrefix: `bench-supervision-${startedAt.getTime().toString(36)}`,
    poolSize: POOL_SIZE,
    logLevel: LOG_LEVEL,
    keepDatabases: false,
    cpuProfile: [],
    cpuProfileDir: path.join(root, 'tmp', 'bench-profiles'),
  });
}
