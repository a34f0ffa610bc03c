import type { CategoryKey } from './categories';
import type { LetterInput } from './letter-schema';
import type { PostType } from '../staff/staff-member';

/**
 * What the templates are filled with. Units, codes, numbers and addresses are invented (青山县 is
 * a fictional county, `example.com` takes no mail, people are 某某): they show a clerk what goes
 * where and are placeholders, which the sample check (`sample-content.ts`) finds when left in.
 */

type Items = LetterInput['items'];

const UNIT_ACCOUNTABILITY = '如未按承诺兑现，我单位将主动说明情况、限期整改，并依规依纪承担相应责任。';

export const UNIT_CLOSING = `以上承诺事项，我单位将列入年度重点工作，逐项明确责任、按月调度、按季通报，主动接受社会各界监督。${UNIT_ACCOUNTABILITY}`;

/**
 * A closing with 保障措施 as run-in （一） sub-headings (paragraph-headings.ts sets them in 楷体):
 * a unit letter's first-level headings are its item categories, so its own text goes one level down.
 */
const UNIT_CLOSING_WITH_MEASURES = [
  '为确保上述承诺落到实处，我单位将采取以下保障措施：',
  '（一）加强组织领导。主要负责人牵头抓总，分管负责人分工负责，每项承诺明确责任股室、责任人和完成时限。',
  '（二）强化跟踪督办。建立承诺事项工作台账，按月调度进展、按季通报情况，对进度滞后的事项限期整改、逐项销号。',
  '（三）主动接受监督。在政府网站和政务公开栏公开承诺事项及兑现情况，畅通企业和群众反映问题的渠道。',
  UNIT_ACCOUNTABILITY,
].join('\n');

/** The opening of a unit letter; it names the unit, so a sample name left here is found as sample text. */
export function unitStatement(unit: string, focus: string): string {
  return (
    `为深入贯彻落实政务守信践诺机制，树立“依法行政、重信践诺”的政府形象，${unit}围绕${focus}，` +
    '依据自身职能职责梳理可承诺事项，郑重作出如下承诺：'
  );
}

export interface UnitTemplate {
  readonly unit: { readonly name: string; readonly creditCode: string; readonly type: string };
  readonly focus: string;
  readonly principal: { readonly name: string; readonly title: string };
  readonly phone: string;
  readonly email: string;
  readonly items: (year: number) => Items;
  /** The closing when not the common UNIT_CLOSING. */
  readonly closing?: string;
}

export const UNIT_TEMPLATES: Record<CategoryKey, UnitTemplate> = {
  'key-task': {
    unit: { name: '青山县临江镇人民政府', creditCode: '11239921003582149J', type: '乡镇人民政府' },
    focus: '县《政府工作报告》确定的重点目标任务',
    principal: { name: '王某某', title: '镇长' },
    phone: '0458-6123401',
    email: 'ljz-xinyong@example.com',
    items: (year) => [
      { category: 'key-task', content: '年内完成临江社区等3处老旧小区供水管网改造，惠及居民620户。', deadline: `${year}年10月31日前`, owner: '镇村镇建设办公室' },
      { category: 'key-task', content: '新建高标准农田2000亩，配套完成田间道路和灌排设施。', deadline: `${year}年9月30日前`, owner: '镇农业综合服务中心' },
      { category: 'key-task', content: '建成农村生活垃圾分类收集点12处，实现行政村收运全覆盖。', deadline: `${year}年8月31日前`, owner: '镇生态环境办公室' },
      { category: 'key-task', content: '新增城镇就业岗位150个，组织农村劳动力技能培训不少于300人次。', deadline: `${year}年12月31日前`, owner: '镇社会保障服务中心' },
      { category: 'service', content: '涉农补贴资金经公示无异议后10个工作日内发放到户。', deadline: '全年', owner: '镇财政所' },
    ],
  },
  policy: {
    unit: { name: '青山县发展和改革局', creditCode: '112399210035830292', type: '政府工作部门' },
    focus: '惠企利民政策兑现和招商引资承诺',
    principal: { name: '赵某某', title: '局长' },
    phone: '0458-6123422',
    email: 'fgj-xinyong@example.com',
    closing: UNIT_CLOSING_WITH_MEASURES,
    items: (year) => [
      { category: 'policy', content: '惠企政策实行“免申即享”，符合条件的企业无需申请即可享受，年内“免申即享”事项不少于10项。', deadline: `${year}年12月31日前`, owner: '政策法规股' },
      { category: 'policy', content: '涉企奖补资金审核通过后15个工作日内拨付到位，不设置额外条件。', deadline: '全年', owner: '财务股' },
      { category: 'policy', content: '对已签约招商引资项目承诺的用地、用能等配套条件，按合同约定兑现，不因政府换届、领导人员更替违约毁约。', deadline: '项目合同期内', owner: '投资促进股' },
      { category: 'policy', content: '每季度公开一次惠企政策兑现情况，接受企业和社会监督。', deadline: '每季度末', owner: '办公室' },
    ],
  },
  contract: {
    unit: { name: '青山县住房和城乡建设局', creditCode: '112399210035841794', type: '政府工作部门' },
    focus: '政府采购、招标投标、政府和社会资本合作等合同履约',
    principal: { name: '刘某某', title: '局长' },
    phone: '0458-6123433',
    email: 'zjj-xinyong@example.com',
    items: (year) => [
      { category: 'contract', content: '按合同约定30日内支付中小企业工程款，不以人员更替、内部审批为由拖延。', deadline: '全年', owner: '计划财务股' },
      { category: 'contract', content: '政府采购项目验收合格后10个工作日内完成支付，不附加合同以外的条件。', deadline: '全年', owner: '计划财务股' },
      { category: 'contract', content: '招标文件不设置限制或排斥中小企业、外地企业的不合理条件。', deadline: '全年', owner: '建筑市场管理股' },
      { category: 'contract', content: `${year}年6月30日前完成历史拖欠账款清理，建立台账并逐笔销号。`, deadline: `${year}年6月30日前`, owner: '计划财务股' },
    ],
  },
  service: {
    unit: { name: '青山县政务服务中心', creditCode: '122399214012770352', type: '事业单位' },
    focus: '政务服务事项的质量、时限、标准和效果',
    principal: { name: '陈某某', title: '主任' },
    phone: '0458-6123444',
    email: 'zwzx-xinyong@example.com',
    items: () => [
      { category: 'service', content: '受理后5个工作日内办结最低生活保障申请，材料齐全的当场受理。', deadline: '全年', owner: '社会事务窗口' },
      { category: 'service', content: '实行一次性告知，申请材料不全的一次性书面告知需补正的全部内容。', deadline: '全年', owner: '各进驻窗口' },
      { category: 'service', content: '企业开办1个工作日内办结，免费刻制首套印章。', deadline: '全年', owner: '企业开办专区' },
      { category: 'service', content: '工作日午间和周六上午提供延时错时服务，群众“好差评”差评100%回访整改。', deadline: '全年', owner: '综合服务科' },
    ],
  },
  duty: {
    unit: { name: '青山县市场监督管理局', creditCode: '112399210035856142', type: '政府工作部门' },
    focus: '执法人员和窗口服务人员履职尽责',
    principal: { name: '孙某某', title: '局长' },
    phone: '0458-6123455',
    email: 'scjg-xinyong@example.com',
    items: () => [
      { category: 'duty', content: '执法人员执法时主动出示执法证件，全程记录，严格执行行政处罚裁量基准。', deadline: '全年', owner: '法规股' },
      { category: 'duty', content: '窗口服务人员落实首问负责、限时办结和责任追究制度，不推诿、不刁难。', deadline: '全年', owner: '登记注册股' },
      { category: 'duty', content: '全体工作人员不吃拿卡要，不利用职务便利为本人或他人谋取利益。', deadline: '全年', owner: '机关党支部' },
      { category: 'duty', content: '投诉举报件1个工作日内分办，10个工作日内答复投诉人。', deadline: '全年', owner: '消费者权益保护股' },
    ],
  },
};

/** A civil servant's own letter for one kind of post: who signs the sample, the opening, the items and the closing. */
export interface PersonTemplate {
  readonly person: { readonly name: string; readonly position: string };
  readonly statement: string;
  readonly items: (year: number) => Items;
  readonly closing: string;
}

const PERSON_CLOSING = '以上承诺，请组织和群众监督。如有违反，本人自愿接受组织处理并承担相应责任。';

/**
 * The personal templates by 岗位类别 (core/staff/staff-member.ts): window and enforcement staff,
 * whom the notice asks to commit first, promise what their post is judged by; everyone else the
 * duties, discipline and integrity every post shares.
 */
export const PERSON_TEMPLATES: Readonly<Record<PostType, PersonTemplate>> = {
  window: {
    person: { name: '李某某', position: '镇便民服务中心窗口工作人员' },
    statement: '作为一名窗口服务人员，为践行“依法行政、重信践诺”，本人围绕岗位职责和服务群众要求，郑重作出如下承诺：',
    items: () => [
      { category: 'duty', content: '落实首问负责制，群众咨询、办事第一个接待的由本人负责解答或引导到位，不推诿、不说“不知道”。', deadline: '全年' },
      { category: 'duty', content: '落实一次性告知制，申请材料不全的一次性书面告知需补正的全部内容，不让群众来回跑。', deadline: '全年' },
      { category: 'duty', content: '落实限时办结制，按规定时限办理群众申请事项，材料齐全的当场受理，不拖延、不积压。', deadline: '全年' },
      { category: 'duty', content: '主动邀请办事群众参与“好差评”，差评事项逐件说明情况、限期整改。', deadline: '全年' },
    ],
    closing: PERSON_CLOSING,
  },
  enforcement: {
    person: { name: '张某某', position: '镇综合行政执法队执法队员' },
    statement: '作为一名行政执法人员，为践行“严格规范公正文明执法”，本人围绕执法职责和执法规范，郑重作出如下承诺：',
    items: (year) => [
      { category: 'duty', content: '亮证执法，执法时不少于两人，主动出示执法证件，告知当事人陈述、申辩等权利。', deadline: '全年' },
      { category: 'duty', content: '执法全过程记录，现场检查、调查取证、送达等环节使用执法记录仪，音像资料按规定保存。', deadline: '全年' },
      { category: 'duty', content: '严格执行行政处罚裁量基准，同类情形同等对待，不随意加重或减轻处罚。', deadline: '全年' },
      { category: 'duty', content: '不吃拿卡要，不接受当事人的宴请和礼品礼金，不以罚代管、不趋利执法。', deadline: '全年' },
      { category: 'duty', content: `参加执法资格和法律知识培训，${year}年内不少于40学时。`, deadline: `${year}年12月31日前` },
    ],
    closing: PERSON_CLOSING,
  },
  other: {
    person: { name: '何某某', position: '镇党政综合办公室科员' },
    statement: '作为一名公职人员，为践行“依法行政、重信践诺”，本人围绕岗位职责和工作要求，郑重作出如下承诺：',
    items: (year) => [
      { category: 'duty', content: '认真履行岗位职责，按时保质完成交办的工作任务，对经手事项负责到底。', deadline: '全年' },
      { category: 'duty', content: '严守工作纪律，遵守考勤和请销假制度，保守工作秘密，不在工作时间做与工作无关的事。', deadline: '全年' },
      { category: 'duty', content: '廉洁自律，不接受服务对象的宴请和礼品礼金，不利用职务便利为本人或他人谋取利益。', deadline: '全年' },
      { category: 'duty', content: '每年参加诚信教育和业务培训不少于24学时，持续提升履职能力。', deadline: `${year}年12月31日前` },
    ],
    closing: PERSON_CLOSING,
  },
};

/** The personal template (`letterFromTemplate('person')`): a window worker of the key-task template's township. */
export const PERSON_TEMPLATE = {
  unit: UNIT_TEMPLATES['key-task'].unit,
  phone: UNIT_TEMPLATES['key-task'].phone,
  email: UNIT_TEMPLATES['key-task'].email,
  postType: 'window',
  ...PERSON_TEMPLATES.window,
} as const;
