import type { ReviewChannel } from '@egov/contracts';

/** REV-1 dimensions. `rating` is the overall level; dimensions rate its parts. */
export const REVIEW_DIMENSIONS = ['OVERALL', 'EFFICIENCY', 'GUIDE_ACCURACY', 'CONVENIENCE', 'USABILITY', 'COMPETENCE', 'ATTITUDE'] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

const ON_SITE_CHANNELS: readonly ReviewChannel[] = ['WINDOW', 'KIOSK'];
const ONLINE_DIMENSIONS: readonly ReviewDimension[] = ['OVERALL', 'EFFICIENCY', 'GUIDE_ACCURACY', 'CONVENIENCE', 'USABILITY'];
const ON_SITE_DIMENSIONS: readonly ReviewDimension[] = ['OVERALL', 'EFFICIENCY', 'COMPETENCE', 'ATTITUDE'];

/** On-site channels (window device, kiosk) rate the service in person; every other channel rates the online service. */
export function dimensionsFor(channel: ReviewChannel): readonly ReviewDimension[] {
  return ON_SITE_CHANNELS.includes(channel) ? ON_SITE_DIMENSIONS : ONLINE_DIMENSIONS;
}

export interface ReviewReason {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Which reviews may tick it: bad (levels 1–2) or satisfied (3–5). */
  readonly appliesTo: 'bad' | 'satisfied';
}

/** REV-3: the tickable reasons, versioned; a review records the version it was given with. */
export const REVIEW_REASONS = {
  version: 'reasons-2024.1',
  reasons: [
    { code: 'WAIT_TOO_LONG', zh: '等候时间长', en: 'Waited too long', appliesTo: 'bad' },
    { code: 'POOR_ATTITUDE', zh: '服务态度差', en: 'Poor attitude', appliesTo: 'bad' },
    { code: 'UNCLEAR_GUIDANCE', zh: '办事指南不清晰', en: 'Unclear guidance', appliesTo: 'bad' },
    { code: 'REPEATED_VISITS', zh: '多次跑动', en: 'Had to come back several times', appliesTo: 'bad' },
    { code: 'EXTRA_MATERIALS', zh: '要求提供额外材料', en: 'Asked for extra documents', appliesTo: 'bad' },
    { code: 'SYSTEM_PROBLEMS', zh: '系统故障或不好用', en: 'The system failed or was hard to use', appliesTo: 'bad' },
    { code: 'NOT_RESOLVED', zh: '诉求未解决', en: 'The request was not resolved', appliesTo: 'bad' },
    { code: 'EFFICIENT', zh: '办事效率高', en: 'Efficient', appliesTo: 'satisfied' },
    { code: 'CONSIDERATE', zh: '服务热情周到', en: 'Considerate service', appliesTo: 'satisfied' },
    { code: 'CLEAR_GUIDANCE', zh: '指引清晰', en: 'Clear guidance', appliesTo: 'satisfied' },
    { code: 'DONE_IN_ONE_VISIT', zh: '一次办成', en: 'Done in one visit', appliesTo: 'satisfied' },
  ] satisfies readonly ReviewReason[],
} as const;

export function reasonOf(code: string): ReviewReason | undefined {
  return REVIEW_REASONS.reasons.find((r) => r.code === code);
}
