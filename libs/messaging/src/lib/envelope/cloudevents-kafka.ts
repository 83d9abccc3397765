import type { EventEnvelope, InboundMessage } from './event-envelope';

/** Kafka headers and value of an event in CloudEvents 1.0 binary content mode. */
export interface KafkaRecord {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

const REQUIRED = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type'] as const;
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

export function toKafkaRecord(envelope: EventEnvelope): KafkaRecord {
  const headers: Record<string, string> = {
    ce_specversion: envelope.specversion,
    ce_id: envelope.id,
    ce_source: envelope.source,
    ce_type: envelope.type,
    ce_time: envelope.time,
    'content-type': envelope.datacontenttype,
  };
  if (envelope.subject !== undefined) headers['ce_subject'] = envelope.subject;
  for (const [name, value] of Object.entries(envelope.extensions)) {
    if (!EXTENSION_NAME.test(name)) throw new Error(`CloudEvents extension name "${name}" must be 1-20 lower-case letters or digits`);
    headers[`ce_${name}`] = value;
  }
  return { key: envelope.key, value: Buffer.from(JSON.stringify(envelope.data), 'utf8'), headers };
}

/** Why a received message cannot be read as an event at all. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

const CORE = new Set(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject']);

/** Reads a binary-mode CloudEvent; throws `MalformedEventError` for anything that is not one. */
export function fromInboundMessage(message: InboundMessage): EventEnvelope {
  const h = message.headers;
  const missing = REQUIRED.filter((name) => !h[name]);
  if (missing.length > 0) throw new MalformedEventError(`missing CloudEvents headers: ${missing.join(', ')}`);
  if (h['ce_specversion'] !== '1.0') throw new MalformedEventError(`unsupported CloudEvents specversion "${h['ce_specversion']}"`);
  if (!message.key) throw new MalformedEventError('message has no key');
  if (!message.value || message.value.length === 0) throw new MalformedEventError('message has no value');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new MalformedEventError('value is not valid JSON');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new MalformedEventError('value is not a JSON object');
  const extensions = Object.fromEntries(
    Object.entries(h)
      .filter(([name]) => name.startsWith('ce_') && !CORE.has(name))
      .map(([name, value]) => [name.slice(3), value]),
  );
  return {
    specversion: '1.0',
    id: h['ce_id'],
    source: h['ce_source'],
    type: h['ce_type'],
    time: h['ce_time'] ?? new Date(0).toISOString(),
    ...(h['ce_subject'] ? { subject: h['ce_subject'] } : {}),
    datacontenttype: 'application/json',
    extensions,
    topic: message.topic,
    key: message.key,
    data: data as Record<string, unknown>,
  };
}
