import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const TALLY_STATES = ['OPEN_NONE', 'OPEN_BLUE', 'OPEN_YELLOW', 'OPEN_RED', 'DONE_ON_TIME', 'DONE_LATE'] as const;
export type TallyState = (typeof TALLY_STATES)[number];

/** How many of a lead unit's tasks are in each state, kept in the transaction of every change. */
@Entity({ name: 'task_tally' })
@Index('task_tally_region_idx', ['regionCode'])
@Check('task_tally_state_check', `state IN ('OPEN_NONE', 'OPEN_BLUE', 'OPEN_YELLOW', 'OPEN_RED', 'DONE_ON_TIME', 'DONE_LATE')`)
export class TaskTallyEntity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('text')
  state!: TallyState;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('int', { default: 0 })
  tasks!: number;
}
