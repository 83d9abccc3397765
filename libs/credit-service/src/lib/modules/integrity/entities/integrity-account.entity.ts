import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit's running integrity figures, fed by other services' events. */
@Entity({ name: 'integrity_account' })
export class IntegrityAccountEntity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @Column('int', { default: 0 })
  reviewsCounted!: number;

  @Column('int', { default: 0 })
  badReviews!: number;

  /** The sum of the unit's deductions (CRD-2), kept with each one. */
  @Column('double precision', { default: 0 })
  deductedPoints!: number;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
