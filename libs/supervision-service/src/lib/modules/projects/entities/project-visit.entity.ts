import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MajorProjectEntity } from './major-project.entity';

/** SUP-9: an on-site service visit (现场服务) to a project, and whether the responsible person made it. */
@Entity({ name: 'major_project_visit' })
@Index('major_project_visit_project_idx', ['projectId', 'visitedOn'])
export class ProjectVisitEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  projectId!: string;

  @ManyToOne(() => MajorProjectEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'major_project_visit_project_fk' })
  project?: MajorProjectEntity;

  @Column('date')
  visitedOn!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  visitors!: string[];

  /** The responsible person of the time was there: only such visits meet the quarter's duty. */
  @Column('boolean')
  byResponsible!: boolean;

  @Column('text')
  purpose!: string;

  /** The problems solved on site. */
  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text')
  recordedBy!: string;
}
