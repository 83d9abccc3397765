import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { issueDevToken, Role } from '@egov/auth';
import { loadConfig } from '@egov/config';
import type { ServiceName } from '@egov/contracts';
import { DEMO_CITIZENS } from '@egov/demo-data';
import { GATEWAY_CONFIG_FRAGMENTS, GatewayModule } from '@egov/gateway-service';
import { InProcessBus, ThreadBusHub } from '@egov/messaging';
import { DEFAULT_PORTS, JsonLogger } from '@egov/runtime';
import type { HostCommand, ServiceThreadData, ThreadReport } from './thread-protocol';

/** Supervision first: the others learn the organization tree from its events. */
const SERVICES: readonly ServiceName[] = ['supervision', 'reviews', 'policy-evaluation', 'enterprise-activity', 'credit'];

export interface PlatformOptions {
  readonly databaseServerUrl: string;
  readonly host: string;
  /** Added to every default port, so two platforms (tests) can run side by side. */
  readonly portOffset: number;
  readonly loadDemoData: boolean;
  readonly env?: Record<string, string | undefined>;
}

export interface RunningPlatform {
  readonly graphqlUrl: string;
  readonly graphiqlUrl: string;
  readonly tokens: { readonly supervisor: string; readonly citizen: string };
  close(): Promise<void>;
}

class ServiceThread {
  private readonly worker: Worker;
  private stopping = false;
  private readonly reports: ThreadReport[] = [];
  private readonly waiters: ((report: ThreadReport) => void)[] = [];

  constructor(
    readonly service: ServiceName,
    env: Record<string, string | undefined>,
    hub: ThreadBusHub,
  ) {
    const channel = new MessageChannel();
    hub.attach(channel.port1);
    const data: ServiceThreadData = { service, env, eventBusPort: channel.port2 };
    this.worker = new Worker(path.join(__dirname, 'service-thread.js'), { workerData: data, transferList: [channel.port2] });
    this.worker.on('message', (report: ThreadReport) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(report);
      else this.reports.push(report);
    });
    this.worker.on('error', (error) => {
      const waiter = this.waiters.shift();
      waiter?.({ kind: 'failed', error: error.stack ?? error.message });
    });
    // A service thread that dies would leave the others waiting on it forever: stop the whole process instead.
    this.worker.on('exit', (code) => {
      if (this.stopping) return;
      process.stderr.write(`${service} stopped unexpectedly (exit code ${code}); the standalone platform stops too\n`);
      process.exit(1);
    });
  }

  next(): Promise<ThreadReport> {
    const queued = this.reports.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async expect<K extends ThreadReport['kind']>(kind: K): Promise<Extract<ThreadReport, { kind: K }>> {
    const report = await this.next();
    if (report.kind === 'failed') throw new Error(`${this.service} failed: ${report.error}`);
    if (report.kind !== kind) throw new Error(`${this.service} answered ${report.kind}, expected ${kind}`);
    return report as Extract<ThreadReport, { kind: K }>;
  }

  send(command: HostCommand): void {
    if (command.kind === 'stop') this.stopping = true;
    this.worker.postMessage(command);
  }

  terminate(): Promise<number> {
    this.stopping = true;
    return this.worker.terminate();
  }
}

/**
 * Every domain service and the gateway in one process. Each service runs in
 * its own thread with its own database and HTTP subgraph; events flow through
 * the same outbox and inbox code as with Kafka, delivered in memory.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const port = (name: ServiceName | 'gateway') => DEFAULT_PORTS[name] + options.portOffset;
  const baseEnv = { ...(options.env ?? process.env), EVENT_TRANSPORT: 'in-process', DATABASE_URL: options.databaseServerUrl, HOST: options.host };
  const bus = InProcessBus.host();
  const hub = new ThreadBusHub(bus);

  const threads = SERVICES.map((service) => new ServiceThread(service, { ...baseEnv, PORT: String(port(service)) }, hub));
  try {
    await Promise.all(threads.map((t) => t.expect('ready')));
  } catch (error) {
    await Promise.all(threads.map((t) => t.terminate()));
    throw error;
  }
  bus.open();

  if (options.loadDemoData) {
    for (const thread of threads) {
      thread.send({ kind: 'seed' });
      await thread.expect('seeded');
    }
  }

  const gatewayBase = loadConfig(GATEWAY_CONFIG_FRAGMENTS, { ...baseEnv, PORT: String(port('gateway')) });
  const supervisor = await issueDevToken(gatewayBase.auth, { subject: 'demo-supervisor-province', roles: [Role.Supervisor, Role.Leader], regionCode: '460000' });
  const citizen = await issueDevToken(gatewayBase.auth, { subject: DEMO_CITIZENS[0], roles: [Role.Citizen], regionCode: '460100' });
  const url = (name: ServiceName) => `http://${options.host}:${port(name)}/graphql`;
  const gatewayConfig = loadConfig(GATEWAY_CONFIG_FRAGMENTS, {
    ...baseEnv,
    PORT: String(port('gateway')),
    SUPERVISION_URL: url('supervision'),
    REVIEWS_URL: url('reviews'),
    POLICY_EVALUATION_URL: url('policy-evaluation'),
    ENTERPRISE_ACTIVITY_URL: url('enterprise-activity'),
    CREDIT_URL: url('credit'),
    // The page embeds the token, so only when nobody else can reach it.
    ...(['127.0.0.1', 'localhost', '::1'].includes(options.host) ? { GRAPHIQL_DEFAULT_TOKEN: supervisor } : {}),
  });
  const gateway: INestApplication = await NestFactory.create(GatewayModule.forRoot(gatewayConfig), { logger: new JsonLogger('gateway'), abortOnError: false });
  await gateway.listen(gatewayConfig.http.PORT, gatewayConfig.http.HOST);

  const base = `http://${options.host}:${gatewayConfig.http.PORT}`;
  return {
    graphqlUrl: `${base}/graphql`,
    graphiqlUrl: `${base}/graphiql`,
    tokens: { supervisor, citizen },
    close: async () => {
      await gateway.close();
      for (const thread of [...threads].reverse()) {
        thread.send({ kind: 'stop' });
        await thread.expect('stopped').catch(() => undefined);
        await thread.terminate();
      }
    },
  };
}
