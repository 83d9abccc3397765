import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DEMO_SERVICE_ITEMS } from '@egov/demo-data';

export const HOTLINE_COLUMNS = ['recordId', 'organizationCode', 'itemCode', 'itemName', 'completedAt', 'ratedAt', 'rating', 'callerPhone', 'comment'] as const;

/** Ratings in proportion: 5% bad (levels 1–2), as a province near its 95% target would see. */
const RATING_WEIGHTS: readonly (readonly [rating: number, weight: number])[] = [
  [5, 0.6],
  [4, 0.22],
  [3, 0.13],
  [2, 0.03],
  [1, 0.02],
];

const COMMENTS = ['办理很快，态度很好', '等候时间过长', '工作人员解释清楚', '材料要求说明不清楚', '电话回访及时', '希望增加网上办理'];

/** A small seeded generator, so every run imports the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** ISO-8601 in Asia/Shanghai with its offset, as the hotline system exports it. */
function shanghaiTime(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Midnight of 1 January of the current year in Asia/Shanghai. */
export function startOfShanghaiYear(now: Date): Date {
  const year = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface HotlineFileSummary {
  readonly rows: number;
  readonly bytes: number;
  readonly badReviews: number;
  readonly ratedFrom: string;
  readonly ratedUntil: string;
}

/**
 * Writes `rows` 12345-hotline records as CSV, streamed in chunks: rated
 * between 1 January (Asia/Shanghai) and a minute ago, each completed up to
 * three days before it was rated (never before the year began), spread over
 * `organizationCodes` and the demo service items.
 */
export async function writeHotlineCsv(file: string, rows: number, organizationCodes: readonly string[], now = new Date()): Promise<HotlineFileSummary> {
  if (organizationCodes.length === 0) throw new Error('no organization codes to spread the hotline records over');
  const random = seededRandom(12345);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const yearStart = startOfShanghaiYear(now).getTime();
  const ratedUntil = now.getTime() - 60_000;
  const span = ratedUntil - yearStart;
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let badReviews = 0;
  let chunk = `${HOTLINE_COLUMNS.join(',')}\n`;
  for (let n = 1; n <= rows; n += 1) {
    const ratedAt = yearStart + Math.floor(random() * span);
    const completedAt = Math.max(yearStart, ratedAt - Math.floor(random() * 3 * 86_400_000));
    let roll = random();
    const rating = RATING_WEIGHTS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 5;
    if (rating <= 2) badReviews += 1;
    const item = pick(DEMO_SERVICE_ITEMS);
    const phone = random() < 0.4 ? `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}` : '';
    const comment = random() < 0.15 ? pick(COMMENTS) : '';
    chunk += [`12345-${String(n).padStart(9, '0')}`, pick(organizationCodes), item.code, item.name, shanghaiTime(completedAt), shanghaiTime(ratedAt), String(rating), phone, comment]
      .map(csvField)
      .join(',');
    chunk += '\n';
    if (chunk.length > 512 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { rows, bytes: out.bytesWritten, badReviews, ratedFrom: shanghaiTime(yearStart), ratedUntil: shanghaiTime(ratedUntil) };
}
