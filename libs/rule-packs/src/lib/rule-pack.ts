import { isHainanRegionCode } from '@egov/identifiers';
import bundled from '../data/hainan-2024.1.json';

/** The numbers DOMAIN marks *(default)*, per service section; a jurisdiction may set its own. */
export interface RuleSections {
  readonly reviews: {
    readonly reviewWindowDays: number;
    readonly commentMaxLength: number;
    readonly callbackWorkingDays: number;
    readonly rectificationWorkingDays: number;
    readonly recurrenceWindowDays: number;
    readonly defaultRatingEnabled: boolean;
    readonly defaultRatingAfterDays: number;
    /** REV-10: this many reviews at one window … */
    readonly burstThreshold: number;
    /** … within this many minutes … */
    readonly burstWindowMinutes: number;
    /** … each given this soon after its handling completed, are flagged for a fraud check. */
    readonly burstAfterCompletionMinutes: number;
  };
  readonly supervision: {
    readonly reminderWorkingDaysBefore: number;
    readonly progressReportEveryWorkingDays: number;
    readonly rectificationRecurrenceDays: number;
    /** SUP-7: working days after an inspection feedback arrives within which the inspected unit draws up its rectification list. */
    readonly rectificationListWorkingDays: number;
    /** SUP-9: on-site service visits the responsible person owes each major project a quarter. */
    readonly projectVisitsPerQuarter: number;
    /** SUP-11: visits are planned on days 1 to this of the first month of each quarter (January, April, July, October), Asia/Shanghai. */
    readonly inspectionWindowDays: number;
    /** SUP-12: working days before the meeting day by which a meeting is announced. */
    readonly meetingNoticeWorkingDays: number;
    /** SUP-12: working days before the meeting day by which its materials are sent. */
    readonly meetingMaterialsWorkingDaysBefore: number;
    /** SUP-12: the longest a meeting may run, in minutes. */
    readonly meetingMaxMinutes: number;
    /** SUP-12: the most attendees a meeting may have. */
    readonly meetingMaxAttendees: number;
    /** Working days a task opened from another service's event (an overdue case, an overdue evaluation) gets. */
    readonly openedTaskWorkingDays: number;
    /** SUP-8: a target whose actual to date is more than this percentage below its plan to date is off its trajectory. */
    readonly targetTrajectoryTolerancePercent: number;
    /** SUP-10: research topics (蹲点调研) each provincial leader takes up a calendar year. */
    readonly researchTopicsPerYearProvincialLeader: number;
    /** SUP-10: field visits each city, county and department head makes a calendar month. */
    readonly fieldVisitsPerMonthHead: number;
    /** SUP-10: 我陪群众走流程 or 领导12345接话日 each head of an approval, enforcement or public-service unit takes part in a calendar quarter. */
    readonly accompanyOrHotlinePerQuarterServiceHead: number;
    /** SUP-10: days after a period ends in which its field research may still be recorded; then it is checked. Read for the province: a period closes everywhere at once. */
    readonly fieldResearchRecordingDays: number;
    /** SUP-13: exemplary cases (典型案例) selected across the province a year. Read for the province. */
    readonly exemplaryCasesPerYear: number;
    /** SUP-13: days after a quarter ends in which its nominated cases may still be selected; a year is checked after its last quarter's. Read for the province. */
    readonly exemplaryCaseSelectionDays: number;
  };
}

export type RuleSection = keyof RuleSections;

export interface RulePackData {
  readonly version: string;
  readonly source: string;
  readonly province: RuleSections;
  readonly overrides: Readonly<Record<string, { readonly [S in RuleSection]?: Partial<RuleSections[S]> }>>;
}

/** A resolved number and the rule-pack entry it came from (recorded with deadlines, CAL-4). */
export interface RuleValue<T> {
  readonly value: T;
  readonly entry: string;
}

export const PROVINCE = '460000';

/** The jurisdictions a region inherits from, most specific first: itself, its city, the province. */
function lineage(regionCode: string): string[] {
  const chain = [regionCode];
  const city = `${regionCode.slice(0, 4)}00`;
  if (city !== regionCode && city !== PROVINCE) chain.push(city);
  if (regionCode !== PROVINCE) chain.push(PROVINCE);
  return chain;
}

/**
 * A versioned jurisdiction rule pack: province defaults with city and county
 * overrides. A value is looked up for a region, which inherits from its city
 * and then the province.
 */
export class RulePack {
  constructor(readonly data: RulePackData) {
    validate(data);
  }

  get version(): string {
    return this.data.version;
  }

  resolve<S extends RuleSection, K extends keyof RuleSections[S] & string>(section: S, key: K, regionCode: string = PROVINCE): RuleValue<RuleSections[S][K]> {
    for (const jurisdiction of lineage(regionCode)) {
      const source = jurisdiction === PROVINCE ? this.data.province[section] : this.data.overrides[jurisdiction]?.[section];
      if (source && key in source) {
        return { value: (source as RuleSections[S])[key], entry: `${this.data.version}/${section}.${key}@${jurisdiction}` };
      }
    }
    throw new Error(`Rule pack ${this.data.version} has no ${section}.${key}`);
  }
}

function validate(data: RulePackData): void {
  const problems: string[] = [];
  for (const [region, sections] of Object.entries(data.overrides)) {
    if (!isHainanRegionCode(region) || region === PROVINCE) problems.push(`override "${region}" is not a Hainan city or county code`);
    for (const [section, values] of Object.entries(sections ?? {})) {
      const defaults = data.province[section as RuleSection] as Record<string, unknown> | undefined;
      if (!defaults) {
        problems.push(`override ${region} names unknown section "${section}"`);
        continue;
      }
      for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
        if (!(key in defaults)) problems.push(`override ${region} sets unknown ${section}.${key}`);
        else if (typeof value !== typeof defaults[key]) problems.push(`override ${region} sets ${section}.${key} to a ${typeof value}, not a ${typeof defaults[key]}`);
        else if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) problems.push(`override ${region} sets ${section}.${key} to ${value}: a whole number ≥ 0 is needed`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Rule pack ${data.version} is invalid:\n  - ${problems.join('\n  - ')}`);
}

/** The rule pack shipped with the platform. */
export function loadRulePack(): RulePack {
  return new RulePack(bundled);
}
