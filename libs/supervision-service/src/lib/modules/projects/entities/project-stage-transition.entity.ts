import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ProjectStage } from '../project-stages';
import { MajorProjectEntity } from './major-project.entity';

/** SUP-9: the day a project entered a stage, and who recorded it; once per stage. */
@Entity({ name: 'major_project_stage' })
export class ProjectStageTransitionEntity {
  @PrimaryColumn('uuid')
  projectId!: string;

  @ManyToOne(() => MajorProjectEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'major_project_stage_project_fk' })
  project?: MajorProjectEntity;

  @PrimaryColumn('text')
  stage!: ProjectStage;

  @Column('date')
  enteredOn!: string;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;

  @Column('text', { nullable: true })
  note!: string | null;
}
