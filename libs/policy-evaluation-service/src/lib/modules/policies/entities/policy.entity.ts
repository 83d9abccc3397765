import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const POLICY_KINDS = ['NORMATIVE_DOCUMENT', 'MAJOR_DECISION', 'BENEFIT_POLICY'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** A normative document (规范性文件), major administrative decision (重大行政决策) or benefit policy (惠企政策). */
@Entity({ name: 'policy' })
@Index('policy_region_idx', ['regionCode'])
@Check('policy_kind_check', `kind IN ('NORMATIVE_DOCUMENT', 'MAJOR_DECISION', 'BENEFIT_POLICY')`)
export class PolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** 文号, e.g. 琼府〔2023〕34号 */
  @Index('policy_document_number_key', { unique: true })
  @Column('text')
  documentNumber!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: PolicyKind;

  @Column('uuid')
  issuingOrganizationId!: string;

  @Column('char', { length: 6 })
  regionCode!: string;

  @Column('date')
  issuedOn!: string;
}
