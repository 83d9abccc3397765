import { serviceDatabaseSchema } from '@egov/runtime';
import { serviceSchemaDrift } from '@egov/testing';
import { REVIEWS_ENTITIES, REVIEWS_MIGRATIONS } from './reviews-service.module';

describe('reviews database schema', () => {
  it('has a migration for every entity change (migrations alone give the schema the entities describe)', async () => {
    expect(await serviceSchemaDrift(serviceDatabaseSchema(REVIEWS_ENTITIES, REVIEWS_MIGRATIONS))).toEqual([]);
  }, 60_000);
});
