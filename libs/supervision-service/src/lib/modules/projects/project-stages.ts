import { nextPeriod, periodContaining } from '@egov/calendar';

/** SUP-9: the stages of a major project, in the only order it may pass them. */
export const PROJECT_STAGES = ['SITE_SELECTION', 'APPROVAL', 'FACTOR_GUARANTEE', 'PLANNING', 'CONSTRUCTION', 'COMPLETION_ACCEPTANCE'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_NAMES: Readonly<Record<ProjectStage, string>> = {
  SITE_SELECTION: '选址',
  APPROVAL: '立项',
  FACTOR_GUARANTEE: '要素保障',
  PLANNING: '规划',
  CONSTRUCTION: '施工',
  COMPLETION_ACCEPTANCE: '竣工验收',
};

/** The stage after `stage`, or null after 竣工验收. */
export function nextStage(stage: ProjectStage): ProjectStage | null {
  return PROJECT_STAGES[PROJECT_STAGES.indexOf(stage) + 1] ?? null;
}

export interface GuideStep {
  readonly title: string;
  readonly materials: readonly string[];
  readonly note?: string | null;
}

/** The full-process guide (全流程服务指南) every project starts from; each project edits its own copy. */
export const DEFAULT_PROJECT_GUIDE: Readonly<Record<ProjectStage, readonly GuideStep[]>> = {
  SITE_SELECTION: [{ title: '选址论证与用地预审', materials: ['项目选址论证报告', '建设项目用地预审与选址意见书'] }],
  APPROVAL: [{ title: '项目审批、核准或备案', materials: ['项目建议书', '可行性研究报告', '项目审批（核准、备案）文件'] }],
  FACTOR_GUARANTEE: [{ title: '用地、用林、用海、能耗及资金等要素保障', materials: ['用地批准文件', '使用林地审核同意书', '节能审查意见', '资金落实证明'] }],
  PLANNING: [{ title: '规划许可与施工图审查', materials: ['建设用地规划许可证', '建设工程规划许可证', '施工图审查合格书'] }],
  CONSTRUCTION: [{ title: '施工许可与开工建设', materials: ['建筑工程施工许可证', '工程质量安全监督手续'] }],
  COMPLETION_ACCEPTANCE: [{ title: '竣工验收及备案', materials: ['竣工验收报告', '竣工验收备案表', '不动产登记资料'] }],
};

/** The first day of the quarter of a YYYY-MM-DD day. */
export function quarterStartOf(day: string): string {
  return periodContaining('QUARTER', day).first;
}

/** The first day of the quarter after the one starting on `start`. */
export function nextQuarterStart(start: string): string {
  return nextPeriod(periodContaining('QUARTER', start)).first;
}

/** YYYY-Qn for the quarter starting on `start`. */
export function quarterLabel(start: string): string {
  return periodContaining('QUARTER', start).label;
}

/** The first quarter a project registered on `day` answers for: the one it was registered in if that was its first day, else the next. */
export function firstTrackedQuarter(day: string): string {
  const start = quarterStartOf(day);
  return start === day ? start : nextQuarterStart(start);
}
