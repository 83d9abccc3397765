import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SUP-13: a year's selected cases counted once its last quarter's selection closed; `shortfall` is the flag. */
@Entity({ name: 'best_practice_year' })
export class BestPracticeYearEntity {
  @PrimaryColumn('integer')
  year!: number;

  @Column('integer')
  required!: number;

  @Column('integer')
  selected!: number;

  @Column('boolean')
  shortfall!: boolean;

  @Column('timestamptz')
  checkedAt!: Date;
}
