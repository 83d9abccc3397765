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

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}
