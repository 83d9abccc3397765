import { ConfigValidationError, loadConfig } from '@egov/config';
import { MessagingConfig } from './messaging.config';

describe('MessagingConfig', () => {
  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('reads OUTBOX_RELAY_ENABLED=%s as %s', (raw, expected) => {
    expect(loadConfig({ messaging: MessagingConfig }, { OUTBOX_RELAY_ENABLED: raw }).messaging.OUTBOX_RELAY_ENABLED).toBe(expected);
  });

  it('defaults to Kafka on the local broker with the relay on', () => {
    const { messaging } = loadConfig({ messaging: MessagingConfig }, {});
    expect(messaging).toMatchObject({ EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092', OUTBOX_RELAY_ENABLED: true });
  });

  it('refuses a malformed broker list and an unknown transport', () => {
    expect(() => loadConfig({ messaging: MessagingConfig }, { KAFKA_BROKERS: 'localhost', EVENT_TRANSPORT: 'carrier-pigeon' })).toThrow(ConfigValidationError);
  });
});
