import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An enterprise that government activities (visits, inspections, data requests) are aimed at. */
@Entity({ name: 'enterprise' })
@Index('enterprise_region_idx', ['regionCode'])
export class EnterpriseEntity {
  /** 统一社会信用代码 (GB 32100), check character verified. */
  @PrimaryColumn('char', { length: 18 })
  uscc!: string;

  @Column('text')
  name!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('timestamptz', { default: () => 'now()' })
  registeredAt!: Date;
}
