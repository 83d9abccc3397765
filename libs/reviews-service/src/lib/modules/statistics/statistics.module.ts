import { Module } from '@nestjs/common';
import { StatisticsLedger } from './statistics.ledger';

@Module({ providers: [StatisticsLedger], exports: [StatisticsLedger] })
export class StatisticsModule {}
