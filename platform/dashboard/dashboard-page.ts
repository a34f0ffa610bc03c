import { formatBeijingTime } from '../../core/i18n/beijing-time';
import { YEAR_RANGE } from '../../core/letter/letter-schema';
import type { Coverage, CoverageGroup } from '../../core/protocol/reference-protocol';
import { t } from '../i18n/translate';
import type { StoredSubmission } from '../store/platform-store';
import { html, page, type Html } from '../web/html';
import type { SignedCopy } from '../packages/stored-package';
import type { YearFulfilment } from '../progress/unit-fulfilment';
import { fulfilmentSection } from './fulfilment-section';

/** A letter as the dashboard lists it: the stored submission and its signed copies (undefined when the package file is missing). */
export interface DashboardLetter {
  readonly submission: StoredSubmission;
  readonly signed: readonly SignedCopy[] | undefined;
}

/** What a roster upload came to, shown above the upload form. */
export type RosterOutcome =
  | { readonly added: number; readonly updated: number; readonly refused: readonly { readonly row: number; readonly message: string }[] }
  | { readonly problem: string };

export interface DashboardView {
  readonly coverage: Coverage;
  /** The year's fulfilment per unit, as GET /coverage answers it. */
  readonly fulfilment: YearFulfilment;
  /** Letters in force without a year-end report, which the fulfilment records leave out. */
  readonly withoutYearEnd: number;
  readonly letters: readonly DashboardLetter[];
  /** The receiving office's name. */
  readonly office: string;
  readonly basePath: string;
  /** The session's CSRF token, in every form that posts. */
  readonly csrf: string;
  readonly rosterOutcome?: RosterOutcome;
  /** How often the live script asks for news. */
  readonly liveMs: number;
}

export type LiveSection = 'overview' | 'district' | 'type' | 'missing' | 'outside' | 'fulfilment' | 'letters';

/** The parts of the page the live script replaces, by `data-live` name; the same markup a refresh gives. */
export function liveSections(view: DashboardView): Record<LiveSection, Html> {
  return {
    overview: overview(view.coverage),
    district: groupTable('by-district-title', t('platform.dashboard.byDistrict'), t('platform.dashboard.district'), view.coverage.byDistrict),
    type: groupTable('by-type-title', t('platform.dashboard.byType'), t('platform.dashboard.type'), view.coverage.byType),
    missing: missing(view),
    outside: outside(view.coverage),
    fulfilment: fulfilmentSection({ fulfilment: view.fulfilment, year: view.coverage.year, basePath: view.basePath, withoutYearEnd: view.withoutYearEnd }),
    letters: letters(view),
  };
}

export function dashboardPage(view: DashboardView, version: string): string {
  const base = `${view.basePath}/dashboard`;
  const year = view.coverage.year;
  const sections = liveSections(view);
  const live = (name: LiveSection, id: string) => html`<section id="${id}" aria-labelledby="${id}-title" data-live="${name}">${sections[name]}</section>`;
  const body = html`<header><div><h1>${t('platform.dashboard.title', { year })}</h1><p class="muted">${t('platform.dashboard.office', { name: view.office })}</p></div>
<form method="post" action="${base}/logout"><input type="hidden" name="csrf" value="${view.csrf}"><button type="submit">${t('platform.dashboard.logout')}</button></form></header>
<main data-live-url="${base}/live?year=${year}" data-live-ms="${view.liveMs}" data-live-version="${version}">
<form method="get" action="${base}"><label for="year">${t('platform.dashboard.yearLabel')}</label> <input id="year" name="year" type="number" min="${YEAR_RANGE.min}" max="${YEAR_RANGE.max}" value="${year}"> <button type="submit">${t('platform.dashboard.showYear')}</button></form>
<p class="muted">${t('platform.dashboard.liveNote')}</p>
${live('overview', 'overview')}${live('district', 'by-district')}${live('type', 'by-type')}${live('missing', 'missing')}${live('outside', 'outside')}${live('fulfilment', 'fulfilment')}${live('letters', 'letters')}
${rosterSection(view)}
<div id="live-status" class="visually-hidden" role="status" aria-live="polite"></div>
</main>
<script src="${base}/assets/live.js" defer></script>`;
  return page({ title: t('platform.dashboard.title', { year }), head: stylesheet(view.basePath), body });
}

export function stylesheet(basePath: string): Html {
  return html`<link rel="stylesheet" href="${basePath}/dashboard/assets/dashboard.css">`;
}

/** Floored, so a group one unit short of all never reads 100 %. */
const percent = (rate: number) => Math.floor(rate * 100);

function overview(coverage: Coverage): Html {
  const { totals } = coverage;
  const [may, august] = coverage.deadlines;
  return html`<h2 id="overview-title">${t('platform.dashboard.overview')}</h2>
<p id="totals">${totals.units === 0 ? t('platform.dashboard.noRoster') : t('platform.dashboard.totals', { total: totals.units, count: totals.committed, rest: totals.missing, percent: percent(totals.rate) })}</p>
<ul class="deadlines">${[deadline(t('platform.dashboard.deadlineMay'), may!.daysLeft), deadline(t('platform.dashboard.deadlineAugust'), august!.daysLeft)].map((line) => html`<li>${line}</li>`)}</ul>`;
}

function deadline(what: string, daysLeft: number): string {
  if (daysLeft > 0) return t('platform.dashboard.daysLeft', { what, n: daysLeft });
  return daysLeft === 0 ? t('platform.dashboard.dueToday', { what }) : t('platform.dashboard.daysPassed', { what, n: -daysLeft });
}

const groupName = (name: string) => (name.trim() === '' ? t('platform.dashboard.unset') : name);

function groupTable(id: string, title: string, column: string, groups: readonly CoverageGroup[]): Html {
  return html`<h2 id="${id}">${title}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${column}</th><th scope="col">${t('platform.dashboard.progress')}</th><th scope="col">${t('platform.dashboard.committed')}</th><th scope="col">${t('platform.dashboard.units')}</th><th scope="col">${t('platform.dashboard.missing')}</th><th scope="col">${t('platform.dashboard.rate')}</th></tr></thead>
<tbody>${groups.map(
    (group) => html`<tr><th scope="row">${groupName(group.name)}</th><td><span class="bar" aria-hidden="true"><span class="p${percent(group.rate)}"></span></span></td><td class="num">${group.committed}</td><td class="num">${group.units}</td><td class="num">${group.missing}</td><td class="num">${t('platform.dashboard.percent', { percent: percent(group.rate) })}</td></tr>`,
  )}</tbody></table></div>`;
}

function missing(view: DashboardView): Html {
  const { missing: units, year } = view.coverage;
  const header = html`<h2 id="missing-title">${t('platform.dashboard.missingList', { count: units.length })}</h2>`;
  // Beside the missing list's export whether or not anything is missing: the records are of the letters that came.
  const records = html`<a href="${view.basePath}/records?year=${year}" download>${t('platform.records.export')}</a> <small>${t('platform.records.exportNote')}</small>`;
  if (units.length === 0) return html`${header}<p>${view.coverage.totals.units === 0 ? t('platform.dashboard.noRoster') : t('platform.dashboard.noneMissing')}</p><p>${records}</p>`;
  return html`${header}<p><a href="${view.basePath}/dashboard/missing.xlsx?year=${year}" download>${t('platform.dashboard.export')}</a> ${records}</p>
<div class="table-wrap"><table><thead><tr><th scope="col">${t('platform.dashboard.unitName')}</th><th scope="col">${t('platform.dashboard.creditCode')}</th><th scope="col">${t('platform.dashboard.district')}</th><th scope="col">${t('platform.dashboard.type')}</th></tr></thead>
<tbody>${units.map((unit) => html`<tr><td>${unit.name}</td><td>${unit.creditCode}</td><td>${groupName(unit.district)}</td><td>${groupName(unit.type)}</td></tr>`)}</tbody></table></div>`;
}

function outside(coverage: Coverage): Html {
  const header = html`<h2 id="outside-title">${t('platform.dashboard.outside', { count: coverage.outsideRoster.length })}</h2>`;
  if (coverage.outsideRoster.length === 0) return header;
  return html`${header}<div class="table-wrap"><table><thead><tr><th scope="col">${t('platform.dashboard.unitName')}</th><th scope="col">${t('platform.dashboard.creditCode')}</th><th scope="col">${t('platform.dashboard.outsideLetters')}</th></tr></thead>
<tbody>${coverage.outsideRoster.map((unit) => html`<tr><td>${unit.name}</td><td>${unit.creditCode}</td><td class="num">${unit.letters}</td></tr>`)}</tbody></table></div>`;
}

function letters(view: DashboardView): Html {
  const header = html`<h2 id="letters-title">${t('platform.dashboard.letters', { count: view.letters.length })}</h2>`;
  if (view.letters.length === 0) return html`${header}<p>${t('platform.dashboard.noLetters')}</p>`;
  // By unit, then as received: a unit's original and its corrections stand together.
  const sorted = [...view.letters].sort((a, b) => compare(a.submission.unitName, b.submission.unitName) || compare(a.submission.creditCode, b.submission.creditCode));
  return html`${header}<div class="table-wrap"><table><thead><tr>${[
    'platform.dashboard.unit',
    'platform.dashboard.letter',
    'platform.dashboard.letterDate',
    'platform.dashboard.commitmentCode',
    'platform.dashboard.receivedAt',
    'platform.dashboard.state',
    'platform.dashboard.files',
    'platform.dashboard.column',
  ].map((key) => html`<th scope="col">${t(key as Parameters<typeof t>[0])}</th>`)}</tr></thead>
<tbody>${sorted.map((letter) => letterRow(view, letter))}</tbody></table></div>`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function letterRow(view: DashboardView, { submission: s, signed }: DashboardLetter): Html {
  const files = `${view.basePath}/dashboard/letters/${encodeURIComponent(s.submissionId)}`;
  const kind = s.kind === 'unit' ? t('platform.dashboard.kindUnit') : t('platform.dashboard.kindPerson', { name: s.personName ?? '' });
  const states = [s.supersedes === undefined ? undefined : t('platform.dashboard.correction'), s.supersededBy === undefined ? undefined : t('platform.dashboard.superseded')].filter((x) => x !== undefined);
  const fileLinks =
    signed === undefined
      ? html`${t('platform.dashboard.packageGone')}`
      : html`<a href="${files}/letter.pdf">${t('platform.dashboard.pdf')}</a>${signed.map((copy) => html`<br><a href="${files}/signed/${copy.n}">${t('platform.dashboard.signedCopy', { n: copy.n })}</a>`)}`;
  const published = s.publishedAt !== undefined;
  const action = published ? t('platform.dashboard.withdrawWhat', { name: s.unitName }) : t('platform.dashboard.publishWhat', { name: s.unitName });
  return html`<tr><td>${s.unitName}<br><span class="muted">${s.creditCode}</span></td><td>${kind}</td><td>${s.letterDate}</td><td>${s.commitmentCode ?? t('platform.dashboard.noCode')}</td><td>${formatBeijingTime(s.receivedAt)}</td><td>${states.length === 0 ? t('platform.dashboard.current') : states.join('，')}</td><td>${fileLinks}</td>
<td>${published ? t('platform.dashboard.publishedAt', { time: formatBeijingTime(s.publishedAt!) }) : t('platform.dashboard.unpublished')}
<form class="inline" method="post" action="${files}/publication"><input type="hidden" name="csrf" value="${view.csrf}"><input type="hidden" name="publish" value="${published ? '0' : '1'}"> <button type="submit" id="publication-${s.submissionId}" aria-label="${action}">${published ? t('platform.dashboard.withdraw') : t('platform.dashboard.publish')}</button></form></td></tr>`;
}

function rosterSection(view: DashboardView): Html {
  return html`<section id="roster" aria-labelledby="roster-title"><h2 id="roster-title">${t('platform.dashboard.roster')}</h2>
${rosterOutcome(view.rosterOutcome)}
<p>${t('platform.dashboard.rosterIntro')}</p>
<form method="post" action="${view.basePath}/dashboard/roster" enctype="multipart/form-data"><input type="hidden" name="csrf" value="${view.csrf}">
<label for="roster-file">${t('platform.dashboard.rosterFile')}</label> <input id="roster-file" name="roster" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required> <button type="submit">${t('platform.dashboard.rosterUpload')}</button></form></section>`;
}

function rosterOutcome(outcome: RosterOutcome | undefined): Html | undefined {
  if (outcome === undefined) return undefined;
  if ('problem' in outcome) return html`<div class="problem" role="alert">${outcome.problem}</div>`;
  const summary = t('platform.dashboard.rosterResult', { added: outcome.added, kept: outcome.updated, count: outcome.refused.length });
  return html`<div class="${outcome.refused.length === 0 ? 'notice' : 'problem'}" role="status" id="roster-outcome"><p>${summary}</p>${
    outcome.refused.length === 0 ? undefined : html`<p>${t('platform.dashboard.rosterRefused')}</p><ul>${outcome.refused.map((r) => html`<li>${r.message}</li>`)}</ul>`
  }</div>`;
}

