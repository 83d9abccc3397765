import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What this service knows of a unit, kept from supervision's organization events (never read from its tables). */
@Entity({ name: 'organization_replica' })
export class OrganizationReplicaEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @Column('timestamptz')
  registeredAt!: Date;

  /** When supervision made the last update this row holds; null while only the registration has arrived. */
  @Column('timestamptz', { nullable: true })
  updatedAt!: Date | null;
}
