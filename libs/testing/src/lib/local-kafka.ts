import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** A Kafka broker the caller may use; `stop()` only ends brokers this process started. */
export interface KafkaBrokerHandle {
  brokers: string[];
  startedHere: boolean;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 9092;
const DEFAULT_START_TIMEOUT_MS = 90_000;
const PROBE_INTERVAL_MS = 500;

function defaultPort(): number {
  const fromEnv = Number(process.env['KAFKA_PORT']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_PORT;
}

function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No nx.json found above ${__dirname}; cannot locate tools/kafka/kafka.sh`);
  }
}

/** One metadata round trip with short timeouts; throws when no broker serves the cluster. */
async function describeClusterOnce(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'local-kafka-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('the cluster reports no live brokers');
  } finally {
    await admin.disconnect();
  }
}

async function answers(brokers: string[]): Promise<boolean> {
  try {
    await describeClusterOnce(brokers);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once `describeCluster` succeeds on `brokers`; rejects with the last error after `timeoutMs`. */
export async function waitForKafka(brokers: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await describeClusterOnce(brokers);
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Kafka at ${brokers.join(',')} did not answer within ${timeoutMs} ms: ${reason}`);
      }
      await new Promise<void>((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
  }
}

/**
 * Runs `tools/kafka/kafka.sh <command>` with the script's progress on our stderr.
 * Resolves with its stdout, where `start` reports whether it launched a broker.
 */
function runKafkaScript(command: 'start' | 'stop', env: NodeJS.ProcessEnv): Promise<string> {
  const root = repositoryRoot();
  return new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'tools', 'kafka', 'kafka.sh'), command], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`tools/kafka/kafka.sh ${command} failed (${signal ?? `exit code ${String(code)}`}); see its output above`));
    });
  });
}

/**
 * Returns a broker on 127.0.0.1:`port` (default `KAFKA_PORT` or 9092): the one
 * already answering there, or one started with tools/kafka/kafka.sh (which
 * downloads the Kafka jars from Maven Central on first use). `timeoutMs`
 * (default 90 s) bounds the wait for readiness; a first download comes on top.
 */
export async function ensureLocalKafka(options: { port?: number; timeoutMs?: number } = {}): Promise<KafkaBrokerHandle> {
  const port = options.port ?? defaultPort();
  const timeoutMs = options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const brokers = [`127.0.0.1:${port}`];
  if (await answers(brokers)) {
    return { brokers, startedHere: false, stop: () => Promise.resolve() };
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_START_TIMEOUT: String(Math.ceil(timeoutMs / 1000)),
  };
  const output = await runKafkaScript('start', env);
  // Another process may have started the broker between our probe and the script's own check;
  // then it is not ours to stop.
  const startedHere = output.split('\n').includes('started');
  await waitForKafka(brokers, timeoutMs);
  return {
    brokers,
    startedHere,
    stop: startedHere ? async () => void (await runKafkaScript('stop', env)) : () => Promise.resolve(),
  };
}
