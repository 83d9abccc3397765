import type { MessagePort } from 'node:worker_threads';
import type { ServiceName } from '@egov/contracts';

export interface ServiceThreadData {
  readonly service: ServiceName;
  readonly env: Record<string, string | undefined>;
  readonly eventBusPort: MessagePort;
}

export type HostCommand = { readonly kind: 'seed' } | { readonly kind: 'stop' };

export type ThreadReport =
  | { readonly kind: 'ready' }
  | { readonly kind: 'seeded'; readonly added: number }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly error: string };
