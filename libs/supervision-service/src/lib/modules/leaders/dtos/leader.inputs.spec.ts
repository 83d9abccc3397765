import { validationException } from '@egov/graphql';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppointLeaderInput } from './leader.inputs';

describe('appointLeader input', () => {
  it('LEADERS names every bad field, in Chinese and English', () => {
    const input = plainToInstance(AppointLeaderInput, { organizationId: 'unit-1', role: 'DEPUTY', personSubject: '', personName: '林海', level: 'MAYOR', startDate: '2024-02-30' });
    const error = validationException(validateSync(input));
    expect(error.kind).toBe('BAD_USER_INPUT');
    expect(error.fields.map((f) => f.field).sort()).toEqual(['level', 'organizationId', 'personSubject', 'role', 'startDate']);
    expect(error.fields.find((f) => f.field === 'role')?.message).toEqual({ zh: '应为 PRINCIPAL 或 RESPONSIBLE', en: 'must be PRINCIPAL or RESPONSIBLE' });
    expect(error.fields.find((f) => f.field === 'startDate')?.message).toEqual({ zh: '不是有效日期', en: 'is not a calendar date' });
  });

  it('LEADERS accepts a leader without a quota level', () => {
    expect(validateSync(plainToInstance(AppointLeaderInput, { organizationId: '9a1c7e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d', role: 'RESPONSIBLE', personSubject: 'hk-swj-wu', personName: '吴刚', startDate: '2024-02-29' }))).toEqual([]);
  });
});
