import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedServer } from '@egov/persistence';
import { ensureLocalKafka } from './local-kafka';

/** Real infrastructure for integration tests. Kafka and PostgreSQL are never mocked. */
export interface IntegrationEnvironment {
  readonly kafkaBrokers: string;
  /** A server URL; each test creates and drops its own databases on it. */
  readonly databaseServerUrl: string;
  /** Stops what this environment started (a broker, containers, an embedded server); leaves what it found. */
  stop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function dockerEngineAnswers(): boolean {
  return existsSync('/var/run/docker.sock') || Boolean(process.env['DOCKER_HOST']);
}

async function startContainers(): Promise<IntegrationEnvironment | undefined> {
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const [pg, kafka] = await Promise.all([
      new PostgreSqlContainer('postgres:16-alpine').start(),
      // Confluent Platform 8.1 ships Apache Kafka 4.1, the version tools/kafka provisions.
      new KafkaContainer('confluentinc/cp-kafka:8.1.0').start(),
    ]);
    return {
      databaseServerUrl: pg.getConnectionUri(),
      kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      stop: async () => {
        await Promise.all([pg.stop(), kafka.stop()]);
      },
    };
  } catch {
    // A socket that does not lead to a working engine: fall back to local provisioning.
    return undefined;
  }
}

async function embeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'egov-test-pg-'));
  const server = await startEmbeddedServer({ dataDir, port: 55432, persistent: false });
  process.once('exit', () => void server.stop());
  return server;
}

let cached: Promise<IntegrationEnvironment> | undefined;

/**
 * Uses `KAFKA_BROKERS` / `DATABASE_URL` when set; otherwise Testcontainers
 * when a Docker engine answers; otherwise the project's own local Kafka and
 * the PostgreSQL on 127.0.0.1:5432 (or an embedded one when none answers).
 */
export function integrationEnvironment(): Promise<IntegrationEnvironment> {
  cached ??= (async () => {
    const envKafka = process.env['KAFKA_BROKERS'];
    const envDb = process.env['DATABASE_URL'];
    if (envKafka && envDb) return { kafkaBrokers: envKafka, databaseServerUrl: envDb, stop: () => Promise.resolve() };
    if (!envKafka && !envDb && dockerEngineAnswers()) {
      const containers = await startContainers();
      if (containers) return containers;
    }
    const embedded = envDb || (await answers(LOCAL_POSTGRES)) ? undefined : await embeddedPostgres();
    const databaseServerUrl = envDb ?? embedded?.url ?? LOCAL_POSTGRES;
    const broker = envKafka ? undefined : await ensureLocalKafka();
    return {
      kafkaBrokers: envKafka ?? broker?.brokers.join(',') ?? '',
      databaseServerUrl,
      stop: async () => {
        await broker?.stop();
        await embedded?.stop();
      },
    };
  })();
  return cached;
}
