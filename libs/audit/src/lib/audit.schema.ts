import { AuditEntryEntity } from './audit-entry.entity';
import { AuditTables1764115250000 } from './audit-tables.migration';

/** The audit log's tables, for a service's data source next to its own entities and migrations. */
export const AUDIT_ENTITIES = [AuditEntryEntity] as const;
export const AUDIT_MIGRATIONS = [AuditTables1764115250000] as const;
