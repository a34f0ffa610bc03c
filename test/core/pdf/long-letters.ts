import type { Letter } from '../../../core/letter/letter-schema';
import { letterFromTemplate } from '../../../core/letter/templates';

/** A 40-character unit name: a township's office named with its province, city and district. */
export const LONG_UNIT_NAME = '黑龙江省哈尔滨市松北区松花江街道办事处青山县临江镇人民政府社区服务中心办公室一处';

/** Letters whose names, titles and posts are as long as the form allows them to be, or nearly. */
export function longLetters(): Record<string, Letter> {
  const unit = letterFromTemplate('key-task', { year: 2026 });
  const person = letterFromTemplate('person', { year: 2026 });
  if (person.kind !== 'person') throw new Error('the person template makes a personal letter');
  return {
    'long unit name and principal title': {
      ...unit,
      unit: { ...unit.unit, name: LONG_UNIT_NAME },
      principal: { name: '欧阳某某某', title: '党委书记、镇长、街道办事处主任兼社区服务中心主任' },
    },
    'long person, post and unit': {
      ...person,
      unit: { ...person.unit, name: LONG_UNIT_NAME },
      person: { ...person.person, name: '阿卜杜热合曼·买买提明', position: '青山县临江镇人民政府党委委员、副镇长兼社区服务中心主任、综合行政执法队队长、乡村振兴工作站站长' },
    },
  };
}
