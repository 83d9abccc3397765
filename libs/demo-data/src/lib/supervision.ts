import { stableId } from './stable-id';

/*
 * Supervision's demo records. The services give each record its own id, so a
 * second start finds a record again by what is unique about it (a task's
 * source, a feedback's reference, a project's code, a title in its unit).
 * Units are the demo tree's, by their stable ids. Times are counted back from
 * the seeding moment in working days on the official calendar; a record's
 * later steps in working days from its own first day ("day 0"), always
 * before the seeding day.
 */

const unit = (code: string): string => stableId(`org:${code}`);

/** The subject of the supervisor token `npm start` prints (province, SUPERVISOR + LEADER): supervisors' demo work is theirs. */
export const DEMO_SUPERVISOR_SUBJECT = 'demo-supervisor-province';

export type DemoLeaderLevel = 'PROVINCIAL' | 'CITY_COUNTY_DEPARTMENT' | 'APPROVAL' | 'ENFORCEMENT' | 'PUBLIC_SERVICE';

export interface DemoLeader {
  readonly organizationId: string;
  readonly role: 'PRINCIPAL' | 'RESPONSIBLE';
  readonly personSubject: string;
  readonly personName: string;
  /** SUP-10: the field-research quota the post carries. */
  readonly level: DemoLeaderLevel | null;
  readonly inOfficeSinceWorkingDaysAgo: number;
}

/** Principal and responsible leaders of the province, four provincial units and three city/county governments; 三亚's principal changed a month ago (新官理旧账). */
export const DEMO_LEADERS: readonly DemoLeader[] = [
  { organizationId: unit('460000-GOV'), role: 'PRINCIPAL', personSubject: 'demo-hn-gov-lin', personName: '林承志', level: 'PROVINCIAL', inOfficeSinceWorkingDaysAgo: 700 },
  { organizationId: unit('460000-GOV'), role: 'RESPONSIBLE', personSubject: 'demo-hn-gov-chen', personName: '陈海峰', level: 'PROVINCIAL', inOfficeSinceWorkingDaysAgo: 520 },
  { organizationId: unit('460000-YSHJ'), role: 'PRINCIPAL', personSubject: 'demo-hn-yshj-wang', personName: '王丽华', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 600 },
  { organizationId: unit('460000-YSHJ'), role: 'RESPONSIBLE', personSubject: 'demo-hn-yshj-huang', personName: '黄志强', level: null, inOfficeSinceWorkingDaysAgo: 400 },
  { organizationId: unit('460000-FGW'), role: 'PRINCIPAL', personSubject: 'demo-hn-fgw-zhou', personName: '周建国', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 650 },
  { organizationId: unit('460000-FGW'), role: 'RESPONSIBLE', personSubject: 'demo-hn-fgw-xing', personName: '邢开明', level: null, inOfficeSinceWorkingDaysAgo: 300 },
  { organizationId: unit('460000-SCJG'), role: 'PRINCIPAL', personSubject: 'demo-hn-scjg-lin', personName: '林晓燕', level: 'ENFORCEMENT', inOfficeSinceWorkingDaysAgo: 480 },
  { organizationId: unit('460000-SCJG'), role: 'RESPONSIBLE', personSubject: 'demo-hn-scjg-yun', personName: '云少华', level: null, inOfficeSinceWorkingDaysAgo: 260 },
  { organizationId: unit('460000-HALL'), role: 'PRINCIPAL', personSubject: 'demo-hn-hall-wu', personName: '吴敏', level: 'PUBLIC_SERVICE', inOfficeSinceWorkingDaysAgo: 350 },
  { organizationId: unit('460100-GOV'), role: 'PRINCIPAL', personSubject: 'demo-hk-gov-fu', personName: '符明远', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 560 },
  { organizationId: unit('460100-GOV'), role: 'RESPONSIBLE', personSubject: 'demo-hk-gov-li', personName: '李娜', level: null, inOfficeSinceWorkingDaysAgo: 330 },
  { organizationId: unit('460200-GOV'), role: 'PRINCIPAL', personSubject: 'demo-sy-gov-zhang', personName: '张国栋', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 900 },
  { organizationId: unit('460200-GOV'), role: 'PRINCIPAL', personSubject: 'demo-sy-gov-xing', personName: '邢志远', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 22 },
  { organizationId: unit('460200-GOV'), role: 'RESPONSIBLE', personSubject: 'demo-sy-gov-ji', personName: '吉秀兰', level: null, inOfficeSinceWorkingDaysAgo: 420 },
  { organizationId: unit('469002-GOV'), role: 'PRINCIPAL', personSubject: 'demo-qh-gov-wang', personName: '王海燕', level: 'CITY_COUNTY_DEPARTMENT', inOfficeSinceWorkingDaysAgo: 610 },
  { organizationId: unit('469002-GOV'), role: 'RESPONSIBLE', personSubject: 'demo-qh-gov-pan', personName: '潘文博', level: null, inOfficeSinceWorkingDaysAgo: 280 },
];

/** What a task shows on the leaders' dashboard once seeded and watched (SUP-3). */
export type DemoTaskStanding = 'ON_TRACK' | 'DUE_SOON' | 'MILESTONE_MISSED' | 'OVERDUE' | 'COMPLETED';

export interface DemoTask {
  readonly title: string;
  readonly sourceKind: 'SUPERIOR_DOCUMENT' | 'INSPECTION_FEEDBACK' | 'HOTLINE' | 'INTERNET_PLUS_CLUE';
  readonly sourceRef: string;
  readonly leadOrganizationId: string;
  readonly responsibleName: string;
  readonly workStandard: string;
  readonly priority: 'NORMAL' | 'URGENT';
  /** Reported to the lead unit's principal and responsible leaders on day 0 (SUP-2). */
  readonly importantDocument: boolean;
  /** Day 0: received, assigned and accepted. */
  readonly receivedWorkingDaysAgo: number;
  /** N working days after receipt (SUP-1), or a due day this many working days after the seeding day. */
  readonly deadline: { readonly workingDays: number } | { readonly dueInWorkingDays: number };
  readonly cooperating: readonly { readonly organizationId: string; readonly contributionDueDay: number; readonly contribution: { readonly onDay: number; readonly content: string } | null }[];
  readonly milestones: readonly { readonly title: string; readonly weight: number; readonly dueDay: number; readonly progress: { readonly onDay: number; readonly value: number } | null }[];
  readonly delayExplanation: { readonly onDay: number; readonly reason: string; readonly expectedInWorkingDays: number } | null;
  readonly progressReports: readonly { readonly onDay: number; readonly content: string }[];
  readonly completedOnDay: number | null;
  readonly standing: DemoTaskStanding;
}

const task = (t: Partial<DemoTask> & Pick<DemoTask, 'title' | 'sourceKind' | 'sourceRef' | 'leadOrganizationId' | 'responsibleName' | 'workStandard' | 'receivedWorkingDaysAgo' | 'deadline' | 'standing'>): DemoTask => ({
  priority: 'NORMAL',
  importantDocument: false,
  cooperating: [],
  milestones: [],
  delayExplanation: null,
  progressReports: [],
  completedOnDay: null,
  ...t,
});

/** Eleven tasks over four sources, in every standing; the twelfth comes from the demo meeting's decision. */
export const DEMO_SUPERVISION_TASKS: readonly DemoTask[] = [
  task({
    title: '推进"一件事一次办"扩面增效',
    sourceKind: 'SUPERIOR_DOCUMENT',
    sourceRef: '琼府办函〔2026〕118号',
    leadOrganizationId: unit('460000-YSHJ'),
    responsibleName: '黄志强',
    workStandard: '年内新增"一件事一次办"事项20个以上，全部实现线上一表申请、线下一窗受理',
    importantDocument: true,
    receivedWorkingDaysAgo: 12,
    deadline: { workingDays: 40 },
    cooperating: [
      { organizationId: unit('460000-SCJG'), contributionDueDay: 20, contribution: { onDay: 8, content: '已完成市场主体登记类"一件事"流程梳理，形成办事指南初稿' } },
      { organizationId: unit('460000-RSHB'), contributionDueDay: 20, contribution: null },
    ],
    milestones: [
      { title: '梳理"一件事"事项清单', weight: 0.3, dueDay: 5, progress: { onDay: 4, value: 100 } },
      { title: '上线运行并组织评估', weight: 0.7, dueDay: 38, progress: { onDay: 10, value: 40 } },
    ],
    progressReports: [{ onDay: 10, content: '首批8个"一件事"已在海易办上线试运行' }],
    standing: 'ON_TRACK',
  }),
  task({
    title: '深化工程建设项目审批制度改革',
    sourceKind: 'SUPERIOR_DOCUMENT',
    sourceRef: '琼府办〔2026〕21号',
    leadOrganizationId: unit('460100-GOV'),
    responsibleName: '李娜',
    workStandard: '社会投资项目从立项到竣工验收全流程审批时间压减至70个工作日以内',
    importantDocument: true,
    receivedWorkingDaysAgo: 10,
    deadline: { dueInWorkingDays: 2 },
    milestones: [
      { title: '完成审批流程再造', weight: 0.5, dueDay: 5, progress: { onDay: 5, value: 100 } },
      { title: '全流程压减成效评估', weight: 0.5, dueDay: 12, progress: { onDay: 8, value: 60 } },
    ],
    progressReports: [{ onDay: 8, content: '审批流程再造已完成，正在汇总各部门压减成效' }],
    standing: 'DUE_SOON',
  }),
  task({
    title: '压减企业开办环节和时间',
    sourceKind: 'INSPECTION_FEEDBACK',
    sourceRef: '国务院第十一次大督查反馈问题清单第7项',
    leadOrganizationId: unit('460200-GOV'),
    responsibleName: '吉秀兰',
    workStandard: '企业开办全流程压减至1个工作日、环节压减至2个',
    receivedWorkingDaysAgo: 15,
    deadline: { workingDays: 30 },
    cooperating: [{ organizationId: unit('460200-SCJG'), contributionDueDay: 20, contribution: { onDay: 9, content: '已梳理企业开办涉及的登记、刻章、申领发票环节' } }],
    milestones: [
      { title: '完成企业开办堵点摸排', weight: 0.4, dueDay: 6, progress: null },
      { title: '企业开办"一网通办"全面上线', weight: 0.6, dueDay: 28, progress: null },
    ],
    progressReports: [{ onDay: 12, content: '堵点摸排因机构调整延后，已重新明确牵头科室' }],
    standing: 'MILESTONE_MISSED',
  }),
  task({
    title: '12345热线反映：农贸市场电子秤计量不准',
    sourceKind: 'HOTLINE',
    sourceRef: '12345-HK-00918',
    leadOrganizationId: unit('460100-SCJG'),
    responsibleName: '海口市市场监督管理局计量科',
    workStandard: '3个工作日内完成现场核查，5个工作日内反馈处理结果并回访诉求人',
    priority: 'URGENT',
    receivedWorkingDaysAgo: 9,
    deadline: { workingDays: 5 },
    delayExplanation: { onDay: 4, reason: '涉事电子秤须送省计量测试研究院检定，检定周期超出办理时限', expectedInWorkingDays: 5 },
    progressReports: [{ onDay: 7, content: '已完成现场核查，涉事电子秤已封存送检' }],
    standing: 'OVERDUE',
  }),
  task({
    title: '清理退还超期涉企保证金',
    sourceKind: 'INTERNET_PLUS_CLUE',
    sourceRef: '互联网+督查线索 HN-DC-0042',
    leadOrganizationId: unit('469002-GOV'),
    responsibleName: '潘文博',
    workStandard: '对超期未退还的工程质量保证金、投标保证金逐笔核实，20个工作日内全部退还',
    receivedWorkingDaysAgo: 30,
    deadline: { workingDays: 20 },
    cooperating: [{ organizationId: unit('469002-SCJG'), contributionDueDay: 10, contribution: null }],
    milestones: [
      { title: '逐笔核实保证金台账', weight: 0.3, dueDay: 5, progress: { onDay: 5, value: 100 } },
      { title: '完成全部退还', weight: 0.7, dueDay: 18, progress: { onDay: 15, value: 50 } },
    ],
    progressReports: [{ onDay: 16, content: '已退还保证金37笔，其余因企业账户变更待核实' }],
    standing: 'OVERDUE',
  }),
  task({
    title: '更新社保业务"跨省通办"事项清单',
    sourceKind: 'SUPERIOR_DOCUMENT',
    sourceRef: '人社部办函〔2026〕66号',
    leadOrganizationId: unit('460000-RSHB'),
    responsibleName: '省人力资源和社会保障厅社会保险处',
    workStandard: '按人社部清单完成事项认领、办事指南更新和系统对接',
    receivedWorkingDaysAgo: 25,
    deadline: { workingDays: 20 },
    milestones: [
      { title: '完成事项认领', weight: 0.5, dueDay: 5, progress: { onDay: 4, value: 100 } },
      { title: '完成办事指南更新和系统对接', weight: 0.5, dueDay: 18, progress: { onDay: 16, value: 100 } },
    ],
    completedOnDay: 17,
    standing: 'COMPLETED',
  }),
  task({
    title: '12345热线反映：午间办事窗口无人值守',
    sourceKind: 'HOTLINE',
    sourceRef: '12345-HN-03371',
    leadOrganizationId: unit('460000-HALL'),
    responsibleName: '省政务服务中心综合科',
    workStandard: '核实情况，落实午间不间断服务并答复诉求人',
    receivedWorkingDaysAgo: 14,
    deadline: { workingDays: 10 },
    progressReports: [{ onDay: 3, content: '已调整综合窗口午间轮值表，诉求人已确认' }],
    completedOnDay: 6,
    standing: 'COMPLETED',
  }),
  task({
    title: '个体工商户注销"一网通办"办理不畅',
    sourceKind: 'INTERNET_PLUS_CLUE',
    sourceRef: '互联网+督查线索 HN-DC-0057',
    leadOrganizationId: unit('460200-SCJG'),
    responsibleName: '三亚市市场监督管理局登记注册科',
    workStandard: '打通注销登记与税务清税信息共享，实现个体工商户注销"一网通办"',
    receivedWorkingDaysAgo: 4,
    deadline: { workingDays: 25 },
    standing: 'ON_TRACK',
  }),
  task({
    title: '重点项目用地等要素保障专项行动',
    sourceKind: 'SUPERIOR_DOCUMENT',
    sourceRef: '琼府〔2026〕9号',
    leadOrganizationId: unit('460000-FGW'),
    responsibleName: '邢开明',
    workStandard: '建立省重大项目要素保障清单，按月调度、按季通报',
    importantDocument: true,
    receivedWorkingDaysAgo: 20,
    deadline: { workingDays: 45 },
    cooperating: [{ organizationId: unit('460000-ZRZY'), contributionDueDay: 30, contribution: { onDay: 12, content: '已完成首批12个项目用地预审' } }],
    milestones: [
      { title: '建立要素保障清单', weight: 0.5, dueDay: 10, progress: { onDay: 9, value: 100 } },
      { title: '完成首批项目供地', weight: 0.5, dueDay: 40, progress: null },
    ],
    progressReports: [{ onDay: 15, content: '要素保障清单已印发，首批项目按月调度' }],
    standing: 'ON_TRACK',
  }),
  task({
    title: '落实行政执法"三项制度"',
    sourceKind: 'INSPECTION_FEEDBACK',
    sourceRef: '琼府督查〔2026〕5号 第3条',
    leadOrganizationId: unit('460000-SFT'),
    responsibleName: '省司法厅行政执法协调监督处',
    workStandard: '全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度并报送落实情况',
    receivedWorkingDaysAgo: 8,
    deadline: { dueInWorkingDays: 1 },
    progressReports: [{ onDay: 5, content: '各执法部门落实情况已汇总，正在形成书面报告' }],
    standing: 'DUE_SOON',
  }),
  task({
    title: '12345热线反映：不动产登记窗口排队时间长',
    sourceKind: 'HOTLINE',
    sourceRef: '12345-SY-07712',
    leadOrganizationId: unit('460200-HALL'),
    responsibleName: '三亚市政务服务中心不动产登记窗口',
    workStandard: '增设不动产登记综合窗口，推行预约办理，平均排队时间压减至30分钟以内',
    receivedWorkingDaysAgo: 18,
    deadline: { workingDays: 24 },
    milestones: [
      { title: '增设综合窗口', weight: 0.5, dueDay: 8, progress: null },
      { title: '上线预约办理', weight: 0.5, dueDay: 20, progress: null },
    ],
    standing: 'MILESTONE_MISSED',
  }),
];

export interface DemoMeeting {
  readonly title: string;
  readonly organizationId: string;
  readonly location: string;
  readonly plannedMinutes: number;
  readonly announcedWorkingDaysAgo: number;
  /** The meeting day; its decisions are recorded that day and each task is accepted the next working day. */
  readonly heldWorkingDaysAgo: number;
  /** HH:MM on the meeting day. */
  readonly heldFrom: string;
  readonly heldUntil: string;
  readonly materials: readonly { readonly title: string; readonly attachment: string; readonly sentWorkingDaysAgo: number }[];
  readonly attendees: readonly { readonly name: string; readonly organizationId: string; readonly role: string }[];
  readonly decisions: readonly { readonly number: number; readonly content: string; readonly leadOrganizationId: string; readonly responsibleName: string; readonly cooperatingOrganizationIds: readonly string[]; readonly workingDays: number }[];
}

/** A meeting announced and prepared in time, whose decision became a task (SUP-12). */
export const DEMO_MEETING: DemoMeeting = {
  title: '省政府优化营商环境工作专题会议',
  organizationId: unit('460000-GOV'),
  location: '省政府第三会议室',
  plannedMinutes: 90,
  announcedWorkingDaysAgo: 9,
  heldWorkingDaysAgo: 6,
  heldFrom: '09:00',
  heldUntil: '10:20',
  materials: [{ title: '优化营商环境重点任务推进情况汇报', attachment: 'doc:demo/meetings/business-environment/report.pdf', sentWorkingDaysAgo: 7 }],
  attendees: [
    { name: '陈海峰', organizationId: unit('460000-GOV'), role: '主持' },
    { name: '王丽华', organizationId: unit('460000-YSHJ'), role: '汇报' },
    { name: '周建国', organizationId: unit('460000-FGW'), role: '出席' },
    { name: '林晓燕', organizationId: unit('460000-SCJG'), role: '出席' },
    { name: '符明远', organizationId: unit('460100-GOV'), role: '出席' },
  ],
  decisions: [
    {
      number: 1,
      content: '省发展改革委牵头，会同省自然资源和规划厅建立重大项目"拿地即开工"审批服务机制，20个工作日内报送实施方案',
      leadOrganizationId: unit('460000-FGW'),
      responsibleName: '周建国',
      cooperatingOrganizationIds: [unit('460000-ZRZY')],
      workingDays: 20,
    },
  ],
};

export type DemoRectificationStanding = 'CLOSED' | 'OVERDUE' | 'AWAITING_VERIFICATION' | 'OPEN';

export interface DemoRectification {
  readonly reference: string;
  readonly title: string;
  /** The inspected unit, which draws the list up. */
  readonly organizationId: string;
  /** Day 0: the feedback arrives. */
  readonly receivedWorkingDaysAgo: number;
  readonly listDrawnUpOnDay: number;
  readonly items: readonly {
    readonly problem: string;
    readonly problemCode: string;
    readonly measure: string;
    readonly organizationId: string;
    /** Due this many working days after the list is drawn up. */
    readonly workingDays: number;
    readonly evidence: { readonly onDay: number; readonly statement: string; readonly attachments: readonly string[] } | null;
    readonly verification: { readonly onDay: number; readonly note: string } | null;
    readonly standing: DemoRectificationStanding;
  }[];
}

/** Inspection feedback to 三亚 and its rectification list (SUP-7): one item closed with evidence and verification, one overdue, two open. */
export const DEMO_RECTIFICATION: DemoRectification = {
  reference: '琼府督查〔2026〕12号',
  title: '营商环境专项督查反馈问题整改',
  organizationId: unit('460200-GOV'),
  receivedWorkingDaysAgo: 30,
  listDrawnUpOnDay: 6,
  items: [
    {
      problem: '企业开办全程网办率低于全省平均水平',
      problemCode: 'YSHJ-KB-01',
      measure: '推行企业开办"一网通办"，设立帮办代办专窗',
      organizationId: unit('460200-HALL'),
      workingDays: 10,
      evidence: { onDay: 14, statement: '已设立企业开办帮办代办专窗，全程网办率提升至92%', attachments: ['doc:demo/rectification/YSHJ-KB-01/notice.pdf', 'doc:demo/rectification/YSHJ-KB-01/statistics.xlsx'] },
      verification: { onDay: 15, note: '经抽查核实，整改到位，同意销号' },
      standing: 'CLOSED',
    },
    {
      problem: '涉企行政检查事项未全部纳入"双随机、一公开"统一平台',
      problemCode: 'YSHJ-JC-03',
      measure: '全部涉企检查事项纳入统一平台，按月通报检查计划执行情况',
      organizationId: unit('460200-SCJG'),
      workingDays: 12,
      evidence: null,
      verification: null,
      standing: 'OVERDUE',
    },
    {
      problem: '不动产登记"一窗受理"未全面落实',
      problemCode: 'YSHJ-BDC-02',
      measure: '整合不动产登记、税务、住建窗口，实行一窗受理、集成办理',
      organizationId: unit('460200-HALL'),
      workingDays: 40,
      evidence: { onDay: 25, statement: '不动产登记综合窗口已于本月启用，税务、住建人员进驻', attachments: ['doc:demo/rectification/YSHJ-BDC-02/photos.zip'] },
      verification: null,
      standing: 'AWAITING_VERIFICATION',
    },
    {
      problem: '政务服务差评回访整改不及时',
      problemCode: 'YSHJ-HCP-04',
      measure: '建立差评1个工作日内回访、5个工作日内整改反馈机制',
      organizationId: unit('460200-GOV'),
      workingDays: 35,
      evidence: null,
      verification: null,
      standing: 'OPEN',
    },
  ],
};

export type DemoProjectStage = 'SITE_SELECTION' | 'APPROVAL' | 'FACTOR_GUARANTEE' | 'PLANNING' | 'CONSTRUCTION' | 'COMPLETION_ACCEPTANCE';

export interface DemoProject {
  readonly code: string;
  readonly name: string;
  readonly organizationId: string;
  readonly responsibleName: string;
  readonly responsibleSubject: string;
  readonly registeredWorkingDaysAgo: number;
  /** The stage it entered the library at, and since when. */
  readonly stage: DemoProjectStage;
  readonly stageEnteredWorkingDaysAgo: number;
  readonly advances: readonly { readonly stage: DemoProjectStage; readonly enteredWorkingDaysAgo: number; readonly note: string }[];
  /** Held in the current quarter: a visit before it would fall in a quarter the visit watch may have closed. */
  readonly visits: readonly { readonly visitedWorkingDaysAgo: number; readonly visitors: readonly string[]; readonly purpose: string; readonly outcome: string }[];
}

/** Two major projects (SUP-9): one under construction with an on-site visit by its responsible person, one at 要素保障. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    code: 'HN-ZDXM-0101',
    name: '海口江东新区综合管廊二期工程',
    organizationId: unit('460100-GOV'),
    responsibleName: '符国栋',
    responsibleSubject: 'demo-hk-project-fu',
    registeredWorkingDaysAgo: 150,
    stage: 'SITE_SELECTION',
    stageEnteredWorkingDaysAgo: 155,
    advances: [
      { stage: 'APPROVAL', enteredWorkingDaysAgo: 120, note: '省发展改革委批复可行性研究报告' },
      { stage: 'FACTOR_GUARANTEE', enteredWorkingDaysAgo: 90, note: '用地、用林手续办结' },
      { stage: 'PLANNING', enteredWorkingDaysAgo: 55, note: '取得建设工程规划许可证' },
      { stage: 'CONSTRUCTION', enteredWorkingDaysAgo: 20, note: '取得施工许可证并开工' },
    ],
    visits: [{ visitedWorkingDaysAgo: 8, visitors: ['符国栋', '海口市发展和改革委员会项目服务专员'], purpose: '现场协调管廊与市政道路交叉段施工', outcome: '明确交叉段施工时序，电力迁改两周内完成' }],
  },
  {
    code: 'HN-ZDXM-0214',
    name: '三亚崖州湾科技城深海科技创新公共平台',
    organizationId: unit('460200-GOV'),
    responsibleName: '吉承志',
    responsibleSubject: 'demo-sy-project-ji',
    registeredWorkingDaysAgo: 25,
    stage: 'APPROVAL',
    stageEnteredWorkingDaysAgo: 40,
    advances: [{ stage: 'FACTOR_GUARANTEE', enteredWorkingDaysAgo: 10, note: '用海预审已受理' }],
    visits: [],
  },
];

interface DemoIndicatorBase {
  readonly name: string;
  readonly unit: string | null;
  readonly difficulty: number;
  /** The plan indicator it counts towards (SUP-14); those are loaded from the plan's own data file. */
  readonly planIndicatorCode: string | null;
  /** Share of the plan the unit reports for each period already over: 1 keeps it on its trajectory. */
  readonly reportedShare: number;
}

export type DemoTargetIndicator =
  | (DemoIndicatorBase & { readonly kind: 'QUANTITY' | 'QUALITY'; readonly granularity: 'MONTH' | 'QUARTER'; readonly planned: readonly number[] })
  | (DemoIndicatorBase & { readonly kind: 'TIME'; readonly granularity: 'QUARTER'; /** MM-DD of the seeding year. */ readonly milestones: readonly string[] });

export interface DemoTarget {
  readonly organizationId: string;
  /** Set for the seeding year. */
  readonly title: string;
  readonly indicators: readonly DemoTargetIndicator[];
  readonly onTrajectory: boolean;
}

/** Annual targets of two units (SUP-8), split into monthly and quarterly indicators; 三亚's market regulator is off its trajectory. */
export const DEMO_TARGETS: readonly DemoTarget[] = [
  {
    organizationId: unit('460100-HALL'),
    title: '政务服务效能提升年度目标',
    indicators: [
      { name: '"一件事一次办"上线事项（累计）', kind: 'QUANTITY', granularity: 'MONTH', unit: '个', difficulty: 1.2, planIndicatorCode: 'ONE_THING_ONE_VISIT_ITEMS', planned: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24], reportedShare: 1 },
      { name: '政务服务"好差评"满意率', kind: 'QUALITY', granularity: 'QUARTER', unit: '%', difficulty: 1, planIndicatorCode: 'SATISFACTION_RATE', planned: [95, 95, 96, 96], reportedShare: 1.01 },
      { name: '综合窗口改革节点', kind: 'TIME', granularity: 'QUARTER', unit: null, difficulty: 0.8, planIndicatorCode: null, milestones: ['03-31', '06-30', '09-30', '12-15'], reportedShare: 1 },
    ],
    onTrajectory: true,
  },
  {
    organizationId: unit('460200-SCJG'),
    title: '"证照分离"改革年度目标',
    indicators: [
      { name: '"一业一证"改革行业上线数（累计）', kind: 'QUANTITY', granularity: 'MONTH', unit: '个', difficulty: 1.3, planIndicatorCode: null, planned: [2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18], reportedShare: 0.6 },
      { name: '"双随机、一公开"抽查结果公示率', kind: 'QUALITY', granularity: 'QUARTER', unit: '%', difficulty: 1, planIndicatorCode: null, planned: [90, 92, 95, 95], reportedShare: 0.85 },
    ],
    onTrajectory: false,
  },
];

export type DemoFieldResearchKind = 'RESEARCH_TOPIC' | 'FIELD_VISIT' | 'ACCOMPANY_PROCESS' | 'HOTLINE_DAY';

export interface DemoFieldResearch {
  readonly organizationId: string;
  readonly personSubject: string;
  readonly kind: DemoFieldResearchKind;
  readonly topic: string;
  readonly summary: string;
  /** Kept inside the quota period the seeding day is in: an earlier period may already be checked. */
  readonly workingDaysAgo: number;
}

/** Field research by five leaders, one of each kind the SUP-10 quotas count. */
export const DEMO_FIELD_RESEARCH: readonly DemoFieldResearch[] = [
  { organizationId: unit('460000-GOV'), personSubject: 'demo-hn-gov-chen', kind: 'RESEARCH_TOPIC', topic: '自由贸易港营商环境"堵点"专题调研', summary: '赴海口、三亚、琼海召开企业座谈会，形成堵点问题清单28条', workingDaysAgo: 25 },
  { organizationId: unit('460000-YSHJ'), personSubject: 'demo-hn-yshj-wang', kind: 'FIELD_VISIT', topic: '走访重点企业了解惠企政策兑现情况', summary: '走访企业6家，现场协调解决政策兑现问题3个', workingDaysAgo: 4 },
  { organizationId: unit('460100-GOV'), personSubject: 'demo-hk-gov-fu', kind: 'FIELD_VISIT', topic: '实地查看江东新区重点项目建设', summary: '察看项目4个，督促解决施工用电、用水问题', workingDaysAgo: 7 },
  { organizationId: unit('460000-HALL'), personSubject: 'demo-hn-hall-wu', kind: 'ACCOMPANY_PROCESS', topic: '"我陪群众走流程"：不动产登记全流程体验', summary: '陪同群众办理二手房转移登记，发现材料重复提交问题2处', workingDaysAgo: 15 },
  { organizationId: unit('460000-SCJG'), personSubject: 'demo-hn-scjg-lin', kind: 'HOTLINE_DAY', topic: '"领导12345接话日"', summary: '接听群众来电11个，现场交办3件', workingDaysAgo: 10 },
];

export interface DemoInspectionPlan {
  readonly kind: 'SUPERVISION' | 'INSPECTION' | 'ASSESSMENT';
  readonly title: string;
  readonly organizationId: string;
  readonly targetOrganizationIds: readonly string[];
  /** Days of the month that opens the next quarter: inside its window of days 1–14 (SUP-11). */
  readonly startsOnDay: number;
  readonly endsOnDay: number;
}

export const DEMO_INSPECTION_PLAN: DemoInspectionPlan = {
  kind: 'SUPERVISION',
  title: '优化营商环境季度督查',
  organizationId: unit('460000-YSHJ'),
  targetOrganizationIds: [unit('460100-GOV'), unit('460200-GOV'), unit('469002-GOV')],
  startsOnDay: 6,
  endsOnDay: 10,
};

export interface DemoExemplaryCase {
  readonly organizationId: string;
  readonly title: string;
  readonly summary: string;
  /** Kept inside the current quarter, the one it is nominated for. */
  readonly nominatedWorkingDaysAgo: number;
  readonly selection: { readonly note: string } | null;
}

/** Best practices of the current quarter (SUP-13): one selected, one awaiting selection. */
export const DEMO_EXEMPLARY_CASES: readonly DemoExemplaryCase[] = [
  {
    organizationId: unit('460100-HALL'),
    title: '"一枚印章管审批"改革',
    summary: '将分散在12个部门的审批事项集中到一个窗口办理，企业办事材料平均减少40%',
    nominatedWorkingDaysAgo: 10,
    selection: { note: '做法可复制推广，列入本季度典型案例' },
  },
  {
    organizationId: unit('469002-GOV'),
    title: '村（社区）政务服务帮办代办',
    summary: '在全市村（社区）设立帮办代办点，群众就近办理高频事项',
    nominatedWorkingDaysAgo: 3,
    selection: null,
  },
];
