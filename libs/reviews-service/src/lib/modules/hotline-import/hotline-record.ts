import { shanghaiDateOf } from '@egov/calendar';
import type { BilingualMessage } from '@egov/errors';
import { parseMobileNumber } from '@egov/identifiers';
import { maskPersonalDataInText } from '@egov/personal-data';

/** The fields of a 12345 work-order record, as named in a CSV header or a JSONL object. */
export const HOTLINE_FIELDS = ['recordId', 'organizationCode', 'itemCode', 'itemName', 'completedAt', 'ratedAt', 'rating', 'callerPhone', 'comment'] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];
export const REQUIRED_HOTLINE_FIELDS: readonly HotlineField[] = ['recordId', 'organizationCode', 'itemCode', 'itemName', 'completedAt', 'ratedAt', 'rating'];

export interface RowProblem {
  readonly line: number;
  /** A field name, the unknown key of a JSONL object, or `(row)` when the row could not be read into fields. */
  readonly field: string;
  readonly reason: BilingualMessage;
}

/** `line N: field: 中文 / English`, the form rejected rows are reported in. */
export function formatRowProblem(problem: RowProblem): string {
  return `line ${problem.line}: ${problem.field}: ${problem.reason.zh} / ${problem.reason.en}`;
}

/** One row as read from the file, before any check. */
export interface RawHotlineRow {
  /** The physical line the row starts on (the CSV header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** Set when the row could not even be split into fields (bad JSON, wrong number of CSV values). */
  readonly unreadable?: BilingualMessage;
}

/** The unit a record is filed against, found by its code in the organization replica. */
export interface HotlineUnit {
  readonly id: string;
  readonly regionCode: string;
}

export interface HotlineRecord {
  readonly line: number;
  readonly recordId: string;
  readonly unit: HotlineUnit;
  readonly itemCode: string;
  readonly itemName: string;
  readonly completedAt: Date;
  /** Asia/Shanghai day of `completedAt`: the statistics period of the handling. */
  readonly completedDay: string;
  readonly ratedAt: Date;
  /** Asia/Shanghai day of `ratedAt`: the statistics period of the review and the start of case deadlines. */
  readonly ratedDay: string;
  readonly rating: number;
  /** Bare 11 digits; encrypted before it is stored. */
  readonly callerPhone: string | null;
  /** Trimmed, with ID and phone numbers masked. */
  readonly comment: string | null;
}

export interface HotlineRecordContext {
  /** Units by code; `'ambiguous'` when two units share the code. */
  readonly unitByCode: (code: string) => HotlineUnit | 'ambiguous' | undefined;
  readonly commentMaxLength: (regionCode: string) => number;
  readonly now: Date;
}

/** REV-1 levels by their Chinese labels, as 12345 return visits record them. */
const RATING_LABELS: Readonly<Record<string, number>> = { 非常满意: 5, 满意: 4, 基本满意: 3, 不满意: 2, 非常不满意: 1 };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const reason = (zh: string, en: string): BilingualMessage => ({ zh, en });

const REASONS = {
  required: reason('必填', 'is required'),
  notText: reason('应为文本', 'must be text'),
  tooLong: (max: number) => reason(`超过 ${max} 个字符`, `is longer than ${max} characters`),
  nul: reason('含有空字符（\\0）', 'contains a NUL character'),
  notUtf8: reason('含有无法识别的字符，文件应为 UTF-8 编码', 'contains characters that are not valid UTF-8; save the file as UTF-8'),
  unknownField: reason('不是导入字段，可用字段：' + HOTLINE_FIELDS.join('、'), `is not an import field; the fields are ${HOTLINE_FIELDS.join(', ')}`),
  unknownUnit: (code: string) => reason(`单位代码 ${code} 未登记`, `no unit is registered with code ${code}`),
  ambiguousUnit: (code: string) => reason(`单位代码 ${code} 对应多个单位`, `code ${code} belongs to more than one unit`),
  notTimestamp: reason('应为带时区偏移的 ISO-8601 时间，如 2024-02-08T10:30:00+08:00', 'must be an ISO-8601 time with an offset, e.g. 2024-02-08T10:30:00+08:00'),
  noOffset: reason('缺少时区偏移（如 +08:00）', 'has no UTC offset (e.g. +08:00)'),
  impossibleTime: reason('不是真实存在的日期或时刻', 'is not a real date or time of day'),
  ratedBeforeCompleted: reason('评价时间早于办结时间', 'is before completedAt'),
  ratedInFuture: reason('评价时间晚于当前时间', 'is in the future'),
  notRating: reason('应为 1–5 或 非常满意、满意、基本满意、不满意、非常不满意', 'must be 1–5 or one of 非常满意, 满意, 基本满意, 不满意, 非常不满意'),
} as const;

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: BilingualMessage };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(why: BilingualMessage): Checked<T> => ({ ok: false, reason: why });

/** A text field, trimmed; empty counts as absent. Characters are counted as code points, as people count them. */
function text(value: unknown, required: boolean, maxLength: number): Checked<string | null> {
  if (value === undefined || value === null) return required ? bad(REASONS.required) : ok(null);
  if (typeof value !== 'string') return bad(REASONS.notText);
  const trimmed = value.trim();
  if (trimmed === '') return required ? bad(REASONS.required) : ok(null);
  if (trimmed.includes('\u0000')) return bad(REASONS.nul);
  // A file in another encoding (GBK exports) decodes to replacement characters.
  if (trimmed.includes('\uFFFD')) return bad(REASONS.notUtf8);
  if (trimmed.length > maxLength && [...trimmed].length > maxLength) return bad(REASONS.tooLong(maxLength));
  return ok(trimmed);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * An ISO-8601 instant with its offset (a space may stand for the `T`).
 * Computed from its parts rather than by `Date.parse`, which rolls 02-30 over
 * into March and guesses a zone when the offset is missing.
 */
export function parseTimestamp(value: string): Checked<Date> {
  const match = TIMESTAMP.exec(value);
  if (!match) return bad(REASONS.notTimestamp);
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  if (!zone) return bad(REASONS.noOffset);
  const [year, month, day, hour, minute, second] = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)];
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return bad(REASONS.impossibleTime);
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    const [offsetHours, offsetMins] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4) || '0')];
    if (offsetHours > 14 || offsetMins > 59) return bad(REASONS.impossibleTime);
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millisecond = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  return ok(new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000));
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const shanghaiDays = new Map<number, string>();

/** `shanghaiDateOf`, remembered per day: a file's million records fall on a few hundred days. */
function shanghaiDay(instant: Date): string {
  const dayNumber = Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
  let day = shanghaiDays.get(dayNumber);
  if (day === undefined) {
    day = shanghaiDateOf(instant);
    shanghaiDays.set(dayNumber, day);
  }
  return day;
}

function timestamp(value: unknown): Checked<Date> {
  const found = text(value, true, 64);
  if (!found.ok) return found;
  return parseTimestamp(found.value ?? '');
}

function rating(value: unknown): Checked<number> {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 5 ? ok(value) : bad(REASONS.notRating);
  const found = text(value, true, 16);
  if (!found.ok) return found;
  const label = found.value ?? '';
  const level = /^[1-5]$/.test(label) ? Number(label) : RATING_LABELS[label];
  return level === undefined ? bad(REASONS.notRating) : ok(level);
}

/**
 * REV-12: checks one row and turns it into a record, or lists every problem
 * it has (all of them, so one pass over the file tells the operator
 * everything to fix).
 */
export function readHotlineRecord(row: RawHotlineRow, context: HotlineRecordContext): { record: HotlineRecord } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: string, why: BilingualMessage) => problems.push({ line: row.line, field, reason: why });
  if (row.unreadable) {
    problem('(row)', row.unreadable);
    return { problems };
  }
  for (const key of Object.keys(row.values)) {
    if (!(HOTLINE_FIELDS as readonly string[]).includes(key)) problem(key, REASONS.unknownField);
  }
  const field = <T>(name: HotlineField, checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value;
    problem(name, checked.reason);
    return undefined;
  };
  const v = row.values;
  const recordId = field('recordId', text(v['recordId'], true, 64));
  const organizationCode = field('organizationCode', text(v['organizationCode'], true, 64));
  const itemCode = field('itemCode', text(v['itemCode'], true, 64));
  const itemName = field('itemName', text(v['itemName'], true, 200));
  const completedAt = field('completedAt', timestamp(v['completedAt']));
  const ratedAt = field('ratedAt', timestamp(v['ratedAt']));
  const level = field('rating', rating(v['rating']));
  const phone = field('callerPhone', text(v['callerPhone'], false, 64));
  let callerPhone: string | null = null;
  if (phone) {
    const parsed = parseMobileNumber(phone);
    if (parsed.ok) callerPhone = parsed.value;
    else problem('callerPhone', parsed.reason);
  }
  // The length limit is the rule pack's, checked below once the unit's region is known.
  const given = field('comment', text(v['comment'], false, Number.MAX_SAFE_INTEGER));

  let unit: HotlineUnit | undefined;
  if (organizationCode) {
    const found = context.unitByCode(organizationCode);
    if (found === 'ambiguous') problem('organizationCode', REASONS.ambiguousUnit(organizationCode));
    else if (!found) problem('organizationCode', REASONS.unknownUnit(organizationCode));
    else unit = found;
  }
  if (ratedAt) {
    if (completedAt && ratedAt.getTime() < completedAt.getTime()) problem('ratedAt', REASONS.ratedBeforeCompleted);
    if (ratedAt.getTime() > context.now.getTime()) problem('ratedAt', REASONS.ratedInFuture);
  }
  // People say their numbers to the hotline operator, who types them into the comment: keep the comment, mask the numbers.
  const comment = given ? maskPersonalDataInText(given) : null;
  if (comment && unit) {
    const max = context.commentMaxLength(unit.regionCode);
    if ([...comment].length > max) problem('comment', REASONS.tooLong(max));
  }
  if (problems.length > 0 || !recordId || !unit || !itemCode || !itemName || !completedAt || !ratedAt || level === undefined) return { problems };
  return {
    record: {
      line: row.line,
      recordId,
      unit,
      itemCode,
      itemName,
      completedAt,
      completedDay: shanghaiDay(completedAt),
      ratedAt,
      ratedDay: shanghaiDay(ratedAt),
      rating: level,
      callerPhone,
      comment,
    },
  };
}
