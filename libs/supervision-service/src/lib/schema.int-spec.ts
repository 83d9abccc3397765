import { serviceDatabaseSchema } from '@egov/runtime';
import { serviceSchemaDrift } from '@egov/testing';
import { SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS } from './supervision-service.module';

describe('supervision database schema', () => {
  it('has a migration for every entity change (migrations alone give the schema the entities describe)', async () => {
    expect(await serviceSchemaDrift(serviceDatabaseSchema(SUPERVISION_ENTITIES, SUPERVISION_MIGRATIONS))).toEqual([]);
  }, 60_000);
});
