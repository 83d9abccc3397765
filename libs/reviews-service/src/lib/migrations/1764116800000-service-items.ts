import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The service-item catalogue (事项), seeded from the items handlings already named. */
export class ServiceItems1764116800000 implements MigrationInterface {
  name = 'ServiceItems1764116800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_item (
        code text PRIMARY KEY,
        name text NOT NULL,
        organization_id uuid NOT NULL,
        region_code char(6) NOT NULL,
        one_thing boolean NOT NULL DEFAULT false,
        province_wide boolean NOT NULL DEFAULT false,
        zero_visit boolean NOT NULL DEFAULT false,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX service_item_organization_idx ON service_item (organization_id)');
    await q.query('CREATE INDEX service_item_region_idx ON service_item (region_code)');
    await q.query(`
      INSERT INTO service_item (code, name, organization_id, region_code, registered_at)
      SELECT DISTINCT ON (item_code) item_code, item_name, organization_id, region_code, recorded_at
        FROM service_handling ORDER BY item_code, recorded_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_item');
  }
}
