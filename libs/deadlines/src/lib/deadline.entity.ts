import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A deadline in working days (CAL-1…CAL-4), kept with everything needed to
 * compute it again: the day it runs from, how many working days, the region
 * whose days off apply, and the calendar and overlays versions and the rule
 * it came from.
 */
@Entity({ name: 'deadline' })
@Index('deadline_open_idx', ['calendarVersion'], { where: 'closed_at IS NULL' })
@Index('deadline_subject_idx', ['subjectId'])
@Index('deadline_due_idx', ['dueDate'], { where: 'closed_at IS NULL AND overdue_at IS NULL' })
export class DeadlineEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** What the deadline is for, e.g. `review-case.callback`. */
  @Column('text')
  kind!: string;

  /** The aggregate that holds the deadline. */
  @Column('uuid')
  subjectId!: string;

  @Column('date')
  startDate!: string;

  @Column('int')
  workingDays!: number;

  @Column('text', { nullable: true })
  regionCode!: string | null;

  @Column('date')
  dueDate!: string;

  /** CAL-3: due in a year whose official calendar was not yet published. */
  @Column('boolean')
  provisional!: boolean;

  /** CAL-4: the official calendar's version it was counted on. */
  @Column('text')
  calendarVersion!: string;

  /** CAL-4: the county overlays' version it was counted on; null for deadlines counted before overlays had versions. */
  @Column('text', { nullable: true })
  overlaysVersion!: string | null;

  /** CAL-4: the rule-pack entry the number of working days came from. */
  @Column('text')
  rule!: string;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  /** When the deadline was found missed and announced; set once. */
  @Column('timestamptz', { nullable: true })
  overdueAt!: Date | null;
}
