import type { MeetingEntity } from './entities/meeting.entity';
import type { MeetingModel } from './models/meeting.models';

/** The limits a meeting missed. */
export function meetingFlags(m: MeetingEntity): string[] {
  return [
    ...(m.shortNotice ? ['SHORT_NOTICE'] : []),
    ...(m.lateMaterials > 0 ? ['LATE_MATERIALS'] : []),
    ...(m.overDuration ? ['OVER_DURATION'] : []),
    ...(m.overAttendance ? ['OVER_ATTENDANCE'] : []),
  ];
}

export function toMeetingModel(m: MeetingEntity): MeetingModel {
  return {
    id: m.id,
    title: m.title,
    organizationId: m.organizationId,
    regionCode: m.regionCode,
    location: m.location,
    startsAt: m.startsAt,
    plannedMinutes: m.plannedMinutes,
    announcedAt: m.announcedAt,
    noticeDueDate: m.noticeDueDate,
    materialsDueDate: m.materialsDueDate,
    maxMinutes: m.maxMinutes,
    maxAttendees: m.maxAttendees,
    heldFrom: m.heldFrom,
    heldUntil: m.heldUntil,
    durationMinutes: m.durationMinutes,
    attendeeCount: m.attendeeCount,
    flags: meetingFlags(m),
  };
}
