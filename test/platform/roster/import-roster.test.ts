import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importRoster } from '../../../platform/roster/import-roster';
import { openStore } from '../../../platform/store/open-store';
import type { PlatformStore } from '../../../platform/store/platform-store';
import { utf8Csv, xlsxFile } from '../../core/sheet/sheet-files';

const HEADER = ['单位名称', '统一社会信用代码', '所属区县', '单位类型'];
const CENTRE = ['青山县政务服务中心', '122399214012770352', '青山县', '事业单位'];
const REFORM = ['青山县发展和改革局', '112399210035830292', '青山县', '机关'];

let dataDir: string;
let store: PlatformStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pledge-roster-'));
  store = await openStore(dataDir);
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importRoster', () => {
  it('adds the good rows, then updates a known unit from a later list and adds the new one, answering the refused rows', async () => {
    expect(await importRoster(store, await xlsxFile([['名单'], HEADER, CENTRE]), '名单.xlsx')).toEqual({ added: 1, updated: 0, refused: [] });

    const renamed = ['青山县政务服务和数据管理中心', CENTRE[1]!, '青山县', '事业单位'];
    const later = await importRoster(store, utf8Csv([HEADER, renamed, REFORM, ['', '122399210035830102', '青山县', '机关']]), '名单.csv');
    expect(later).toEqual({ added: 1, updated: 1, refused: [{ row: 4, message: '第 4 行：单位名称为空。' }] });
    expect(await store.roster.list()).toEqual([
      { creditCode: REFORM[1], name: REFORM[0], district: '青山县', type: '机关' },
      { creditCode: CENTRE[1], name: renamed[0], district: '青山县', type: '事业单位' },
    ]);
  });

  it('changes nothing for a file refused as a whole', async () => {
    const outcome = await importRoster(store, new TextEncoder().encode('姓名\n王敏\n'), 'people.csv');
    expect(outcome.added + outcome.updated).toBe(0);
    expect(outcome.refused.map(({ row }) => row)).toEqual([0]);
    expect(await store.roster.list()).toEqual([]);
  });
});
