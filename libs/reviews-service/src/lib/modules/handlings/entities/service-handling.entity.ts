import { encryptedColumn } from '@egov/personal-data';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 办件: one completed handling of a service item for an applicant, reported by a service hall's system. */
@Entity({ name: 'service_handling' })
@Index('service_handling_organization_idx', ['organizationId'])
@Index('service_handling_organization_completed_idx', ['organizationId', 'completedAt'])
@Index('service_handling_applicant_idx', ['applicantSubject', 'completedAt'])
@Index('service_handling_unrated_idx', ['completedAt'], { where: 'default_rated_at IS NULL' })
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

  /** 身份证号 of the applicant, encrypted at rest; found through its keyed hash. */
  @Column('text', { nullable: true, transformer: encryptedColumn() })
  applicantIdNumber!: string | null;

  @Index('service_handling_applicant_id_hash_idx')
  @Column('text', { nullable: true })
  applicantIdNumberHash!: string | null;

  /** The applicant's mobile number, for callbacks; encrypted at rest. */
  @Column('text', { nullable: true, transformer: encryptedColumn() })
  applicantPhone!: string | null;

  @Column('text', { nullable: true })
  applicantPhoneHash!: string | null;

  @Column('timestamptz')
  completedAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;

  /** REV-8: when the handling, still unrated, took a default rating; cleared if its applicant rates it after all. */
  @Column('timestamptz', { nullable: true })
  defaultRatedAt!: Date | null;
}
