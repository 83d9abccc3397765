import officialCnStateCouncil2026v1 from '../data/official-cn-state-council-2026.1.json';
import bundledOverlays from '../data/overlays.json';
import { compareRanks, versionRank, type OfficialCalendar, type RegionOverlays } from './calendar-data';
import { CalendarErrors } from './calendar.exception';
import { WorkingCalendar } from './working-calendar';

/**
 * Every official calendar version the platform ships. Old versions stay so a
 * deadline can be recomputed from the version it names (CAL-4); a new
 * snapshot (scripts/snapshot.ts) is added here.
 */
const BUNDLED: readonly OfficialCalendar[] = [officialCnStateCouncil2026v1];

/** The county overlays in force (src/data/overlays.json), versioned on their own; they apply to every official version. */
export const REGION_OVERLAYS: RegionOverlays = bundledOverlays;

export interface CalendarVersionInfo {
  readonly version: string;
  readonly years: readonly number[];
  readonly generatedOn: string;
  readonly source: OfficialCalendar['source'];
}

function rank(calendar: OfficialCalendar): readonly [number, number] {
  return versionRank(calendar.version) ?? [0, 0];
}

const ORDERED = [...BUNDLED].sort((a, b) => compareRanks(rank(a), rank(b)));
const loaded = new Map<string, WorkingCalendar>();

/** The bundled versions, oldest first; the last one is what `loadCalendar()` returns. */
export function calendarVersions(): readonly CalendarVersionInfo[] {
  return ORDERED.map(({ version, years, generatedOn, source }) => ({ version, years, generatedOn, source }));
}

/** A bundled calendar version with the current overlays; the newest when no id is given. */
export function loadCalendar(versionId?: string): WorkingCalendar {
  const official = versionId === undefined ? ORDERED[ORDERED.length - 1] : ORDERED.find((c) => c.version === versionId);
  if (!official) throw CalendarErrors.unknownVersion(versionId ?? '(newest)', ORDERED.map((c) => c.version));
  const cached = loaded.get(official.version);
  if (cached) return cached;
  const calendar = new WorkingCalendar(official, REGION_OVERLAYS);
  loaded.set(official.version, calendar);
  return calendar;
}
