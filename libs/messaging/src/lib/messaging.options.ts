import type { ServiceName } from '@egov/contracts';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface RetryPolicy {
  /** Attempts per message before it goes to the dead-letter topic. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export interface RelayOptions {
  readonly enabled: boolean;
  /** Safety-net poll; commits also wake the relay through LISTEN/NOTIFY. */
  readonly pollIntervalMs: number;
  readonly batchSize: number;
}

export interface MessagingOptions {
  readonly service: ServiceName;
  /** Consumer name: the Kafka group id and the inbox key. */
  readonly consumer: string;
  /** URL of the service's database, for the relay's LISTEN connection. */
  readonly databaseUrl: string;
  readonly retry: RetryPolicy;
  readonly relay: RelayOptions;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200, maxBackoffMs: 5000 };

export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
}
