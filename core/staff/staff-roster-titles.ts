import { t } from '../i18n/translate';
import type { HeaderSpec } from '../sheet/sheet-header';
import { POST_TYPES, type PostType } from './staff-member';

export const STAFF_REQUIRED_FIELDS = ['name', 'position', 'postType'] as const;
/** 科室 may be blank in every row, so a sheet without the column loses nothing; 身份证号 is asked for only by some offices. */
export const STAFF_OPTIONAL_FIELDS = ['department', 'idNumber'] as const;
export type StaffField = (typeof STAFF_REQUIRED_FIELDS)[number] | (typeof STAFF_OPTIONAL_FIELDS)[number];

/**
 * The titles offices give each column, as core/sheet compares them (full-width forms, spaces, a
 * star and brackets do not matter): the template's own title first, then the variants in use.
 */
export const STAFF_HEADER: HeaderSpec<(typeof STAFF_REQUIRED_FIELDS)[number], (typeof STAFF_OPTIONAL_FIELDS)[number]> = {
  titles: {
    name: ['姓名', '人员姓名', '工作人员姓名', '职工姓名'],
    position: ['职务', '职位', '现任职务', '担任职务', '职务职级'],
    department: ['科室', '部门', '处室', '股室', '所在科室', '所在部门', '所在处室', '所在股室', '工作科室', '内设机构'],
    postType: ['岗位类别', '岗位类型', '人员类别', '人员类型', '岗位分类', '类别'],
    idNumber: ['身份证号', '身份证号码', '公民身份号码', '居民身份证号码', '身份证', '身份证件号码', '证件号码'],
  },
  required: STAFF_REQUIRED_FIELDS,
  optional: STAFF_OPTIONAL_FIELDS,
};

/** The column's title in the template's words, for messages and the template itself. */
export function staffFieldTitle(field: StaffField): string {
  const titles = {
    name: t('staff.column.name'),
    position: t('staff.column.position'),
    department: t('staff.column.department'),
    postType: t('staff.column.post-type'),
    idNumber: t('staff.column.id-number'),
  } as const;
  return titles[field];
}

/** 窗口服务, 行政执法 or 其他: the words the template and every screen use for a post type. */
export function postTypeLabel(postType: PostType): string {
  const labels = { window: t('staff.post-type.window'), enforcement: t('staff.post-type.enforcement'), other: t('staff.post-type.other') } as const;
  return labels[postType];
}

/**
 * What people write in the 岗位类别 column for each post type besides the label, once a trailing
 * 人员, 工作人员, 岗位, 岗 or 类 is dropped (窗口服务人员, 执法岗, 行政执法类, 其他人员 all name one).
 */
const POST_TYPE_WORDS: Readonly<Record<PostType, readonly string[]>> = {
  window: ['窗口', '窗口服务'],
  enforcement: ['执法', '行政执法'],
  other: ['其他', '其它', '其余', '一般', '普通'],
};

const valueKey = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s/gu, '')
    .replace(/(?:工作)?(?:人员|岗位|岗|类)$/u, '');

/** The post type a 岗位类别 cell names, or undefined when it names none of them. */
export function postTypeOfText(text: string): PostType | undefined {
  const key = valueKey(text);
  return POST_TYPES.find((postType) => [postTypeLabel(postType), ...POST_TYPE_WORDS[postType]].some((word) => valueKey(word) === key));
}
