import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export const CASE_RECORD_KINDS = ['CALLBACK', 'RECTIFICATION'] as const;
export type CaseRecordKind = (typeof CASE_RECORD_KINDS)[number];

/**
 * A callback or rectification of one round of a case (a reopened case starts
 * a new round). The case shows the current round; these rows keep them all.
 */
@Entity({ name: 'bad_review_case_record' })
@Unique('bad_review_case_record_round_key', ['caseId', 'round', 'kind'])
@Index('bad_review_case_record_recorded_idx', ['recordedAt'])
@Check('bad_review_case_record_kind_check', `kind IN ('CALLBACK', 'RECTIFICATION')`)
export class BadReviewCaseRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  caseId!: string;

  /** The case's reopenedCount when recorded: 0 for the first round. */
  @Column('int')
  round!: number;

  @Column('text')
  kind!: CaseRecordKind;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { nullable: true })
  measures!: string | null;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('uuid')
  deadlineId!: string;

  /** Done by the end of the deadline's due day (Asia/Shanghai). */
  @Column('boolean')
  onTime!: boolean;
}
