import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../platform/coverage/compute-coverage';
import { dashboardPage, liveSections, type DashboardView } from '../../../platform/dashboard/dashboard-page';
import { loginPage } from '../../../platform/dashboard/login-page';
import { missingXlsx } from '../../../platform/dashboard/missing-xlsx';
import { yearFulfilment } from '../../../platform/progress/unit-fulfilment';
import type { RosterUnit, StoredSubmission } from '../../../platform/store/platform-store';

const SERVICE: RosterUnit = { creditCode: '122399214012770352', name: '青山县政务服务中心', district: '青山县', type: '事业单位' };
const REFORM: RosterUnit = { creditCode: '112399210035830292', name: '青山县发展和改革局<script>', district: '青山县', type: '机关' };
/** An all-digit code: a spreadsheet that took it for a number would show 1.12399E+17. */
const RIVER: RosterUnit = { creditCode: '112399220035840134', name: '绿水区财政局', district: '', type: '机关' };

const submission = (overrides: Partial<StoredSubmission>): StoredSubmission => ({
  receiptId: 'r',
  submissionId: '0b7e6f52-3c1d-4a8e-9f2b-5d6c7e8f9a0b',
  sha256: '0'.repeat(64),
  receivedAt: '2026-04-21T01:30:00.000Z',
  unitName: SERVICE.name,
  creditCode: SERVICE.creditCode,
  year: 2026,
  size: 1,
  kind: 'unit',
  letterDate: '2026-04-20',
  ...overrides,
});

const ORIGINAL = submission({ supersededBy: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e', commitmentCode: '23990020260420000001', publishedAt: '2026-04-22T00:00:00.000Z' });
const CORRECTION = submission({ submissionId: '6d1f2c3b-8a7e-4f60-b5d4-c3b2a1908f7e', supersedes: ORIGINAL.submissionId, receivedAt: '2026-04-23T01:30:00.000Z' });
const PERSONAL = submission({ submissionId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', kind: 'person', personName: '张三', creditCode: REFORM.creditCode, unitName: REFORM.name });

function view(today = '2026-04-25'): DashboardView {
  const submissions = [ORIGINAL, CORRECTION, PERSONAL];
  return {
    coverage: computeCoverage({ roster: [SERVICE, REFORM, RIVER], submissions, year: 2026, today }),
    fulfilment: yearFulfilment({ roster: [SERVICE, REFORM, RIVER], submissions, reports: [], year: 2026 }),
    withoutYearEnd: 2,
    letters: [
      { submission: ORIGINAL, signed: [{ n: 1, type: 'image/png' }, { n: 2, type: 'application/pdf' }] },
      { submission: CORRECTION, signed: [{ n: 1, type: 'image/jpeg' }] },
      { submission: PERSONAL, signed: undefined },
    ],
    office: '青山市社会信用体系建设办公室',
    basePath: '/pledge',
    csrf: 'csrf-token-of-the-session',
    liveMs: 3000,
  };
}

const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the dashboard page', () => {
  const document = dashboardPage(view(), 'v1');

  it('says the totals and each group’s figures as text beside its bar', () => {
    expect(text(document)).toContain('名单内 3 个单位，已承诺 1 个，未承诺 2 个，完成率 33%。');
    expect(document).toMatch(/<th scope="row">青山县<\/th><td><span class="bar" aria-hidden="true"><span class="p50"><\/span><\/span><\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num">1<\/td><td class="num">50%<\/td>/);
    expect(text(document)).toContain('（未填写）');
  });

  it('escapes what came from the roster or a letter', () => {
    expect(document).not.toContain('<script>');
    expect(document).toContain('青山县发展和改革局&lt;script&gt;');
  });

  it('lists the missing units with the export link', () => {
    expect(document).toContain('href="/pledge/dashboard/missing.xlsx?year=2026"');
    expect(text(liveSections(view()).missing.html)).toContain('未承诺单位（2 个）');
  });

  it('marks corrections and superseded letters, names the person of a personal letter, and links every file', () => {
    const letters = text(liveSections(view()).letters.html);
    expect(letters).toContain('已被更正');
    expect(letters).toContain('更正件');
    expect(letters).toContain('个人承诺：张三');
    expect(letters).toContain('23990020260420000001');
    expect(letters).toContain('报送包文件缺失');
    expect(document).toContain(`href="/pledge/dashboard/letters/${ORIGINAL.submissionId}/letter.pdf"`);
    expect(document).toContain(`href="/pledge/dashboard/letters/${ORIGINAL.submissionId}/signed/2"`);
  });

  it('offers 撤回 for a published letter and 发布 for the others, each form with the session’s CSRF token', () => {
    const forms = [...document.matchAll(/<form[^>]*method="post"[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
    expect(forms.length).toBe(5); // logout, three letters, roster
    for (const form of forms) expect(form).toContain('name="csrf" value="csrf-token-of-the-session"');
    expect(document).toContain('aria-label="撤回 青山县政务服务中心 的承诺书"');
    expect(document.match(/>发布<\/button>/g)).toHaveLength(2);
    expect(document).toContain('enctype="multipart/form-data"');
  });

  it('words the days left honestly before, on and after each date', () => {
    const deadlines = (today: string) => text(liveSections(view(today)).overview.html);
    expect(deadlines('2026-04-25')).toContain('还有 6 天');
    expect(deadlines('2026-05-01')).toContain('5 月 1 日前完成承诺并上传：今天截止');
    expect(deadlines('2026-05-03')).toContain('5 月 1 日前完成承诺并上传：已过期 2 天');
  });

  it('loads its script and style from the platform and works as plain HTML', () => {
    expect(document).toContain('<script src="/pledge/dashboard/assets/live.js" defer></script>');
    expect(document).toContain('<link rel="stylesheet" href="/pledge/dashboard/assets/dashboard.css">');
    expect(document).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
  });

  it('asks for the token on a login page with a labelled password field', () => {
    const login = loginPage({ basePath: '/pledge', office: '青山市社会信用体系建设办公室' });
    expect(login).toContain('<label for="token">管理令牌</label>');
    expect(login).toContain('action="/pledge/dashboard/login"');
    expect(login).toContain('type="password"');
  });
});

describe('the missing list as .xlsx', () => {
  it('reads back, by another library, with the four columns as text', async () => {
    const rows = await readSheet(await missingXlsx(view().coverage));
    expect(rows).toEqual([
      ['单位名称', '统一社会信用代码', '所属区县', '单位类型'],
      [REFORM.name, REFORM.creditCode, '青山县', '机关'],
      [RIVER.name, RIVER.creditCode, null, '机关'],
    ]);
  });
});
