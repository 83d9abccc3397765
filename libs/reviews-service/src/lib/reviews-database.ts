import { openServiceDatabase } from '@egov/persistence';
import { type ServiceConfig, serviceDatabaseSchema, serviceDatabaseUrl } from '@egov/runtime';
import type { DataSource } from 'typeorm';

/** The service's own tables and migrations, handed in by the service module. */
export interface ReviewsSchema {
  readonly entities: readonly (new (...args: never[]) => object)[];
  readonly migrations: readonly (new () => object)[];
}

/** The database name a URL points at, for messages: the URL itself may carry a password. */
export const databaseNameOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Opens the reviews database for a command run beside the service, created
 * and migrated as the service does at boot, so a fresh database works.
 */
export function openReviewsDatabase(config: ServiceConfig, schema: ReviewsSchema, applicationName: string): Promise<DataSource> {
  const tables = serviceDatabaseSchema(schema.entities, schema.migrations);
  return openServiceDatabase({ url: serviceDatabaseUrl('reviews', config), entities: tables.entities, migrations: tables.migrations, poolSize: 2, applicationName });
}
