import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const DEFAULT_DATABASE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Where a service's database lives. `DATABASE_URL` names the server (its path
 * part is ignored); each service uses its own database on it, named by
 * `DATABASE_NAME` or `egov_<service>` by default.
 */
export class DatabaseConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = DEFAULT_DATABASE_SERVER;

  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_NAME must be a lower-case PostgreSQL identifier' })
  DATABASE_NAME?: string;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;
}

export function defaultDatabaseName(service: string): string {
  return `egov_${service.replace(/-/g, '_')}`;
}

/** The server URL with its database replaced by `database`. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
