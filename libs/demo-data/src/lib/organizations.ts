import { HAINAN_CITIES_AND_COUNTIES, HAINAN_PROVINCE } from '@egov/identifiers';
import { stableId } from './stable-id';

export type DemoOrganizationKind = 'GOVERNMENT' | 'DEPARTMENT' | 'SERVICE_HALL' | 'WINDOW';

export interface DemoOrganization {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: DemoOrganizationKind;
  readonly regionCode: string;
  readonly parentId: string | null;
}

function org(code: string, name: string, kind: DemoOrganizationKind, regionCode: string, parent: DemoOrganization | null): DemoOrganization {
  return { id: stableId(`org:${code}`), code, name, kind, regionCode, parentId: parent?.id ?? null };
}

const PROVINCIAL_DEPARTMENTS: readonly [string, string][] = [
  ['YSHJ', '海南省营商环境建设厅'],
  ['SCJG', '海南省市场监督管理局'],
  ['RSHB', '海南省人力资源和社会保障厅'],
  ['FGW', '海南省发展和改革委员会'],
  ['ZRZY', '海南省自然资源和规划厅'],
  ['SFT', '海南省司法厅'],
];

function buildTree(): DemoOrganization[] {
  const province = org('460000-GOV', '海南省人民政府', 'GOVERNMENT', HAINAN_PROVINCE.code, null);
  const provincialHall = org('460000-HALL', '海南省政务服务中心', 'SERVICE_HALL', HAINAN_PROVINCE.code, province);
  const result: DemoOrganization[] = [
    province,
    ...PROVINCIAL_DEPARTMENTS.map(([code, name]) => org(`460000-${code}`, name, 'DEPARTMENT', HAINAN_PROVINCE.code, province)),
    provincialHall,
    org('460000-HALL-W01', '海南省政务服务中心 综合受理1号窗口', 'WINDOW', HAINAN_PROVINCE.code, provincialHall),
    org('460000-HALL-W02', '海南省政务服务中心 综合受理2号窗口', 'WINDOW', HAINAN_PROVINCE.code, provincialHall),
  ];
  for (const region of HAINAN_CITIES_AND_COUNTIES) {
    const government = org(`${region.code}-GOV`, `${region.name}人民政府`, 'GOVERNMENT', region.code, province);
    const hall = org(`${region.code}-HALL`, `${region.name}政务服务中心`, 'SERVICE_HALL', region.code, government);
    result.push(
      government,
      org(`${region.code}-SCJG`, `${region.name}市场监督管理局`, 'DEPARTMENT', region.code, government),
      hall,
      org(`${region.code}-HALL-W01`, `${region.name}政务服务中心 综合受理1号窗口`, 'WINDOW', region.code, hall),
      org(`${region.code}-HALL-W02`, `${region.name}政务服务中心 综合受理2号窗口`, 'WINDOW', region.code, hall),
    );
  }
  return result;
}

/** The province, its departments and service hall, and for each of the 19 cities and counties a government, a market regulator and a hall with two windows; parents always come before children. */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = buildTree();
