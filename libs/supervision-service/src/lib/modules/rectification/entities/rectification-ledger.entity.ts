import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * 整改台账 (SUP-7): what happened to a unit's rectification items in a month
 * (Asia/Shanghai), kept up to date in the transaction of each change. How
 * many are open or overdue at a month's end is the running sum of these
 * flows, so the ledger reads one row per month instead of every item.
 */
@Entity({ name: 'rectification_ledger' })
export class RectificationLedgerEntity {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'rectification_ledger_organization_fk' })
  organization?: OrganizationEntity;

  /** The month's first day. */
  @PrimaryColumn('date')
  month!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** Items that entered a list this month. */
  @Column('int', { default: 0 })
  opened!: number;

  @Column('int', { default: 0 })
  reopened!: number;

  @Column('int', { default: 0 })
  closed!: number;

  /** Items whose first overdue day fell in this month. */
  @Column('int', { default: 0 })
  overdue!: number;

  /** Items closed this month after having been found overdue. */
  @Column('int', { default: 0 })
  closedOverdue!: number;
}
