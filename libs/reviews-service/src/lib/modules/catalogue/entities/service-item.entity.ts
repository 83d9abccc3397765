import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 事项: a service a unit offers, by its implementation code. Handlings name
 * items the catalogue may not have yet; those are registered on first sight
 * with no flags, and the unit's officers complete them.
 */
@Entity({ name: 'service_item' })
@Index('service_item_organization_idx', ['organizationId'])
@Index('service_item_region_idx', ['regionCode'])
export class ServiceItemEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  /** The unit that implements the item. */
  @Column('uuid')
  organizationId!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  /** 一件事一次办: part of a bundled "one thing, one visit" service. */
  @Column('boolean', { default: false })
  oneThing!: boolean;

  /** 全省通办: can be handled at any hall in the province. */
  @Column('boolean', { default: false })
  provinceWide!: boolean;

  /** 零跑动: needs no visit at all. */
  @Column('boolean', { default: false })
  zeroVisit!: boolean;

  @Column('timestamptz', { default: () => 'now()' })
  registeredAt!: Date;
}
