import type { EventEnvelope, InboundMessage } from '../envelope/event-envelope';

export type InboundHandler = (message: InboundMessage) => Promise<void>;

export interface DeadLetterNotice {
  readonly consumer: string;
  readonly reason: 'invalid' | 'exhausted';
  readonly error: string;
  readonly attempts: number;
}

/**
 * The port between the messaging code and a delivery mechanism. Kafka and the
 * in-process bus implement it; the outbox relay and the inbox dispatcher are
 * the same code over either.
 */
export abstract class EventTransport {
  abstract readonly kind: 'kafka' | 'in-process';

  /** Sends envelopes in order; resolves only once every one is durably accepted. */
  abstract publish(envelopes: readonly EventEnvelope[]): Promise<void>;

  /** Registers the consumer's handler; must be called before `start`. */
  abstract subscribe(consumer: string, topics: readonly string[], handler: InboundHandler): void;

  /** Hands a message the consumer gave up on to the dead-letter destination of its topic. */
  abstract deadLetter(message: InboundMessage, notice: DeadLetterNotice): Promise<void>;

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  /** Throws when the transport cannot currently deliver. */
  abstract checkHealth(): Promise<void>;
}
