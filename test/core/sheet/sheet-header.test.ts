import { describe, expect, it } from 'vitest';
import { findHeader, type HeaderSpec } from '../../../core/sheet/sheet-header';

const SPEC: HeaderSpec<'name' | 'code' | 'place', 'note'> = {
  titles: { name: ['名称', '单位名称'], code: ['代码'], place: ['所属区县'], note: ['备注'] },
  required: ['name', 'code', 'place'],
  optional: ['note'],
};

describe('findHeader', () => {
  it('finds the header under title rows, in any order, with title variants folded (full width, spaces, stars, brackets)', () => {
    const rows = [['名单'], [], ['序号', ' 所属区（县）', '＊单位 名称', '代码（18 位）', '备　注：']];
    expect(findHeader(rows, SPEC)).toEqual({ found: true, index: 2, columns: { place: 1, name: 2, code: 3, note: 4 } });
  });

  it('leaves an optional field out when the header does not name it, and takes the first of two columns with one title', () => {
    expect(findHeader([['名称', '代码', '所属区县', '名称']], SPEC)).toEqual({ found: true, index: 0, columns: { name: 0, code: 1, place: 2 } });
  });

  it('names the row that has at least half of the required titles, and what it lacks', () => {
    expect(findHeader([['名单'], ['名称', '代码', '地址'], ['名称', '电话']], SPEC)).toEqual({ found: false, index: 1, missing: ['place'] });
  });

  it('answers every required field missing when no row comes close', () => {
    expect(findHeader([['名称', '电话'], [null, { number: '1' }]], SPEC)).toEqual({ found: false, missing: ['name', 'code', 'place'] });
  });
});
