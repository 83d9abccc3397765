import { stableId } from './stable-id';

export interface DemoPolicy {
  readonly id: string;
  readonly documentNumber: string;
  readonly title: string;
  readonly kind: 'NORMATIVE_DOCUMENT' | 'MAJOR_DECISION' | 'BENEFIT_POLICY';
  readonly issuingOrganizationId: string;
  readonly regionCode: string;
  readonly issuedOn: string;
}

const PROVINCE = stableId('org:460000-GOV');

/** The plan the platform implements, and the policies its rules cite. */
export const DEMO_POLICIES: readonly DemoPolicy[] = [
  { id: stableId('policy:琼府〔2023〕34号'), documentNumber: '琼府〔2023〕34号', title: '海南省人民政府关于印发海南省建设效能政府行动方案的通知', kind: 'NORMATIVE_DOCUMENT', issuingOrganizationId: PROVINCE, regionCode: '460000', issuedOn: '2023-10-11' },
  { id: stableId('policy:琼府办〔2020〕14号'), documentNumber: '琼府办〔2020〕14号', title: '海南省政务服务"好差评"制度实施办法', kind: 'NORMATIVE_DOCUMENT', issuingOrganizationId: PROVINCE, regionCode: '460000', issuedOn: '2020-03-20' },
  { id: stableId('policy:琼府〔2023〕惠企-01'), documentNumber: '琼府〔2023〕惠企-01', title: '海南自由贸易港惠企政策"免申即享"兑现清单', kind: 'BENEFIT_POLICY', issuingOrganizationId: PROVINCE, regionCode: '460000', issuedOn: '2023-06-01' },
];
