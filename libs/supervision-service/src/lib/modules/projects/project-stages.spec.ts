import { firstTrackedQuarter, nextQuarterStart, nextStage, quarterLabel, quarterStartOf } from './project-stages';

describe('major project stages and quarters', () => {
  it('SUP-9 stages advance 选址 → 立项 → 要素保障 → 规划 → 施工 → 竣工验收 and end there', () => {
    expect(nextStage('SITE_SELECTION')).toBe('APPROVAL');
    expect(nextStage('PLANNING')).toBe('CONSTRUCTION');
    expect(nextStage('COMPLETION_ACCEPTANCE')).toBeNull();
  });

  it('SUP-9 quarters: their first days, labels, the year boundary, and the first quarter a project answers for', () => {
    expect(['2024-01-01', '2024-03-31', '2024-08-15', '2024-12-31'].map(quarterStartOf)).toEqual(['2024-01-01', '2024-01-01', '2024-07-01', '2024-10-01']);
    expect(nextQuarterStart('2024-10-01')).toBe('2025-01-01');
    expect(quarterLabel('2024-07-01')).toBe('2024-Q3');
    expect(firstTrackedQuarter('2024-07-01')).toBe('2024-07-01');
    expect(firstTrackedQuarter('2024-07-02')).toBe('2024-10-01');
  });
});
