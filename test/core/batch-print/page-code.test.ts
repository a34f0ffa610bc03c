import { describe, expect, it } from 'vitest';
import { BATCH_KEY_LENGTH, batchKeyOf, encodePageCode, parsePageCode, type PageCode } from '../../../core/batch-print/page-code';
import { coverPageCount, printSequence } from '../../../core/batch-print/print-sequence';

describe('page codes', () => {
  it('derive a six-character batch key from the batch id, the same for the same id', () => {
    const key = batchKeyOf('6f1c2b9e-4d3a-4f7e-9b21-5a8c0d7e6f12');
    expect(key).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${BATCH_KEY_LENGTH}}$`));
    expect(batchKeyOf('6f1c2b9e-4d3a-4f7e-9b21-5a8c0d7e6f12')).toBe(key);
    const keys = new Set(Array.from({ length: 200 }, (_, i) => batchKeyOf(`batch-${i}`)));
    expect(keys.size).toBe(200);
  });

  it('read back what they write, for every kind of page', () => {
    const codes: PageCode[] = [
      { kind: 'letter', batchKey: '7K2QMX', letterNo: 12, page: 1, pages: 2 },
      { kind: 'letter', batchKey: '7K2QMX', letterNo: 150, page: 3, pages: 3 },
      { kind: 'cover', batchKey: '7K2QMX', page: 2, pages: 8 },
      { kind: 'blank', batchKey: '7K2QMX', after: 0 },
      { kind: 'blank', batchKey: '7K2QMX', after: 17 },
    ];
    for (const code of codes) expect(parsePageCode(encodePageCode(code))).toEqual(code);
    expect(encodePageCode(codes[0] as PageCode)).toBe('PD1-7K2QMX-12-1-2');
    // The QR alphanumeric set (digits, capitals, "-"), and short enough for a version 1 symbol (20 characters at level M).
    for (const code of codes) expect(encodePageCode(code)).toMatch(/^[0-9A-Z-]{1,20}$/);
  });

  it.each([
    'PD2-7K2QMX-12-1-2',
    'pd1-7k2qmx-12-1-2',
    'PD1-7K2QM-12-1-2',
    'PD1-7K2QMI-12-1-2',
    'PD1-7K2QMX-12-3-2',
    'PD1-7K2QMX-0-1-2',
    'PD1-7K2QMX-12-0-2',
    'PD1-7K2QMX-012-1-2',
    'PD1-7K2QMX-12-1-2 ',
    'PD1-7K2QMX-12-1',
    'PD1-7K2QMX-C-3-2',
    'PD1-7K2QMX-B-01',
    'PD1-7K2QMX-B',
    'https://example.gov.cn/pay?PD1-7K2QMX-12-1-2',
    '',
  ])('refuse %j', (text) => {
    expect(parsePageCode(text)).toBeUndefined();
  });
});

describe('printSequence', () => {
  it('starts every letter on an odd page, with blank pages after the cover and after odd letters but the last', () => {
    const sequence = printSequence('7K2QMX', [2, 1, 3, 1]).map(encodePageCode);
    expect(sequence).toEqual([
      'PD1-7K2QMX-C-1-1',
      'PD1-7K2QMX-B-0',
      'PD1-7K2QMX-1-1-2',
      'PD1-7K2QMX-1-2-2',
      'PD1-7K2QMX-2-1-1',
      'PD1-7K2QMX-B-2',
      'PD1-7K2QMX-3-1-3',
      'PD1-7K2QMX-3-2-3',
      'PD1-7K2QMX-3-3-3',
      'PD1-7K2QMX-B-3',
      'PD1-7K2QMX-4-1-1',
    ]);
    sequence.forEach((text, i) => {
      if (/-\d+-1-\d+$/.test(text)) expect(i % 2, text).toBe(0);
    });
  });

  it('lists twenty letters a cover page, and needs no blank after an even cover', () => {
    expect([1, 20, 21, 40, 41, 150].map(coverPageCount)).toEqual([1, 1, 2, 2, 3, 8]);
    const sequence = printSequence('7K2QMX', Array.from({ length: 21 }, () => 2));
    expect(sequence.slice(0, 3).map(encodePageCode)).toEqual(['PD1-7K2QMX-C-1-2', 'PD1-7K2QMX-C-2-2', 'PD1-7K2QMX-1-1-2']);
  });
});
