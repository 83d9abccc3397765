import { serviceDatabaseSchema } from '@egov/runtime';
import { serviceSchemaDrift } from '@egov/testing';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from './credit-service.module';

describe('credit database schema', () => {
  it('has a migration for every entity change (migrations alone give the schema the entities describe)', async () => {
    expect(await serviceSchemaDrift(serviceDatabaseSchema(CREDIT_ENTITIES, CREDIT_MIGRATIONS))).toEqual([]);
  }, 60_000);
});
