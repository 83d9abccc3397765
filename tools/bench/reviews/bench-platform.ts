import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { DEFAULT_DATABASE_SERVER, databaseUrlFor, dropDatabase } from '@egov/persistence';
import { ensureLocalKafka, freePort, type KafkaBrokerHandle, ServiceProcess } from '@egov/testing';
import { commandLineOf, descendantsOf, processesMatching } from './process-memory';

export const SERVICES = ['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit'] as const;
export type BenchService = (typeof SERVICES)[number];
export type BenchProcess = BenchService | 'gateway';
export const PROCESSES: readonly BenchProcess[] = [...SERVICES, 'gateway'];

const STOP_GRACE_MS = 20_000;

export interface BenchPlatformOptions {
  /** Databases are `<prefix>_<service>`, dropped before the start and after the end. */
  readonly databasePrefix: string;
  /** Topics and consumer groups are `<prefix>.<name>`: a fresh set each run, deleted at the end. */
  readonly kafkaPrefix: string;
  readonly poolSize: number;
  readonly logLevel: string;
  readonly keepDatabases: boolean;
  /** Processes that can be CPU-profiled during a phase (see `profile`), their profiles written into `cpuProfileDir`. */
  readonly cpuProfile: readonly BenchProcess[];
  readonly cpuProfileDir: string;
}

/**
 * The distributed platform as an operator runs it: every service and the
 * gateway its own process, on a real Kafka broker and the local PostgreSQL,
 * each service in a database of its own that no test or demo run uses.
 */
export class BenchPlatform {
  private readonly processes = new Map<BenchProcess, ServiceProcess>();
  private readonly pids = new Map<BenchProcess, number>();
  private readonly environments = new Map<BenchProcess, Record<string, string>>();
  private broker: KafkaBrokerHandle | undefined;
  readonly databaseServerUrl = process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_SERVER;
  brokers = '';

  constructor(private readonly options: BenchPlatformOptions) {}

  databaseName(service: BenchService): string {
    return `${this.options.databasePrefix}_${service.replace(/-/g, '_')}`;
  }

  databaseUrl(service: BenchService): string {
    return databaseUrlFor(this.databaseServerUrl, this.databaseName(service));
  }

  graphqlUrl(name: BenchProcess): string {
    return this.process(name).graphqlUrl;
  }

  /** The environment a process was started with: what a tool working on a service's database must be given too. */
  environmentOf(name: BenchProcess): Record<string, string> {
    const found = this.environments.get(name);
    if (!found) throw new Error(`${name} has not been started`);
    return found;
  }

  pidOf(name: BenchProcess): number | undefined {
    return this.pids.get(name);
  }

  /** The broker's JVM: the one tools/kafka started for our port when there is one, else any broker on the machine. */
  kafkaPid(): number | undefined {
    const port = this.brokers.split(',')[0]?.split(':')[1] ?? '';
    const brokers = processesMatching(/\bkafka\.Kafka\b/);
    return brokers.find((pid) => commandLineOf(pid).includes(`kafka-data/${port}/`)) ?? brokers[0];
  }

  kafkaVersion(): string {
    const pid = this.kafkaPid();
    const version = pid === undefined ? undefined : /(?:kafka_2\.\d+-|kafka\/)(\d+\.\d+\.\d+)/.exec(commandLineOf(pid))?.[1];
    return version ?? 'unknown';
  }

  async start(): Promise<void> {
    this.broker = process.env['KAFKA_BROKERS'] ? undefined : await ensureLocalKafka({ timeoutMs: 180_000 });
    this.brokers = process.env['KAFKA_BROKERS'] ?? this.broker?.brokers.join(',') ?? '';
    await this.dropDatabases();
    const ports = new Map<BenchProcess, number>();
    for (const name of PROCESSES) ports.set(name, await freePort());
    const url = (name: BenchProcess) => `http://127.0.0.1:${ports.get(name) ?? 0}/graphql`;
    for (const name of PROCESSES) {
      const env: Record<string, string> = {
        DATABASE_URL: this.databaseServerUrl,
        DATABASE_POOL_SIZE: String(this.options.poolSize),
        KAFKA_BROKERS: this.brokers,
        KAFKA_NAME_PREFIX: `${this.options.kafkaPrefix}.`,
        NODE_ENV: 'development',
        LOG_LEVEL: this.options.logLevel,
        DEMO_DATA: 'true',
        SUPERVISION_URL: url('supervision'),
        REVIEWS_URL: url('reviews'),
        POLICY_EVALUATION_URL: url('policy-evaluation'),
        ENTERPRISE_ACTIVITY_URL: url('enterprise-activity'),
        CREDIT_URL: url('credit'),
        ...(name === 'gateway' ? {} : { DATABASE_NAME: this.databaseName(name) }),
        ...(this.options.cpuProfile.includes(name)
          ? { NODE_OPTIONS: `--require ${path.join(__dirname, 'signal-cpu-profiler.js')}`, BENCH_CPU_PROFILE_DIR: this.options.cpuProfileDir, BENCH_CPU_PROFILE_NAME: name }
          : {}),
      };
      this.environments.set(name, env);
      this.processes.set(name, new ServiceProcess({ name, entry: `apps/${name}/src/main.ts`, port: ports.get(name) ?? 0, env, readyTimeoutMs: 240_000 }));
    }
    // Supervision first: the others learn the organization tree from its events. The gateway composes once every subgraph answers.
    await this.startProcess('supervision');
    await Promise.all(SERVICES.filter((s) => s !== 'supervision').map((s) => this.startProcess(s)));
    await this.startProcess('gateway');
  }

  private process(name: BenchProcess): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`${name} is not part of the platform`);
    return found;
  }

  private async startProcess(name: BenchProcess): Promise<void> {
    await this.process(name).start();
    const entry = path.join('apps', name, 'src', 'main.ts');
    const claimed = new Set(this.pids.values());
    const pid = descendantsOf(process.pid).find((p) => !claimed.has(p) && commandLineOf(p).includes(entry));
    if (pid !== undefined) this.pids.set(name, pid);
  }

  /**
   * Runs `work` with the V8 CPU profiler on in the processes named by the
   * `cpuProfile` option; each writes `<name>.<label>.cpuprofile`.
   */
  async profile<T>(label: string, work: () => Promise<T>): Promise<T> {
    const pids = this.options.cpuProfile.map((name) => this.pids.get(name)).filter((pid): pid is number => pid !== undefined);
    if (pids.length === 0) return work();
    const signal = () => pids.forEach((pid) => process.kill(pid, 'SIGWINCH'));
    signal();
    try {
      return await work();
    } finally {
      await writeFile(path.join(this.options.cpuProfileDir, '.label'), label);
      signal();
      // The profiles are written from each process's event loop, right after the signal.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  /** Writes the last lines each process logged into `<dir>/<name>.log`, to read after the processes are gone. */
  async saveLogs(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const [name, service] of this.processes) await writeFile(path.join(dir, `${name}.log`), `${service.tail(500)}\n`);
  }

  /** The last lines a process wrote, for failure reports. */
  tail(name: BenchProcess, lines = 20): string {
    return this.processes.get(name)?.tail(lines) ?? '';
  }

  /** Stops what this run started, even after a failure: processes, topics, databases, and the broker when it was started here. */
  async stop(): Promise<void> {
    const stopping = [...this.processes.values()].map(async (p) => {
      const stopped = await Promise.race([p.stop().then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_GRACE_MS).unref())]);
      if (!stopped) await p.kill('SIGKILL');
    });
    await Promise.all(stopping);
    await this.deleteTopics().catch((error: unknown) => process.stderr.write(`could not delete the run's topics: ${String(error)}\n`));
    if (!this.options.keepDatabases) await this.dropDatabases().catch((error: unknown) => process.stderr.write(`could not drop the run's databases: ${String(error)}\n`));
    await this.broker?.stop();
  }

  private async dropDatabases(): Promise<void> {
    for (const service of SERVICES) await dropDatabase(this.databaseUrl(service));
  }

  private async deleteTopics(): Promise<void> {
    if (!this.brokers) return;
    const admin = new Kafka({ clientId: `${this.options.kafkaPrefix}-cleanup`, brokers: this.brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${this.options.kafkaPrefix}.`));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${this.options.kafkaPrefix}.`));
      if (groups.length > 0) await admin.deleteGroups(groups);
    } finally {
      await admin.disconnect();
    }
  }
}
