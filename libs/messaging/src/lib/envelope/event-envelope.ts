/**
 * One event as it travels: CloudEvents 1.0 attributes plus the Kafka topic and
 * key. `data` is the validated JSON payload.
 */
export interface EventEnvelope {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  /** CloudEvents extension attributes, e.g. `correlationid`, `traceparent`. */
  readonly extensions: Readonly<Record<string, string>>;
  readonly topic: string;
  readonly key: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A message as received from any transport, before it is trusted. */
export interface InboundMessage {
  readonly topic: string;
  readonly partition?: number;
  readonly offset?: string;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Buffer | null;
}

export function sourceOf(service: string): string {
  return `/gov/hainan/${service}`;
}
