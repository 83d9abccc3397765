import { DeadlineOverlaysVersion1764124500000 } from './deadline-overlays-version.migration';
import { DeadlineTables1764115260000 } from './deadline-tables.migration';

/** The deadline table's migrations, oldest first, for every service database that holds deadlines. */
export const DEADLINE_MIGRATIONS = [DeadlineTables1764115260000, DeadlineOverlaysVersion1764124500000];
