import { idNumberCheckCharacter } from '../../core/staff/id-number';
import type { StaffLetterBase } from '../../core/staff/staff-letter';
import { POST_TYPES, type StaffMember } from '../../core/staff/staff-member';

/**
 * A township's invented staff of any size: names from common surnames and given-name characters,
 * window and enforcement posts among the others, departments, and valid invented ID numbers (built
 * with the standard's check character) for most of them. Deterministic, so runs compare.
 */
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红春梅海波宁浩亮飞琳晨雪婷欣怡嘉睿泽宇轩航博文佳颖子涵思远志诚'];
const POSTS = {
  window: { positions: ['便民服务中心窗口工作人员', '社保服务窗口工作人员', '不动产登记窗口工作人员'], departments: ['便民服务中心', '社会保障服务站'] },
  enforcement: { positions: ['综合行政执法队队员', '市场监管执法人员', '生态环境执法人员'], departments: ['综合行政执法队', '市场监督管理所'] },
  other: { positions: ['党政办公室科员', '经济发展办公室副主任', '社会事务办公室科员', '财政所会计'], departments: ['党政办公室', '经济发展办公室', '社会事务办公室', '财政所'] },
} as const;

export function inventedStaff(count: number): StaffMember[] {
  return Array.from({ length: count }, (_, i) => {
    const postType = POST_TYPES[i % 5 < 2 ? 0 : i % 5 < 3 ? 1 : 2] ?? 'other';
    const post = POSTS[postType];
    const given = (GIVEN[(i * 7) % GIVEN.length] ?? '') + (i % 3 === 0 ? '' : (GIVEN[(i * 11 + 3) % GIVEN.length] ?? ''));
    const first17 = `230102${1960 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    return {
      row: i + 3,
      name: (SURNAMES[i % SURNAMES.length] ?? '') + given,
      position: post.positions[i % post.positions.length] ?? '',
      department: i % 7 === 0 ? '' : (post.departments[i % post.departments.length] ?? ''),
      postType,
      ...(i % 4 === 0 ? {} : { idNumber: first17 + (idNumberCheckCharacter(first17) ?? '') }),
    };
  });
}

/** The invented township whose staff they are (its code passes the check, as the templates' does). */
export const STAFF_BASE: StaffLetterBase = {
  year: 2026,
  date: '2026-04-20',
  unit: { name: '青山县临江镇人民政府', creditCode: '11239921003582149J' },
  supervision: { phone: '0458-6123400', email: 'xinyong@linjiang.gov.cn', hotline: '12345' },
};
