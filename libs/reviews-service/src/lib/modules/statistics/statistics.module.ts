import { Module } from '@nestjs/common';
import { StatisticsLedger } from './statistics.ledger';
import { WindowRankingJob } from './window-ranking.job';

@Module({ providers: [StatisticsLedger, WindowRankingJob], exports: [StatisticsLedger, WindowRankingJob] })
export class StatisticsModule {}
