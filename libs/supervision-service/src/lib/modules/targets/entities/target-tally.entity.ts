import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How many of a unit's targets for a year there are and how many are off their trajectory, kept as targets are defined, flagged and recovered. */
@Entity({ name: 'target_tally' })
@Index('target_tally_region_idx', ['regionCode', 'year'])
export class TargetTallyEntity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('integer')
  year!: number;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('int', { default: 0 })
  targets!: number;

  @Column('int', { default: 0 })
  offTrajectory!: number;
}
