import * as fontkit from 'fontkit';
import { layoutLetter } from '../../core/layout/layout-letter';
import { renderPlan } from '../../core/pdf/render-plan';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { loadNodeDocumentFonts } from '../../node/fonts/node-document-fonts';
import { renderPlanWithPdfkit } from './pdfkit-renderer';
import { PREVIEW_DELAY_MS } from '../../renderer/pdf/preview-schedule';
import { measureListWithManyDrafts, measureTypingInLongLetter } from './editor-performance';
import { measurePreviewLatency } from './preview-latency';
import { referenceLetter } from './reference-letter';

/**
 * `npm run bench`: our PDF engine against pdfkit on the same reference letter, in one process,
 * after warm-up. It prints numbers and ratios; it never fails on a slow machine.
 * `npm run bench -- preview` (or render, editor, delivery, platform, staff; several may be named) runs only those parts.
 */
const PARTS = ['render', 'preview', 'editor', 'delivery', 'platform', 'staff'] as const;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
const runs = (part: (typeof PARTS)[number]): boolean => chosen.length === 0 || chosen.includes(part);

const WARMUP = 3;
const RUNS = 15;

async function median(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${label.padEnd(44)} median ${m.toFixed(1).padStart(7)} ms   (min ${(times[0] ?? 0).toFixed(1)}, max ${(times[times.length - 1] ?? 0).toFixed(1)})`);
  return m;
}

const fonts = runs('render') || runs('delivery') || runs('platform') ? await loadNodeDocumentFonts() : undefined;

if (fonts && runs('render')) {
  const letter = referenceLetter();
  const plan = layoutLetter(letter, fonts.metrics);
  const chars = plan.pages.flatMap((p) => p.lines.map((l) => l.text)).join('').length;
  console.log(`Reference letter: ${chars} characters on ${plan.pages.length} pages (an invented county notice as body text)\n`);

  const ours = await renderPlan(plan, fonts);
  const faces = [...fonts.faces];
  const pdfkitBuffers = Object.fromEntries(faces.map(([id, face]) => [id, Buffer.from(face.bytes)]));
  const pdfkitParsed = Object.fromEntries(faces.map(([id, face]) => [id, fontkit.create(Buffer.from(face.bytes))]));
  const theirs = await renderPlanWithPdfkit(plan, pdfkitBuffers);

  const tOurs = await median('ours: render plan (pdf-lib + hb-subset)', () => renderPlan(plan, fonts));
  const tOursAll = await median('ours: validate + layout + render', () => renderLetterPdf(letter, fonts));
  const tKit = await median('pdfkit: same plan, font files as buffers', () => renderPlanWithPdfkit(plan, pdfkitBuffers));
  const tKitParsed = await median('pdfkit: same plan, fonts parsed once', () => renderPlanWithPdfkit(plan, pdfkitParsed));

  console.log(`\nsize: ours ${ours.length} B, pdfkit ${theirs.length} B, ratio ${(ours.length / theirs.length).toFixed(2)} (target ≤ 1.0)`);
  console.log(`time: ours/pdfkit ${(tOurs / tKit).toFixed(2)} (target ≤ 0.5); against pdfkit with pre-parsed fonts ${(tOurs / tKitParsed).toFixed(2)}`);
  console.log(`      whole pipeline/pdfkit ${(tOursAll / tKit).toFixed(2)}`);
}

if (runs('preview')) {
  // The schedule before issue 14 is measured beside today's in the same run, on the same machine.
  const before = await measurePreviewLatency({ baseline: true });
  const latency = await measurePreviewLatency();
  const figures = (l: typeof latency) => `p50 ${l.p50.toFixed(0).padStart(4)} ms, p95 ${l.p95.toFixed(0).padStart(4)} ms, max ${l.max.toFixed(0).padStart(4)} ms`;
  const phases = (l: typeof latency) => l.phases.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ');
  console.log(`\npreview in Chromium, two-page letter, last keystroke → new preview drawn (target p95 ≤ 120 ms):`);
  console.log(`      before (a fixed ${PREVIEW_DELAY_MS} ms pause, every page redrawn by pdf.js): ${figures(before)}   (${phases(before)})`);
  console.log(`      now (the pause follows the render's cost, changed pages only, drawn from the page plan): ${figures(latency)}   (${phases(latency)})`);
  console.log(`      p95 now/before ${(latency.p95 / before.p95).toFixed(2)}, p50 now/before ${(latency.p50 / before.p50).toFixed(2)}`);
  const over = latency.longTasks.filter((d) => d > 50);
  console.log(`      main-thread tasks over 50 ms while typing: ${over.length}${over.length ? ` (longest ${Math.max(...over).toFixed(0)} ms)` : ''}`);
}

if (runs('editor')) {
  const list = await measureListWithManyDrafts();
  console.log(`\ndraft list with 1,000 drafts in IndexedDB (median of 7):`);
  console.log(`      first paint after page load ${list.fromNavigation.toFixed(0)} ms from navigation start (includes loading the app)`);
  console.log(`      first paint after "返回列表" ${list.fromBackButton.toFixed(0)} ms (target ≤ 200)`);
  const searchOver = list.searchLongTasks.filter((d) => d > 50);
  console.log(`      main-thread tasks over 50 ms while typing a search: ${searchOver.length}${searchOver.length ? ` (longest ${Math.max(...searchOver).toFixed(0)} ms)` : ''}`);

  const typing = await measureTypingInLongLetter();
  const typingOver = typing.longTasks.filter((d) => d > 50);
  console.log(`\ntyping in a long letter (${typing.items} items, ${typing.pages} pages), 20 characters at 80 ms:`);
  console.log(`      main-thread tasks over 50 ms: ${typingOver.length}${typingOver.length ? ` (longest ${Math.max(...typingOver).toFixed(0)} ms)` : ''} (target 0)`);
  console.log(`      input event duration p95 ${typing.inputP95.toFixed(0)} ms (events under 16 ms are not reported by Chromium)`);
}

if (fonts && runs('delivery')) {
  // Imported here: its fixtures render packages as the module loads, which other parts need not wait for.
  const { measureSync, printSync } = await import('./delivery-benchmark');
  printSync(await measureSync(fonts));
}

if (fonts && runs('platform')) {
  const { measurePlatformLoad, printPlatformLoad } = await import('./platform-load');
  printPlatformLoad(await measurePlatformLoad(fonts));
}

if (runs('staff')) {
  const { measureStaffLetters, printStaffLetters } = await import('./staff-letters-benchmark');
  printStaffLetters(await measureStaffLetters());
}
