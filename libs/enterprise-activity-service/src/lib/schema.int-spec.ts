import { serviceDatabaseSchema } from '@egov/runtime';
import { serviceSchemaDrift } from '@egov/testing';
import { ENTERPRISE_ACTIVITY_ENTITIES, ENTERPRISE_ACTIVITY_MIGRATIONS } from './enterprise-activity-service.module';

describe('enterprise-activity database schema', () => {
  it('has a migration for every entity change (migrations alone give the schema the entities describe)', async () => {
    expect(await serviceSchemaDrift(serviceDatabaseSchema(ENTERPRISE_ACTIVITY_ENTITIES, ENTERPRISE_ACTIVITY_MIGRATIONS))).toEqual([]);
  }, 60_000);
});
