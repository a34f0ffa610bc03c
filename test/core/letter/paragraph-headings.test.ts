import { describe, expect, it } from 'vitest';
import { paragraphHeading } from '../../../core/letter/paragraph-headings';

describe('heading levels written in a paragraph', () => {
  it('reads 一、 as the first level and （一） as the second, the whole paragraph when nothing follows', () => {
    expect(paragraphHeading('一、保障措施')).toEqual({ level: 1, end: 6 });
    expect(paragraphHeading('十二、其他')).toEqual({ level: 1, end: 5 });
    expect(paragraphHeading('（二）强化监督检查')).toEqual({ level: 2, end: 9 });
    expect(paragraphHeading('(三)半角括号也算')).toEqual({ level: 2, end: 9 });
    expect(paragraphHeading('（一）一句话的标题。')).toEqual({ level: 2, end: 10 });
  });

  it('ends a run-in heading after its first 。', () => {
    const text = '（一）加强组织领导。成立工作专班。';
    const heading = paragraphHeading(text);
    expect(heading).toEqual({ level: 2, end: 10 });
    expect(text.slice(0, heading?.end)).toBe('（一）加强组织领导。');
  });

  it('leaves 1. and （1） and ordinary text to the body face', () => {
    for (const text of ['1. 按月通报', '（1）窗口服务', '一是加强领导', '第一、', '一，不是标题', '']) expect(paragraphHeading(text)).toBeNull();
  });
});
