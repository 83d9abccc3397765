import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Review counts per unit and level, maintained in the review's own transaction so statistics never scan reviews. */
@Entity({ name: 'satisfaction_rollup' })
export class SatisfactionRollupEntity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('smallint')
  rating!: number;

  @Column('int')
  reviewCount!: number;
}
