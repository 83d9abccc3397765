import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** REV-9: where a window stood in its hall for a month, by satisfaction rate. */
@Entity({ name: 'window_ranking' })
@Index('window_ranking_hall_idx', ['hallId', 'month'])
export class WindowRankingEntity {
  /** YYYY-MM */
  @PrimaryColumn('text')
  month!: string;

  @Column('uuid')
  hallId!: string;

  @PrimaryColumn('uuid')
  windowId!: string;

  /** 1 is the best. */
  @Column('int')
  rank!: number;

  @Column('int')
  windows!: number;

  @Column('double precision')
  satisfactionRate!: number;

  @Column('int')
  reviews!: number;

  @Column('boolean')
  last!: boolean;
}
