import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { BooleanFromEnv } from '@egov/config';


/** How a service delivers and receives events. */
export class MessagingConfig {
  /** `kafka` in distributed mode; `in-process` when every module shares one process (standalone). */
  @IsIn(['kafka', 'in-process'])
  EVENT_TRANSPORT: 'kafka' | 'in-process' = 'kafka';

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /** Prefix for topics and consumer groups, so separate environments can share a cluster. */
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_NAME_PREFIX may hold letters, digits, dot, underscore and dash only' })
  KAFKA_NAME_PREFIX: string = '';

  @IsInt()
  @Min(1)
  @Max(128)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR: number = 1;

  @IsInt()
  @Min(6000)
  KAFKA_SESSION_TIMEOUT_MS: number = 10000;

  @BooleanFromEnv()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED: boolean = true;

  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS: number = 500;

  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE: number = 200;

  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  CONSUMER_INITIAL_BACKOFF_MS: number = 200;
}
