import * as fontkit from 'fontkit';
import { letterFromTemplate, TEMPLATE_KEYS } from '../../core/letter/templates';
import { layoutLetter } from '../../core/layout/layout-letter';
import type { DocumentFonts } from '../../core/pdf/document-fonts';
import { renderLetterPdf } from '../../core/pdf/render-letter';
import { renderLetterPdfs } from '../../core/pdf/render-letters';
import { staffLetter } from '../../core/staff/staff-letter';
import { validateLetter } from '../../core/letter/validate-letter';
import { readNodeDocumentFonts } from '../../node/fonts/node-document-fonts';
import { renderPlanWithPdfkit } from './pdfkit-renderer';
import { inventedStaff, STAFF_BASE } from '../support/invented-staff';

/**
 * Issue 16 point 9: a township's 200 personal letters rendered in one process, our whole pipeline
 * (validate, check the fonts cover every character, lay out, draw) against pdfkit only drawing the
 * same 200 page plans with fonts it parsed beforehand. Each of our runs gets fonts read afresh, as
 * one `pledge render` process has, parsed before the clock starts as pdfkit's are: nothing laid
 * out or subset for the letters before it starts.
 */
export interface StaffLettersFigures {
  readonly letters: number;
  readonly byPost: Readonly<Record<string, number>>;
  /** Median over the runs, ms per letter: elapsed, and CPU time of the process (its threads too), which other work on a shared machine disturbs less. */
  readonly oursRun: Timing;
  readonly oursAlone: Timing;
  readonly pdfkit: Timing;
  readonly oursBytes: number;
  readonly aloneBytes: number;
  readonly pdfkitBytes: number;
  /** Reading and parsing the bundled fonts once, ms. */
  readonly fontLoad: Timing;
  /**
   * Peaks sampled after every letter in the run that grew the most, and the resident size when that
   * run began (the process holds both programs' fonts, and each of our runs reads its own copy
   * before it starts while the earlier copies may not be collected yet).
   */
  readonly memory: Readonly<Record<'ours' | 'pdfkit', Peak>>;
}

interface Peak {
  rss: number;
  heap: number;
  rssBefore: number;
}

export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

const LETTERS = 200;
const RUNS = 3;

export async function measureStaffLetters(count = LETTERS): Promise<StaffLettersFigures> {
  const staff = inventedStaff(count);
  const letters = staff.map((member) => staffLetter(STAFF_BASE, member));
  const byPost: Record<string, number> = {};
  for (const member of staff) byPost[member.postType] = (byPost[member.postType] ?? 0) + 1;

  const warm = await freshFonts();
  // JIT warm-up on the unit templates: every code path, none of the staff letters' paragraphs or glyphs.
  for (const key of TEMPLATE_KEYS) if (key !== 'person') for await (const _ of renderLetterPdfs([letterFromTemplate(key, { year: 2026 })], warm)) void _;

  const memory: Record<'ours' | 'pdfkit', Peak> = { ours: { rss: 0, heap: 0, rssBefore: 0 }, pdfkit: { rss: 0, heap: 0, rssBefore: 0 } };
  const phase = (): Peak => {
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heap: heapUsed, rssBefore: rss };
  };
  const sample = (into: Peak) => {
    const { rss, heapUsed } = process.memoryUsage();
    into.rss = Math.max(into.rss, rss);
    into.heap = Math.max(into.heap, heapUsed);
  };
  const keep = (program: 'ours' | 'pdfkit', run: Peak) => {
    if (run.rss - run.rssBefore >= memory[program].rss - memory[program].rssBefore) memory[program] = run;
  };

  const runTimes: Timing[] = [];
  const aloneTimes: Timing[] = [];
  let oursBytes = 0;
  let aloneBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    collect();
    const fonts = await freshFonts();
    const peak = phase();
    let bytes = 0;
    const start = clock();
    for await (const result of renderLetterPdfs(letters, fonts)) {
      if (!result.ok) throw new Error(`a staff letter was refused: ${result.problems.map((p) => p.message).join('; ')}`);
      bytes += result.bytes.length;
      sample(peak);
    }
    runTimes.push(perLetter(start, count));
    keep('ours', peak);
    oursBytes = bytes / count;

    collect();
    const alone = await freshFonts();
    bytes = 0;
    const aloneStart = clock();
    for (const letter of letters) {
      const result = await renderLetterPdf(letter, alone);
      if (!result.ok) throw new Error('a staff letter was refused');
      bytes += result.bytes.length;
    }
    aloneTimes.push(perLetter(aloneStart, count));
    aloneBytes = bytes / count;
  }

  // pdfkit draws the very plans ours drew, from fonts it parsed once; laying them out is not timed.
  const fonts = await freshFonts();
  const plans = letters.map((letter) => {
    const valid = validateLetter(letter, { allowSampleContent: true });
    if (!valid.ok) throw new Error('a staff letter is invalid');
    return layoutLetter(valid.letter, fonts.metrics);
  });
  const parsed = Object.fromEntries([...fonts.faces].map(([id, face]) => [id, fontkit.create(Buffer.from(face.bytes))]));
  for (const plan of plans.slice(0, 5)) await renderPlanWithPdfkit(plan, parsed);
  const kitTimes: Timing[] = [];
  let pdfkitBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    collect();
    const peak = phase();
    let bytes = 0;
    const start = clock();
    for (const plan of plans) {
      bytes += (await renderPlanWithPdfkit(plan, parsed)).length;
      sample(peak);
    }
    kitTimes.push(perLetter(start, count));
    keep('pdfkit', peak);
    pdfkitBytes = bytes / count;
  }

  return { letters: count, byPost, fontLoad: median(fontLoads), oursRun: median(runTimes), oursAlone: median(aloneTimes), pdfkit: median(kitTimes), oursBytes, aloneBytes, pdfkitBytes, memory };
}

export function printStaffLetters(f: StaffLettersFigures): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const ms = (t: Timing) => `${t.wall.toFixed(1).padStart(6)} ms per letter (CPU ${t.cpu.toFixed(1).padStart(5)} ms)`;
  const posts = Object.entries(f.byPost).map(([post, n]) => `${post} ${n}`).join(', ');
  console.log(`\nstaff letters: ${f.letters} personal letters of one township (${posts}), median of ${RUNS} runs, fonts read afresh for each:`);
  console.log(`      reading and parsing the fonts, once per process (not in the figures below) ${f.fontLoad.wall.toFixed(0)} ms (CPU ${f.fontLoad.cpu.toFixed(0)} ms)`);
  console.log(`      ours, one run (validate + coverage + layout + draw, shared glyphs) ${ms(f.oursRun)}, ${kb(f.oursBytes)} per PDF (target ≤ 10 ms)`);
  console.log(`      ours, one letter at a time (renderLetterPdf)                      ${ms(f.oursAlone)}, ${kb(f.aloneBytes)} per PDF`);
  console.log(`      pdfkit, drawing the same page plans (fonts parsed once)           ${ms(f.pdfkit)}, ${kb(f.pdfkitBytes)} per PDF`);
  const ratio = (a: Timing, b: Timing) => `${(a.wall / b.wall).toFixed(2)} (CPU ${(a.cpu / b.cpu).toFixed(2)})`;
  console.log(`      ours (whole pipeline)/pdfkit (drawing only) ${ratio(f.oursRun, f.pdfkit)} (target ≤ 0.5); one run/one at a time ${ratio(f.oursRun, f.oursAlone)}`);
  const peak = (m: StaffLettersFigures['memory']['ours']) => `rss ${mb(m.rss)} (${mb(m.rssBefore)} before), heap ${mb(m.heap)}`;
  console.log(`      memory peak of the run that grew most: ours ${peak(f.memory.ours)}; pdfkit ${peak(f.memory.pdfkit)}${globalThis.gc ? '' : ' (node --expose-gc collects before each phase)'}`);
}

function clock(): Timing {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
}

function perLetter(start: Timing, count: number): Timing {
  const end = clock();
  return { wall: (end.wall - start.wall) / count, cpu: (end.cpu - start.cpu) / count };
}

/**
 * A fresh copy of the bundled fonts, read and parsed (as pdfkit's are before it is timed) but
 * nothing laid out or subset for the staff's letters yet. How long reading and parsing took is
 * kept apart: a process pays it once, whatever the number of letters.
 */
async function freshFonts(): Promise<DocumentFonts> {
  const start = clock();
  const fonts = await readNodeDocumentFonts();
  for (const id of fonts.faces.keys()) fonts.subset(id, [0x4e00]);
  for (const metrics of Object.values(fonts.metrics)) metrics.advance(0x4e00);
  fontLoads.push(perLetter(start, 1));
  return fonts;
}

const fontLoads: Timing[] = [];

function collect(): void {
  globalThis.gc?.();
}

/**
 * The median elapsed time and, apart, the median CPU time: a run's CPU time includes the JIT
 * compiling on other threads, which falls on one run or another, so the run of median elapsed
 * time may be the one that compiled most.
 */
function median(values: readonly Timing[]): Timing {
  const middle = (numbers: number[]) => numbers.sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;
  return { wall: middle(values.map((v) => v.wall)), cpu: middle(values.map((v) => v.cpu)) };
}
