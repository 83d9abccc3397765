import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OrganizationKind } from '@egov/contracts';

/** A unit of the government tree: a government, a department, a service hall, a window. */
@Entity({ name: 'organization' })
@Index('organization_region_idx', ['regionCode'])
@Index('organization_parent_idx', ['parentId'])
@Check('organization_kind_check', `kind IN ('GOVERNMENT', 'DEPARTMENT', 'SERVICE_HALL', 'WINDOW')`)
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('organization_code_key', { unique: true })
  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: OrganizationKind;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organization_parent_fk' })
  parent?: OrganizationEntity | null;

  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;
}
