import type { BenchPlatform } from './bench-platform';
import type { DatabaseProbes } from './database-probes';
import type { PendingHandling, KnownUnit } from './fixtures';
import type { GraphqlEndpoint } from './graphql-endpoint';
import type { CpuMeter } from './process-cpu';
import type { PeakMemorySampler } from './process-memory';

export interface BenchOptions {
  /** Requests in flight in the closed-loop phases (raw inserts, submissions, gateway vs subgraph). */
  readonly concurrency: number;
  /** Measured review submissions in the ingest phase. */
  readonly submissions: number;
  readonly warmupSubmissions: number;
  readonly rawInserts: number;
  /** Requests per side in the gateway-vs-subgraph phase. */
  readonly queries: number;
  /** Seconds of paced load in the lag phase. */
  readonly lagSeconds: number;
  readonly hotlineRows: number;
  /** Sequential requests per query in the dashboard phase. */
  readonly dashboardSamples: number;
  /** How long to wait for credit to apply the imported reviews' events before the dashboard is measured. */
  readonly importDrainTimeoutSeconds: number;
  readonly poolSize: number;
  readonly citizens: number;
  readonly logLevel: string;
  readonly keepDatabases: boolean;
  readonly cpuProfile: readonly string[];
  readonly phases: ReadonlySet<string>;
}

/** What every phase works with: the running platform, the clients on it, and the set-up data. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly platform: BenchPlatform;
  readonly probes: DatabaseProbes;
  readonly memory: PeakMemorySampler;
  /** CPU per process over a measured window; one window at a time. */
  readonly cpu: CpuMeter;
  readonly gateway: GraphqlEndpoint;
  readonly reviewsSubgraph: GraphqlEndpoint;
  readonly units: readonly KnownUnit[];
  readonly citizenTokens: readonly string[];
  readonly supervisorTokens: readonly string[];
  readonly scratchDatabaseName: string;
  /** Takes the next `count` unreviewed handlings; each is reviewed once, so phases never share one. */
  takeHandlings(count: number): Promise<PendingHandling[]>;
  log(message: string): void;
}
