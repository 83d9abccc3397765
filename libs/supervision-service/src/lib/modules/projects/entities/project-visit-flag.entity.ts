import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MajorProjectEntity } from './major-project.entity';

/** SUP-9: a quarter closed without the responsible person's on-site visits; once per project and quarter. */
@Entity({ name: 'major_project_visit_flag' })
export class ProjectVisitFlagEntity {
  @PrimaryColumn('uuid')
  projectId!: string;

  @ManyToOne(() => MajorProjectEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'major_project_visit_flag_project_fk' })
  project?: MajorProjectEntity;

  /** The quarter's first day. */
  @PrimaryColumn('date')
  quarterStart!: string;

  @Column('int')
  visits!: number;

  @Column('int')
  required!: number;

  @Column('timestamptz')
  flaggedAt!: Date;
}
