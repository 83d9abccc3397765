import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 办件: one completed handling of a service item for an applicant, reported by a service hall's system. */
@Entity({ name: 'service_handling' })
@Index('service_handling_organization_idx', ['organizationId'])
export class ServiceHandlingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('text')
  itemCode!: string;

  @Column('text')
  itemName!: string;

  /** Token subject of the applicant: the only person who may review this handling. */
  @Column('text')
  applicantSubject!: string;

  /** Token subject of the official who handled it: may never review it (REV-10). */
  @Column('text', { nullable: true })
  handlerSubject!: string | null;

  @Column('timestamptz')
  completedAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;
}
