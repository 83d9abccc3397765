import { insideInspectionWindow, inspectionWindowOf } from './inspection-window';

describe('the inspection window', () => {
  it('SUP-11 is days 1–14 of January, April, July and October', () => {
    expect(inspectionWindowOf('2024-11-20', 14)).toEqual({ start: '2024-10-01', end: '2024-10-14' });
    expect(inspectionWindowOf('2025-01-03', 14)).toEqual({ start: '2025-01-01', end: '2025-01-14' });
    expect(insideInspectionWindow('2025-04-01', '2025-04-14', 14)).toBe(true);
    expect(insideInspectionWindow('2025-04-08', '2025-04-10', 14)).toBe(true);
  });

  it('SUP-11 a visit in week 3, in another month, or running past the 14th is outside', () => {
    expect(insideInspectionWindow('2025-01-15', '2025-01-16', 14)).toBe(false);
    expect(insideInspectionWindow('2025-02-03', '2025-02-05', 14)).toBe(false);
    expect(insideInspectionWindow('2025-01-13', '2025-01-15', 14)).toBe(false);
    expect(insideInspectionWindow('2024-12-30', '2025-01-02', 14)).toBe(false);
  });
});
