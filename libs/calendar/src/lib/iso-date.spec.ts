import { DomainException, ErrorKind } from '@egov/errors';
import { CalendarErrorCode } from './calendar.exception';
import { endOfShanghaiDay, fromDayNumber, isIsoDate, shanghaiDateOf, startOfShanghaiDay, toDayNumber, weekdayOf } from './iso-date';

describe('dates in Asia/Shanghai', () => {
  it.each([
    ['2024-02-09T15:59:59.999Z', '2024-02-09'],
    ['2024-02-09T16:00:00.000Z', '2024-02-10'],
    ['2024-12-31T16:30:00.000Z', '2025-01-01'],
    ['2024-07-01T00:00:00+08:00', '2024-07-01'],
  ])('CAL-1 the instant %s falls on %s in Shanghai (UTC+8, no daylight saving)', (instant, date) => {
    expect(shanghaiDateOf(new Date(instant))).toBe(date);
  });

  it('CAL-1 a day runs from 00:00 +08:00 to the next 00:00 +08:00', () => {
    expect(startOfShanghaiDay('2024-02-10').toISOString()).toBe('2024-02-09T16:00:00.000Z');
    expect(endOfShanghaiDay('2024-02-10').toISOString()).toBe('2024-02-10T16:00:00.000Z');
    expect(shanghaiDateOf(startOfShanghaiDay('2024-02-29'))).toBe('2024-02-29');
    expect(shanghaiDateOf(new Date(endOfShanghaiDay('2024-02-29').getTime() - 1))).toBe('2024-02-29');
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-2-1', false],
    ['20240201', false],
    ['2024-02-01T00:00', false],
    ['', false],
  ])('CAL-1 %s is a date: %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it('CAL-1 day numbers round-trip and know the weekday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2024-02-04'))).toBe('2024-02-04');
    expect(weekdayOf(toDayNumber('2024-02-04'))).toBe(0);
    expect(weekdayOf(toDayNumber('1969-12-27'))).toBe(6);
  });

  it('CAL-1 rejects an impossible date or instant with a clear error', () => {
    expect(() => toDayNumber('2023-02-30', 'start')).toThrow('"2023-02-30" is not a valid date; expected YYYY-MM-DD');
    expect(() => shanghaiDateOf(new Date('nope'))).toThrow(DomainException);
    try {
      toDayNumber('2023-02-30', 'start');
    } catch (error) {
      expect(error).toMatchObject({ kind: ErrorKind.BadUserInput, code: CalendarErrorCode.InvalidDate, fields: [{ field: 'start' }] });
    }
  });
});
