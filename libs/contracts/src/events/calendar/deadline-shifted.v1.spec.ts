import { InvalidPayloadError, parsePayload } from '../../lib/event-descriptor';
import { descriptorOfType } from '../../lib/registry';
import { deadlineShiftedEvent, DeadlineShiftedV1, ReviewsDeadlineShifted, SupervisionDeadlineShifted } from './deadline-shifted.v1';

function problemPaths(wire: Record<string, unknown>): string[] {
  try {
    parsePayload(ReviewsDeadlineShifted, wire);
  } catch (error) {
    if (error instanceof InvalidPayloadError) return error.problems.map((p) => p.path).sort();
    throw error;
  }
  return [];
}

describe('DeadlineShifted v1', () => {
  it('CAL-3 is published per service, on that service’s topic, keyed by deadline', () => {
    expect(ReviewsDeadlineShifted.type).toBe('gov.hainan.reviews.deadline.shifted.v1');
    expect(ReviewsDeadlineShifted.topic).toBe('reviews.events');
    expect(SupervisionDeadlineShifted.type).toBe('gov.hainan.supervision.deadline.shifted.v1');
    expect(SupervisionDeadlineShifted.topic).toBe('supervision.events');
    expect(deadlineShiftedEvent('credit').type).toBe('gov.hainan.credit.deadline.shifted.v1');
    expect(descriptorOfType(ReviewsDeadlineShifted.type)).toBe(ReviewsDeadlineShifted);
    expect(descriptorOfType(SupervisionDeadlineShifted.type)).toBe(SupervisionDeadlineShifted);
    const sample = ReviewsDeadlineShifted.sample();
    expect(ReviewsDeadlineShifted.keyOf(sample)).toBe(sample.deadlineId);
  });

  it('CAL-4 carries both calendar versions and both due dates', () => {
    const parsed = parsePayload(SupervisionDeadlineShifted, JSON.parse(JSON.stringify(SupervisionDeadlineShifted.sample())) as unknown);
    expect(parsed).toBeInstanceOf(DeadlineShiftedV1);
    expect(parsed).toMatchObject({ previousDue: '2027-01-06', newDue: '2027-01-07', previousCalendarVersion: 'cn-state-council-2026.1', newCalendarVersion: 'cn-state-council-2027.1' });
    expect(parsed.shiftedAt).toEqual(new Date('2026-11-25T02:00:00Z'));
  });

  it('CAL-4 may carry both county overlays versions; a payload without them, or with overlays never recorded before the shift, is still valid', () => {
    const wire = JSON.parse(JSON.stringify(SupervisionDeadlineShifted.sample())) as Record<string, unknown>;
    const overlaysShift = { ...wire, previousCalendarVersion: 'cn-state-council-2026.1', newCalendarVersion: 'cn-state-council-2026.1', previousOverlaysVersion: 'hainan-overlays-2026.1', newOverlaysVersion: 'hainan-overlays-2026.2' };
    expect(parsePayload(SupervisionDeadlineShifted, overlaysShift)).toMatchObject({ previousOverlaysVersion: 'hainan-overlays-2026.1', newOverlaysVersion: 'hainan-overlays-2026.2' });
    const { previousOverlaysVersion: _previous, newOverlaysVersion: _new, ...withoutOverlays } = wire;
    expect(parsePayload(SupervisionDeadlineShifted, withoutOverlays).newOverlaysVersion).toBeUndefined();
    expect(problemPaths({ ...wire, previousOverlaysVersion: '', newOverlaysVersion: 7 })).toEqual(['newOverlaysVersion', 'previousOverlaysVersion']);
  });

  it('CAL-3 refuses due dates that are not YYYY-MM-DD, an empty version and a subject that is not an aggregate id', () => {
    const wire = JSON.parse(JSON.stringify(ReviewsDeadlineShifted.sample())) as Record<string, unknown>;
    expect(problemPaths({ ...wire, previousDue: '2027/01/06', newDue: '2027-01-07T00:00:00+08:00', newCalendarVersion: '' })).toEqual([
      'newCalendarVersion',
      'newDue',
      'previousDue',
    ]);
    expect(problemPaths({ ...wire, newDue: '2027-13-01', subjectId: 'case-1' })).toEqual(['newDue', 'subjectId']);
    expect(problemPaths(wire)).toEqual([]);
  });
});
