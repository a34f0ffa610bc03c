import { describe, expect, it } from 'vitest';
import { t } from '../../../core/i18n/translate';
import { zhCN } from '../../../core/i18n/zh-cn';
import { LETTER_TABS } from '../../../renderer/app/route';

describe('messages that send the clerk to a tab', () => {
  it('name only tabs the draft view has', () => {
    const tabs = LETTER_TABS.map((tab) => t(`ui.tab.${tab}`));
    const named = Object.entries(zhCN).flatMap(([key, text]) => [...text.matchAll(/“([^”]+)”页/g)].map((m) => ({ key, tab: m[1] })));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ tab }) => !tabs.includes(tab!))).toEqual([]);
  });
});
