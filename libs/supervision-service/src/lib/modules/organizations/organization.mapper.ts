import type { OrganizationEntity } from './entities/organization.entity';
import type { OrganizationModel } from './models/organization.model';

export function toOrganizationModel(entity: OrganizationEntity): OrganizationModel {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    kind: entity.kind,
    regionCode: entity.regionCode,
    parentId: entity.parentId,
  };
}
