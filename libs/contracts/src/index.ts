// Payload classes use decorator metadata (class-transformer's @Type); load the polyfill wherever contracts are.
import 'reflect-metadata';

export * from './lib/topics';
export * from './lib/event-descriptor';
export * from './lib/registry';
export * from './events/reviews/review-submitted.v1';
export * from './events/supervision/organization-registered.v1';
export * from './events/calendar/deadline-shifted.v1';
export * from './events/reviews/bad-review-case-opened.v1';
export * from './events/reviews/bad-review-case-overdue.v1';
export * from './events/reviews/bad-review-case-called-back.v1';
export * from './events/reviews/bad-review-case-rectified.v1';
export * from './events/reviews/bad-review-case-closed.v1';
export * from './events/reviews/review-re-rated.v1';
export * from './events/reviews/bad-review-case-reopened.v1';
export * from './events/reviews/appeal-decided.v1';
export * from './events/reviews/review-burst-flagged.v1';
export * from './events/reviews/window-flagged.v1';
export * from './events/supervision/task-event';
export * from './events/supervision/task-assigned.v1';
export * from './events/supervision/task-escalated.v1';
export * from './events/supervision/task-overdue.v1';
export * from './events/supervision/task-completed.v1';
export * from './events/supervision/task-contribution-late.v1';
export * from './events/supervision/task-milestone-missed.v1';
