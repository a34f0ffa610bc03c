import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../core/pdf/render-letter';
import type { DocumentFonts } from '../../../core/pdf/document-fonts';
import { loadNodeDocumentFonts } from '../../../node/fonts/node-document-fonts';
import { createSubsetIds, planDrawing } from '../../../renderer/pdf/plan-canvas-drawing';
import type { PlanDrawing } from '../../../renderer/pdf/render-protocol';
import { referenceLetter } from '../../bench/reference-letter';
import { bundlePageScript, launchChromium, openScriptPage, type ServedFile } from '../../support/page-in-chromium';
import type { compare, PageAgreement, RunAgreement } from './plan-canvas-agreement.page';

/**
 * The edit preview draws a letter from its plan with the browser's text drawing (plan-canvas.ts)
 * instead of drawing its PDF with pdf.js. It may only do so while the two pictures are the same:
 * here both are drawn in Chromium at the preview's scales and compared pixel by pixel, page by
 * page and run by run, and drawings with one run moved 2 pt or set in the wrong face must fail.
 */
/** The preview's device pixels per point at a device pixel ratio of 1 and of 2 (420 CSS px for 595 pt). */
const SCALES = [420 / 595.28, 840 / 595.28];

let browser: Browser;
let pageScript: string;
let fonts: DocumentFonts;
let pdf: Uint8Array;
let drawing: PlanDrawing;

beforeAll(async () => {
  fonts = await loadNodeDocumentFonts();
  const result = await renderLetterPdf(referenceLetter(), fonts, { draft: true });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  pdf = result.bytes;
  drawing = planDrawing(result.plan, fonts, createSubsetIds(), { draft: true });
  pageScript = await bundlePageScript(join(import.meta.dirname, 'plan-canvas-agreement.page.ts'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** `pages`: compare only that many pages from the first (the broken drawings change page 1 only). */
async function agreement(shown: PlanDrawing, scale: number, pages?: number): Promise<{ pages: PageAgreement[]; runs: RunAgreement[] }> {
  const page = await browser.newPage();
  try {
    const files = new Map<string, ServedFile>([
      ['/letter.pdf', { body: Buffer.from(pdf), type: 'application/pdf' }],
      ['/drawing.json', { body: JSON.stringify({ ...shown, fonts: shown.fonts.map(({ id }) => ({ id })) }), type: 'application/json' }],
      ...shown.fonts.map(({ id, bytes }) => [`/font/${id}`, { body: Buffer.from(bytes), type: 'font/ttf' }] as const),
    ]);
    await openScriptPage(page, pageScript, 'compare', files);
    // A string, not a function: the test's transform may add helpers the page does not have.
    return (await page.evaluate(`window.compare(${scale}, ${pages ?? 'undefined'})`)) as Awaited<ReturnType<typeof compare>>;
  } finally {
    await page.close();
  }
}

/**
 * What "the same picture" means here. Two rasterisers never agree on every edge pixel (pdf.js
 * fills outlines as paths, the canvas draws glyphs), so: nearly every pixel of a page agrees, and
 * every run of text matches pdf.js's with no shift of even half a device pixel. The limits sit
 * between what the true drawing measures (run difference at most 0.17, shift at most 0.2 px) and
 * what the broken drawings below measure (0.22 and more, or a shift over 1 px).
 */
function expectAgreement({ pages, runs }: { pages: PageAgreement[]; runs: RunAgreement[] }, pageCount = drawing.pages.length): void {
  expect(pages.length).toBe(pageCount);
  for (const page of pages) {
    expect(page.inked, `page ${page.page}: share of pixels inked`).toBeGreaterThan(0.01);
    expect(page.agree, `page ${page.page}: pixels that agree`).toBeGreaterThanOrEqual(0.99);
    expect(page.inkAgree, `page ${page.page}: inked pixels that agree`).toBeGreaterThanOrEqual(0.93);
  }
  expect(runs.length).toBeGreaterThan(10 * pageCount);
  for (const run of runs) {
    const where = `page ${run.page} 「${run.text}」`;
    expect(run.difference, `${where}: difference`).toBeLessThanOrEqual(0.2);
    expect(Math.abs(run.dx), `${where}: shift across in px`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(run.dy), `${where}: shift down in px`).toBeLessThanOrEqual(0.5);
  }
}

/** The message of a failed run assertion in expectAgreement, not of anything else going wrong. */
const RUN_FAILED = /」: (difference|shift)/;

/** The drawing with the `n`-th body-sized run of page 1 changed by `change`. */
function withRun(n: number, change: (run: PlanDrawing['pages'][number]['runs'][number]) => Partial<PlanDrawing['pages'][number]['runs'][number]>, extraFonts: PlanDrawing['fonts'] = []): PlanDrawing {
  const [first, ...rest] = drawing.pages;
  if (!first) throw new Error('no pages');
  let seen = -1;
  const runs = first.runs.map((run) => (run.angle === 0 && run.grey === 0 && run.text.length > 10 && (seen += 1) === n ? { ...run, ...change(run) } : run));
  return { ...drawing, fonts: [...drawing.fonts, ...extraFonts], pages: [{ ...first, runs }, ...rest] };
}

describe('the edit preview drawn from the plan', () => {
  it.each(SCALES)('is the picture pdf.js draws of the PDF, at %f px per point', async (scale) => {
    expectAgreement(await agreement(drawing, scale));
  }, 120_000);

  it('would fail with a run drawn 2 pt off, across or down', async () => {
    for (const shift of [{ x: 2, y: 0 }, { x: 0, y: 2 }, { x: -2, y: 0 }, { x: 0, y: -2 }]) {
      const moved = withRun(3, (run) => ({ x: run.x + shift.x, y: run.y + shift.y }));
      await expect(agreement(moved, SCALES[0] as number, 1).then((figures) => expectAgreement(figures, 1)), JSON.stringify(shift)).rejects.toThrow(RUN_FAILED);
    }
  }, 120_000);

  it('would fail with a run set in the wrong face', async () => {
    const body = drawing.pages[0]?.runs.filter((run) => run.angle === 0 && run.grey === 0 && run.text.length > 10)[3];
    if (!body) throw new Error('no body run');
    // The heading face (sans) with every character of the run: a wrong face, not missing glyphs.
    const points = [...new Set([...body.text].map((c) => c.codePointAt(0) ?? 0))].sort((a, b) => a - b);
    const wrong = { id: 'wrong-face', bytes: fonts.subset(fonts.metrics.heading.faceOf(points[0] ?? 0), points) };
    const swapped = withRun(3, () => ({ font: wrong.id }), [wrong]);
    for (const scale of SCALES) await expect(agreement(swapped, scale, 1).then((figures) => expectAgreement(figures, 1))).rejects.toThrow(RUN_FAILED);
  }, 120_000);
});
