import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReceiptFacts } from '../../../core/layout/layout-receipt';
import { TYPE_AREA } from '../../../core/layout/page-geometry';
import { renderReceiptPdf } from '../../../core/pdf/render-receipt';
import { documentFonts } from './fonts-fixture';
import { pdffonts, pdfinfoPages, pdfjsInfo, pdfjsPageTexts, pdftotext, qpdfCheck, squeeze } from './pdf-tools';

const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

function facts(overrides: Partial<ReceiptFacts['receipt']> = {}, unitName = '青山县政务服务中心'): ReceiptFacts {
  return {
    unitName,
    creditCode: '122399214012770352',
    year: 2026,
    receipt: { receiptId: 'R-20261201-000042', submissionId: '6f1c2b9e-4d3a-4f7e-9b21-5a8c0d7e6f12', sha256: SHA, receivedAt: '2026-12-01T06:05:00.000Z', ...overrides },
  };
}

describe('renderReceiptPdf', () => {
  it('is one A4 page that qpdf accepts, with subset document fonts', async () => {
    const { bytes } = await renderReceiptPdf(facts(), await documentFonts());
    const check = await qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
    expect(await pdfinfoPages(bytes)).toBe(1);
    const fontLines = (await pdffonts(bytes)).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fontLines.map((l) => l.split(/\s+/)[0]).sort()).toEqual(['PLEDGE+NotoSansSC-Medium', 'PLEDGE+NotoSerifSC-Bold', 'PLEDGE+NotoSerifSC-Regular']);
  });

  it('states unit, code, year, numbers, the time in Beijing time and the package hash, as poppler and pdf.js read it', async () => {
    const { bytes } = await renderReceiptPdf(facts(), await documentFonts());
    for (const text of [squeeze(await pdftotext(bytes)), squeeze((await pdfjsPageTexts(bytes)).join(''))]) {
      expect(text).toContain('政务诚信承诺书报送回执单');
      expect(text).toContain('报送单位：青山县政务服务中心');
      expect(text).toContain('统一社会信用代码：122399214012770352');
      expect(text).toContain('承诺年度：2026年度');
      expect(text).toContain('提交编号：6f1c2b9e-4d3a-4f7e-9b21-5a8c0d7e6f12');
      expect(text).toContain('回执编号：R-20261201-000042');
      expect(text).toContain('平台收到时间：2026年12月1日14:05（北京时间）');
      expect(text).toContain(`报送包SHA-256：${SHA}`);
      // Only what the platform gave: no 承诺编码 line when the receipt has none, no correction line.
      expect(text).not.toContain('承诺编码');
      expect(text).not.toContain('所更正的提交编号');
    }
  });

  it('shows the 承诺编码 and the corrected submission when the receipt carries them', async () => {
    const { bytes } = await renderReceiptPdf(facts({ commitmentCode: 'CN-QS-2026-00042', supersedes: '0b8d1e4f-1111-4222-8333-944455556666' }), await documentFonts());
    const text = squeeze(await pdftotext(bytes));
    expect(text).toContain('承诺编码：CN-QS-2026-00042');
    expect(text).toContain('所更正的提交编号：0b8d1e4f-1111-4222-8333-944455556666');
  });

  it('stays one page inside the type area with the longest unit name and every optional line', async () => {
    const longName = '青山县'.repeat(33) + '局';
    expect(longName).toHaveLength(100);
    const { bytes, plan } = await renderReceiptPdf(facts({ commitmentCode: 'CN-QS-2026-00042', supersedes: '0b8d1e4f-1111-4222-8333-944455556666' }, longName), await documentFonts());
    expect(await pdfinfoPages(bytes)).toBe(1);
    for (const run of plan.lines.flatMap((l) => l.runs)) {
      expect(run.y).toBeGreaterThanOrEqual(TYPE_AREA.bottom);
      expect(run.y).toBeLessThanOrEqual(TYPE_AREA.top);
    }
    expect(squeeze(await pdftotext(bytes))).toContain(longName);
  });

  it('gives the same bytes for the same receipt, dated when the platform received it', async () => {
    const fonts = await documentFonts();
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const [first, again] = await Promise.all([renderReceiptPdf(facts(), fonts), renderReceiptPdf(facts(), fonts)]);
    expect(hash(again.bytes)).toBe(hash(first.bytes));
    const info = await pdfjsInfo(first.bytes);
    expect(info['CreationDate']).toBe('D:20261201060500Z');
    expect(info['Title']).toBe('政务诚信承诺书报送回执单');
  });
});
