import { addDays, lastPeriodEndedBy, nextPeriod, periodContaining, periodOfLabel } from './calendar-periods';

describe('calendar periods for quotas (Asia/Shanghai dates)', () => {
  it('SUP-10 a month, a quarter and a year are whole calendar periods: February 2024 (Spring Festival, leap year) is 02-01…02-29', () => {
    expect(periodContaining('MONTH', '2024-02-10')).toEqual({ kind: 'MONTH', label: '2024-02', first: '2024-02-01', last: '2024-02-29' });
    expect(periodContaining('QUARTER', '2024-08-15')).toEqual({ kind: 'QUARTER', label: '2024-Q3', first: '2024-07-01', last: '2024-09-30' });
    expect(periodContaining('YEAR', '2024-12-31')).toEqual({ kind: 'YEAR', label: '2024', first: '2024-01-01', last: '2024-12-31' });
  });

  it('reads labels back, refusing anything else', () => {
    expect(periodOfLabel('2024-Q4')).toEqual(periodContaining('QUARTER', '2024-11-01'));
    expect(periodOfLabel('2023-12')?.last).toBe('2023-12-31');
    expect(periodOfLabel('2025')?.first).toBe('2025-01-01');
    for (const bad of ['2024-Q5', '2024-13', '24-01', '2024-1']) expect(periodOfLabel(bad)).toBeNull();
  });

  it('steps across a year end, and finds the last period ended by a day', () => {
    expect(nextPeriod(periodContaining('MONTH', '2024-12-05')).label).toBe('2025-01');
    expect(nextPeriod(periodContaining('QUARTER', '2024-12-05')).label).toBe('2025-Q1');
    expect(lastPeriodEndedBy('MONTH', '2024-03-31').label).toBe('2024-03');
    expect(lastPeriodEndedBy('MONTH', '2024-03-30').label).toBe('2024-02');
    expect(lastPeriodEndedBy('QUARTER', '2025-01-03').label).toBe('2024-Q4');
    expect(lastPeriodEndedBy('YEAR', '2024-12-30').label).toBe('2023');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
