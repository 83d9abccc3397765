export interface DemoServiceItem {
  readonly code: string;
  readonly name: string;
  /** 一件事一次办 */
  readonly oneThingOnce: boolean;
  /** 全省通办 */
  readonly provinceWide: boolean;
  /** 零跑动 */
  readonly zeroVisit: boolean;
}

export const DEMO_SERVICE_ITEMS: readonly DemoServiceItem[] = [
  { code: 'HN-QYKB-001', name: '企业开办（设立登记、公章刻制、发票申领、社保登记）', oneThingOnce: true, provinceWide: true, zeroVisit: true },
  { code: 'HN-GTGS-002', name: '个体工商户设立登记', oneThingOnce: false, provinceWide: true, zeroVisit: true },
  { code: 'HN-SBK-003', name: '社会保障卡申领', oneThingOnce: false, provinceWide: true, zeroVisit: false },
  { code: 'HN-BDC-004', name: '不动产转移登记', oneThingOnce: true, provinceWide: false, zeroVisit: false },
  { code: 'HN-SPJY-005', name: '食品经营许可', oneThingOnce: false, provinceWide: true, zeroVisit: true },
  { code: 'HN-GCGH-006', name: '建设工程规划许可证核发', oneThingOnce: false, provinceWide: false, zeroVisit: false },
  { code: 'HN-CSYZ-007', name: '出生一件事（出生医学证明、户口登记、医保参保、社保卡）', oneThingOnce: true, provinceWide: true, zeroVisit: true },
];
