import { EVENT_REGISTRY, descriptorOfType } from './registry';
import { type EventDescriptor, InvalidPayloadError, parsePayload, serializePayload } from './event-descriptor';
import { deadLetterTopicOf, TOPICS } from './topics';
import { ReviewSubmitted } from '../events/reviews/review-submitted.v1';
import { BadReviewCaseCalledBack } from '../events/reviews/bad-review-case-called-back.v1';
import { BadReviewCaseClosed } from '../events/reviews/bad-review-case-closed.v1';
import { BadReviewCaseRectified } from '../events/reviews/bad-review-case-rectified.v1';

describe('event registry', () => {
  it('has unique type names of the form gov.hainan.<service>.<aggregate>.<event>.v<N>', () => {
    const types = EVENT_REGISTRY.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const descriptor of EVENT_REGISTRY) {
      expect(descriptor.type).toMatch(/^gov\.hainan\.[a-z-]+\.[a-z-]+\.[a-z-]+\.v[1-9]\d*$/);
      expect(descriptor.topic).toBe(TOPICS[descriptor.service]);
      expect(descriptorOfType(descriptor.type)).toBe(descriptor);
    }
  });

  describe.each(EVENT_REGISTRY.map((d) => [d.type, d] as const))('%s', (_type, descriptor) => {
    it('round-trips its sample through JSON unchanged', () => {
      const sample = descriptor.sample();
      const wire = JSON.parse(JSON.stringify(serializePayload(descriptor, sample))) as unknown;
      const parsed = parsePayload(descriptor, wire);
      expect(parsed).toBeInstanceOf(descriptor.payload);
      expect(parsed).toEqual(sample);
      expect(descriptor.keyOf(parsed)).toBe(descriptor.keyOf(sample));
      expect(descriptor.keyOf(parsed).length).toBeGreaterThan(0);
    });

    it('rejects a payload that is not an object', () => {
      expect(() => parsePayload(descriptor, 'not json')).toThrow(InvalidPayloadError);
      expect(() => parsePayload(descriptor, [1, 2])).toThrow(InvalidPayloadError);
    });
  });
});

describe('ReviewSubmitted v1', () => {
  it('lets a receiver ignore a field added by a newer producer', () => {
    const wire = { ...(JSON.parse(JSON.stringify(ReviewSubmitted.sample())) as Record<string, unknown>), addedLater: 'x' };
    const parsed = parsePayload(ReviewSubmitted, wire);
    expect(parsed).toEqual(ReviewSubmitted.sample());
    expect(() => serializePayload(ReviewSubmitted, Object.assign(ReviewSubmitted.sample(), { addedLater: 'x' }))).toThrow(InvalidPayloadError);
  });

  it('names every invalid field and, for a producer, refuses unknown ones', () => {
    const wire = { ...(JSON.parse(JSON.stringify(ReviewSubmitted.sample())) as Record<string, unknown>), rating: 7, regionCode: '110000', extra: 1 };
    let caught: unknown;
    try {
      parsePayload(ReviewSubmitted, wire, 'refuse');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidPayloadError);
    const paths = (caught as InvalidPayloadError).problems.map((p) => p.path).sort();
    expect(paths).toEqual(['extra', 'rating', 'regionCode']);
  });

  it('travels on the reviews topic, keyed by review id', () => {
    expect(ReviewSubmitted.type).toBe('gov.hainan.reviews.review.submitted.v1');
    expect(ReviewSubmitted.topic).toBe('reviews.events');
    expect(deadLetterTopicOf(ReviewSubmitted.topic)).toBe('reviews.events.dlq');
  });
});

describe('bad-review case steps', () => {
  it.each([BadReviewCaseCalledBack, BadReviewCaseRectified, BadReviewCaseClosed] as EventDescriptor<object>[])('$type validates the case fields every step shares', (descriptor) => {
    const wire = { ...(JSON.parse(JSON.stringify(descriptor.sample())) as Record<string, unknown>), caseId: 'not-a-uuid', regionCode: '110000', onTime: 'yes' };
    let caught: unknown;
    try {
      parsePayload(descriptor, wire);
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidPayloadError).problems.map((p) => p.path).sort()).toEqual(['caseId', 'onTime', 'regionCode']);
  });
});
