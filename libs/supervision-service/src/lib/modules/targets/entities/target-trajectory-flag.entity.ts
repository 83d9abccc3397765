import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AnnualTargetEntity } from './annual-target.entity';

/** The indicators behind when a target was flagged, as announced. */
export interface FlaggedGap {
  readonly indicatorId: string;
  readonly name: string;
  readonly kind: string;
  readonly planned: number;
  readonly actual: number;
}

/** SUP-8: a target found off its trajectory in a quarter's last month; once per target and quarter. */
@Entity({ name: 'target_trajectory_flag' })
@Index('target_trajectory_flag_open_idx', ['targetId'], { where: 'recovered_at IS NULL' })
@Check('target_trajectory_flag_quarter_check', `quarter BETWEEN 1 AND 4`)
export class TargetTrajectoryFlagEntity {
  @PrimaryColumn('uuid')
  targetId!: string;

  @ManyToOne(() => AnnualTargetEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'target_trajectory_flag_target_fk' })
  target?: AnnualTargetEntity;

  @PrimaryColumn('integer')
  quarter!: number;

  @Column('date')
  checkedOn!: string;

  @Column('jsonb')
  gaps!: FlaggedGap[];

  @Column('double precision')
  achievementRate!: number;

  @Column('timestamptz')
  flaggedAt!: Date;

  /** When the target was found back on its trajectory. */
  @Column('timestamptz', { nullable: true })
  recoveredAt!: Date | null;
}
