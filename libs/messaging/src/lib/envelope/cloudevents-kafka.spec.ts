import { fromInboundMessage, MalformedEventError, toKafkaRecord } from './cloudevents-kafka';
import type { EventEnvelope } from './event-envelope';

const envelope: EventEnvelope = {
  specversion: '1.0',
  id: '7d1f4a52-0c57-4b1e-9a0e-2f3b4c5d6e7f',
  source: '/gov/hainan/reviews',
  type: 'gov.hainan.reviews.review.submitted.v1',
  time: '2024-03-01T01:30:00.000Z',
  subject: 'review/0b8f6c1e',
  datacontenttype: 'application/json',
  extensions: { correlationid: 'c-1' },
  topic: 'reviews.events',
  key: '0b8f6c1e',
  data: { rating: 2 },
};

describe('CloudEvents binary mode on Kafka', () => {
  it('puts attributes in ce_ headers and the data in the value', () => {
    const record = toKafkaRecord(envelope);
    expect(record.key).toBe('0b8f6c1e');
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/gov/hainan/reviews',
      ce_type: 'gov.hainan.reviews.review.submitted.v1',
      ce_time: '2024-03-01T01:30:00.000Z',
      ce_subject: 'review/0b8f6c1e',
      ce_correlationid: 'c-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(record.value.toString('utf8'))).toEqual({ rating: 2 });
  });

  it('reads back what it wrote', () => {
    const record = toKafkaRecord(envelope);
    expect(fromInboundMessage({ topic: 'reviews.events', ...record })).toEqual(envelope);
  });

  it.each([
    ['no headers', { headers: {} }, 'missing CloudEvents headers'],
    ['no key', { key: null }, 'no key'],
    ['garbage value', { value: Buffer.from('{not json') }, 'not valid JSON'],
    ['array value', { value: Buffer.from('[1]') }, 'not a JSON object'],
  ])('refuses a message with %s', (_name, override, reason) => {
    const record = toKafkaRecord(envelope);
    expect(() => fromInboundMessage({ topic: 'reviews.events', ...record, ...override })).toThrow(MalformedEventError);
    expect(() => fromInboundMessage({ topic: 'reviews.events', ...record, ...override })).toThrow(reason);
  });

  it('refuses extension names CloudEvents does not allow', () => {
    expect(() => toKafkaRecord({ ...envelope, extensions: { 'Bad-Name': 'x' } })).toThrow('extension name');
  });
});
