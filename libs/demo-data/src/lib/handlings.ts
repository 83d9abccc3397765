import { DEMO_ORGANIZATIONS } from './organizations';
import { DEMO_SERVICE_ITEMS } from './service-items';
import { stableId } from './stable-id';

export interface DemoHandling {
  readonly id: string;
  readonly organizationId: string;
  readonly itemCode: string;
  readonly itemName: string;
  readonly applicantSubject: string;
  readonly handlerSubject: string;
  /** Days before the seeding moment that the handling completed (always inside the review window). */
  readonly completedDaysAgo: number;
}

/** Demo citizens: the printed demo token belongs to the first. */
export const DEMO_CITIZENS = ['demo-citizen-001', 'demo-citizen-002', 'demo-citizen-003'] as const;

function build(): DemoHandling[] {
  const windows = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'WINDOW');
  const handlings: DemoHandling[] = [];
  windows.forEach((window, w) => {
    for (let n = 0; n < 3; n += 1) {
      const item = DEMO_SERVICE_ITEMS[(w + n) % DEMO_SERVICE_ITEMS.length];
      if (!item) continue;
      handlings.push({
        id: stableId(`handling:${window.code}:${n}`),
        organizationId: window.id,
        itemCode: item.code,
        itemName: item.name,
        applicantSubject: DEMO_CITIZENS[(w + n) % DEMO_CITIZENS.length] ?? DEMO_CITIZENS[0],
        handlerSubject: `demo-officer-${window.code}`,
        completedDaysAgo: 1 + ((w + n) % 9),
      });
    }
  });
  return handlings;
}

/** Three completed handlings at every service window. */
export const DEMO_HANDLINGS: readonly DemoHandling[] = build();
