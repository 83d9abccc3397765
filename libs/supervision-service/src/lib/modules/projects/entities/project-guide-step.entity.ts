import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { ProjectStage } from '../project-stages';
import { MajorProjectEntity } from './major-project.entity';

/** SUP-9: a step of a project's full-process guide (全流程服务指南) and the materials it needs. */
@Entity({ name: 'major_project_guide_step' })
@Unique('major_project_guide_step_position_key', ['projectId', 'stage', 'position'])
export class ProjectGuideStepEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  projectId!: string;

  @ManyToOne(() => MajorProjectEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'major_project_guide_step_project_fk' })
  project?: MajorProjectEntity;

  @Column('text')
  stage!: ProjectStage;

  /** Its place in the stage, from 1. */
  @Column('int')
  position!: number;

  @Column('text')
  title!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  materials!: string[];

  @Column('text', { nullable: true })
  note!: string | null;
}
