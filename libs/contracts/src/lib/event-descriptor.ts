import { instanceToPlain, plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { TOPICS, type ServiceName } from './topics';

export type PayloadClass<P extends object> = new () => P;

/**
 * Everything the platform knows about one event type: its CloudEvents type
 * name, the topic it travels on, how to validate its payload, which field is
 * the aggregate key (events of one aggregate stay in order), and a sample.
 */
export interface EventDescriptor<P extends object> {
  /** `gov.hainan.<service>.<aggregate>.<event>.v<N>` */
  readonly type: string;
  readonly service: ServiceName;
  readonly aggregate: string;
  readonly event: string;
  readonly version: number;
  readonly topic: string;
  readonly payload: PayloadClass<P>;
  /** The aggregate id: the Kafka key. Mandatory: an event without one is refused. */
  readonly keyOf: (payload: P) => string;
  /** A valid example payload, used by round-trip tests and documentation. */
  readonly sample: () => P;
}

export interface EventSpec<P extends object> {
  readonly service: ServiceName;
  readonly aggregate: string;
  readonly event: string;
  readonly version: number;
  readonly payload: PayloadClass<P>;
  readonly keyOf: (payload: P) => string;
  readonly sample: () => P;
}

const SEGMENT = /^[a-z][a-z0-9-]*$/;

export function defineEvent<P extends object>(spec: EventSpec<P>): EventDescriptor<P> {
  for (const [name, value] of [['aggregate', spec.aggregate], ['event', spec.event]] as const) {
    if (!SEGMENT.test(value)) throw new Error(`Event ${name} "${value}" must be lower-case kebab-case`);
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new Error(`Event version must be a positive integer`);
  return {
    ...spec,
    type: `gov.hainan.${spec.service}.${spec.aggregate}.${spec.event}.v${spec.version}`,
    topic: TOPICS[spec.service],
  };
}

export interface PayloadProblem {
  readonly path: string;
  readonly reasons: readonly string[];
}

/** A payload that does not satisfy its contract: never retried, straight to the dead-letter topic. */
export class InvalidPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: readonly PayloadProblem[],
  ) {
    super(`Invalid ${eventType} payload: ${problems.map((p) => `${p.path}: ${p.reasons.join('; ')}`).join(' | ')}`);
    this.name = 'InvalidPayloadError';
  }
}

function flatten(errors: readonly ValidationError[], prefix = ''): PayloadProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Turns received JSON into a validated payload instance, or throws
 * `InvalidPayloadError`. Receivers drop fields they do not know (`strip`), so
 * a producer may add an optional field before every consumer knows it;
 * producers check their own payloads strictly (`refuse`).
 */
export function parsePayload<P extends object>(descriptor: EventDescriptor<P>, data: unknown, unknownFields: 'strip' | 'refuse' = 'strip'): P {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidPayloadError(descriptor.type, [{ path: '(root)', reasons: ['payload must be a JSON object'] }]);
  }
  const instance = plainToInstance(descriptor.payload, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: unknownFields === 'refuse', forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidPayloadError(descriptor.type, flatten(errors));
  return instance;
}

/** Validates an outgoing payload and returns its JSON form. */
export function serializePayload<P extends object>(descriptor: EventDescriptor<P>, payload: P): Record<string, unknown> {
  const plain = instanceToPlain(payload);
  parsePayload(descriptor, plain, 'refuse');
  return plain;
}
