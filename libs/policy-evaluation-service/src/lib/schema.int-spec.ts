import { serviceDatabaseSchema } from '@egov/runtime';
import { serviceSchemaDrift } from '@egov/testing';
import { POLICY_EVALUATION_ENTITIES, POLICY_EVALUATION_MIGRATIONS } from './policy-evaluation-service.module';

describe('policy-evaluation database schema', () => {
  it('has a migration for every entity change (migrations alone give the schema the entities describe)', async () => {
    expect(await serviceSchemaDrift(serviceDatabaseSchema(POLICY_EVALUATION_ENTITIES, POLICY_EVALUATION_MIGRATIONS))).toEqual([]);
  }, 60_000);
});
