import { achievementOf, type IndicatorPlan, monthsEnded, periodBounds, periodLabel, quarterOf, standingOf } from './trajectory';

const values = (planned: number[], actual: (number | null)[] = []): IndicatorPlan['periods'] =>
  planned.map((value, index) => ({
    period: index + 1,
    plannedValue: value,
    plannedDate: null,
    actualValue: actual[index] ?? null,
    achievedOn: null,
    reportedAt: actual[index] == null ? null : new Date('2024-01-01T00:00:00Z'),
  }));

describe('SUP-8 trajectory arithmetic', () => {
  it('SUP-8 knows the bounds and names of months and quarters, leap February included', () => {
    expect(periodBounds(2024, 'MONTH', 2)).toEqual({ startsOn: '2024-02-01', endsOn: '2024-02-29' });
    expect(periodBounds(2024, 'QUARTER', 4)).toEqual({ startsOn: '2024-10-01', endsOn: '2024-12-31' });
    expect(periodLabel(2024, 'MONTH', 3)).toBe('2024-03');
    expect(periodLabel(2024, 'QUARTER', 1)).toBe('2024-Q1');
    expect(quarterOf('2024-06-01')).toEqual({ year: 2024, quarter: 2, lastMonth: true });
    expect(quarterOf('2024-05-31')).toEqual({ year: 2024, quarter: 2, lastMonth: false });
    expect([monthsEnded(2024, '2023-12-31'), monthsEnded(2024, '2024-01-31'), monthsEnded(2024, '2024-06-01'), monthsEnded(2024, '2025-01-01')]).toEqual([0, 0, 5, 12]);
  });

  it('SUP-8 a quarterly quantity rises evenly through the quarter: Q1 30, Q2 60 plan 50 once April and May are past', () => {
    const plan: IndicatorPlan = { kind: 'QUANTITY', granularity: 'QUARTER', difficulty: 1, periods: values([30, 60, 90, 120], [30]) };
    expect(standingOf(plan, 2024, '2024-06-01', 10)).toEqual({ planned: 50, actual: 30, achievement: 0.6, behind: true });
    expect(standingOf(plan, 2024, '2024-04-15', 10)).toEqual({ planned: 30, actual: 30, achievement: 1, behind: false });
  });

  it('SUP-8 within the tolerance is on the trajectory, beyond it behind; nothing due is fully achieved', () => {
    const plan: IndicatorPlan = { kind: 'QUANTITY', granularity: 'MONTH', difficulty: 1, periods: values([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120], [10, 20, 27]) };
    expect(standingOf(plan, 2024, '2024-04-02', 10)).toMatchObject({ planned: 30, actual: 27, behind: false });
    expect(standingOf(plan, 2024, '2024-04-02', 5)).toMatchObject({ planned: 30, actual: 27, behind: true });
    expect(standingOf({ ...plan, periods: values([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]) }, 2024, '2024-01-20', 10)).toEqual({ planned: 0, actual: 0, achievement: 1, behind: false });
  });

  it('SUP-8 a quality rate is held against the period the past months end in; milestones count when their day has passed', () => {
    const quality: IndicatorPlan = { kind: 'QUALITY', granularity: 'QUARTER', difficulty: 1, periods: values([90, 95, 95, 95], [96]) };
    expect(standingOf(quality, 2024, '2024-06-01', 10)).toMatchObject({ planned: 95, actual: 96, achievement: 1, behind: false });
    const milestone = (period: number, plannedDate: string, achievedOn: string | null) => ({ period, plannedValue: null, plannedDate, actualValue: null, achievedOn, reportedAt: achievedOn ? new Date() : null });
    const time: IndicatorPlan = { kind: 'TIME', granularity: 'QUARTER', difficulty: 1, periods: [milestone(1, '2024-03-20', '2024-03-18'), milestone(2, '2024-05-20', null)] };
    expect(standingOf(time, 2024, '2024-05-20', 10)).toMatchObject({ planned: 1, actual: 1, behind: false });
    expect(standingOf(time, 2024, '2024-05-21', 10)).toEqual({ planned: 2, actual: 1, achievement: 0.5, behind: true });
  });

  it('SUP-8 difficulty weights the achievement: 1.5 fully achieved and 0.8 half give a rate of 1.9 / 2.3 and a score of 95', () => {
    const { rate, score } = achievementOf([
      { difficulty: 1.5, achievement: 1 },
      { difficulty: 0.8, achievement: 0.5 },
    ]);
    expect(rate).toBeCloseTo(1.9 / 2.3, 10);
    expect(score).toBeCloseTo(95, 10);
  });
});
