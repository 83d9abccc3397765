import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent, type EventDescriptor } from '../../lib/event-descriptor';
import type { ServiceName } from '../../lib/topics';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_MESSAGE = { message: '$property must be a YYYY-MM-DD date' };

/**
 * A deadline counted in working days moved because a newly loaded calendar
 * version (a year the State Council just published, or a county overlay)
 * changed the days it counts over (CAL-3). Every service that holds deadlines
 * publishes it on its own topic; both versions are named so the shift can be
 * traced (CAL-4). A shift caused by the county overlays alone names the same
 * official version on both sides and differs in the overlays versions.
 */
export class DeadlineShiftedV1 {
  /** The deadline's own id; a deadline kept as a column of its aggregate may use `<aggregate id>:<kind>`. */
  @IsString()
  @Length(1, 128)
  deadlineId!: string;

  /** What the deadline is for, e.g. `review-case.callback`, `task.due`. */
  @IsString()
  @Length(1, 100)
  deadlineKind!: string;

  /** The aggregate that holds the deadline (a bad-review case, a task, …). */
  @IsUUID()
  subjectId!: string;

  @Matches(ISO_DATE, ISO_DATE_MESSAGE)
  previousDue!: string;

  @Matches(ISO_DATE, ISO_DATE_MESSAGE)
  newDue!: string;

  @IsString()
  @Length(1, 64)
  previousCalendarVersion!: string;

  @IsString()
  @Length(1, 64)
  newCalendarVersion!: string;

  /** The county overlays' version the deadline was counted on; absent when it was counted before overlays had versions. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  previousOverlaysVersion?: string;

  /** The county overlays' version it is counted on now; absent from producers that do not record overlays versions. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  newOverlaysVersion?: string;

  @Type(() => Date)
  @IsDate()
  shiftedAt!: Date;
}

function sampleFor(service: ServiceName): DeadlineShiftedV1 {
  const reviews = service === 'reviews';
  return Object.assign(new DeadlineShiftedV1(), {
    deadlineId: reviews ? '3c9e2f41-7b6a-4d8e-9f01-2a3b4c5d6e7f:callback' : '5d1a9b3c-2e4f-4a6b-8c7d-9e0f1a2b3c4d',
    deadlineKind: reviews ? 'review-case.callback' : 'task.due',
    subjectId: reviews ? '3c9e2f41-7b6a-4d8e-9f01-2a3b4c5d6e7f' : '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    previousDue: '2027-01-06',
    newDue: '2027-01-07',
    previousCalendarVersion: 'cn-state-council-2026.1',
    newCalendarVersion: 'cn-state-council-2027.1',
    previousOverlaysVersion: 'hainan-overlays-2026.1',
    newOverlaysVersion: 'hainan-overlays-2026.1',
    shiftedAt: new Date('2026-11-25T10:00:00+08:00'),
  });
}

/** The `DeadlineShifted` descriptor of one producing service: `gov.hainan.<service>.deadline.shifted.v1` on its topic, keyed by deadline. */
export function deadlineShiftedEvent(service: ServiceName): EventDescriptor<DeadlineShiftedV1> {
  return defineEvent({
    service,
    aggregate: 'deadline',
    event: 'shifted',
    version: 1,
    payload: DeadlineShiftedV1,
    keyOf: (p) => p.deadlineId,
    sample: () => sampleFor(service),
  });
}

/** Bad-review case deadlines: callback and rectification (REV-4). */
export const ReviewsDeadlineShifted = deadlineShiftedEvent('reviews');

/** Task, delay-report and rectification-item deadlines (SUP-1, SUP-4, SUP-7). */
export const SupervisionDeadlineShifted = deadlineShiftedEvent('supervision');
