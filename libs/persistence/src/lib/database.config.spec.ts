import { databaseUrlFor, defaultDatabaseName } from './database.config';
import { isTransientDatabaseError } from './ensure-database';
import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('service databases', () => {
  it('gives each service its own database name', () => {
    expect(defaultDatabaseName('reviews')).toBe('egov_reviews');
    expect(defaultDatabaseName('policy-evaluation')).toBe('egov_policy_evaluation');
  });

  it('replaces only the database part of the server URL', () => {
    expect(databaseUrlFor('postgres://app:pw@db.internal:6432/postgres?sslmode=require', 'egov_credit')).toBe(
      'postgres://app:pw@db.internal:6432/egov_credit?sslmode=require',
    );
  });
});

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();
  it('turns camelCase properties into snake_case columns', () => {
    expect(naming.columnName('organizationId', undefined, [])).toBe('organization_id');
    expect(naming.columnName('regionCode', undefined, ['address'])).toBe('address_region_code');
    expect(naming.tableName('SatisfactionRollup', undefined)).toBe('satisfaction_rollup');
    expect(naming.tableName('X', 'explicit_name')).toBe('explicit_name');
  });
});

describe('isTransientDatabaseError', () => {
  it.each([
    [{ code: '08006' }, true],
    [{ code: '57P01' }, true],
    [{ code: '40001' }, true],
    [{ code: '40P01' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '23505' }, false],
    [{ code: '22P02' }, false],
    [new Error('rating must be 1-5'), false],
  ])('%j → %s', (error, expected) => {
    expect(isTransientDatabaseError(error)).toBe(expected);
  });
});
