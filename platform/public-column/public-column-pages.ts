import { categoryName, type CategoryKey } from '../../core/letter/categories';
import { printOrder } from '../../core/letter/item-numbers';
import { letterTitle } from '../../core/letter/letter-title';
import { t as letterText } from '../../core/i18n/translate';
import { personalLetterPath, publicLetterPath, PUBLIC_COLUMN_PATH } from '../../core/protocol/public-letter-path';
import { beijingDay } from '../coverage/coverage-year';
import { t } from '../i18n/translate';
import type { StoredSubmission } from '../store/platform-store';
import { html, page, trusted, type Html } from '../web/html';
import type { ColumnProgress } from './column-progress';
import type { PublicLetter } from './public-letter';
import type { PackageSummary } from './column-packages';
import { dateText } from './date-text';
import { progressBrief, progressSection } from './progress-section';

/**
 * The public column's pages, rendered from data alone (no store, no request): plain HTML in one
 * column, with no script, that reads on a 360 px phone and works with JavaScript off: the search
 * is a GET form, the items of each letter on the index a `<details>`.
 */

/** One letter on the column: its row in the store and what its package says. */
export interface ColumnEntry {
  readonly submission: StoredSubmission;
  readonly summary: PackageSummary;
  /**
   * Its latest progress report (履约进度), `'none'` when none was accepted; absent when that cannot
   * be told (the report's package could not be read), and then nothing is said of it.
   */
  readonly progress?: ColumnProgress | 'none';
}

/** What every page of the column knows. */
export interface ColumnFrame {
  /** The receiving office, named in the masthead. */
  readonly office: string;
  /** The platform's base path ('' at the root). */
  readonly basePath: string;
}

export interface IndexView extends ColumnFrame {
  readonly year: number;
  /** Years with a letter on the column, the latest first. */
  readonly years: readonly number[];
  readonly query: string;
  /** The letters of the year that match the query, in the order shown. */
  readonly entries: readonly ColumnEntry[];
}

export const STYLESHEET_PATH = `${PUBLIC_COLUMN_PATH}/style.css`;

/** `/public?year=…`: the year's letters, the search form and the years to choose from. */
export function indexPage(view: IndexView): string {
  const units = view.entries.filter((entry) => entry.submission.kind === 'unit');
  const persons = view.entries.filter((entry) => entry.submission.kind === 'person');
  const years = [...new Set([view.year, ...view.years])].sort((a, b) => b - a);
  const summary =
    view.query.trim() !== ''
      ? t('platform.public.found', { content: view.query.trim(), count: view.entries.length })
      : view.entries.length === 0
        ? t('platform.public.none', { year: view.year })
        : t('platform.public.count', { year: view.year, count: view.entries.length });
  const body = html`
    <p class="intro">${t('platform.public.intro')}</p>
    <form class="search" method="get" action="${indexHref(view.basePath)}" role="search">
      <label for="q">${t('platform.public.search.label')}</label>
      <div class="search-row">
        <input id="q" name="q" type="search" value="${view.query}" maxlength="100" autocomplete="off">
        <input type="hidden" name="year" value="${view.year}">
        <button type="submit">${t('platform.public.search.button')}</button>
      </div>
    </form>
    <nav class="years" aria-label="${t('platform.public.years')}"><ul>${years.map(
      (year) => html`<li><a href="${indexHref(view.basePath, year)}"${year === view.year ? trusted(' aria-current="page"') : ''}>${t('platform.public.year', { year })}</a></li>`,
    )}</ul></nav>
    <p class="summary">${summary}${view.query.trim() !== '' ? html` <a href="${indexHref(view.basePath, view.year)}">${t('platform.public.search.all')}</a>` : ''}</p>
    ${units.length > 0 ? html`<section aria-labelledby="units"><h2 id="units">${t('platform.public.units')}</h2><ul class="letters">${units.map((entry) => html`<li>${card(view.basePath, entry)}</li>`)}</ul></section>` : ''}
    ${persons.length > 0 ? html`<section aria-labelledby="persons"><h2 id="persons">${t('platform.public.persons')}</h2><ul class="letters">${persons.map((entry) => html`<li>${card(view.basePath, entry)}</li>`)}</ul></section>` : ''}`;
  return columnPage(view, { title: `${t('platform.public.title')} · ${t('platform.public.year', { year: view.year })}`, heading: t('platform.public.title'), body });
}

/** The page at a letter's stable address: its facts, text, items, channels and files. */
export function letterPage(frame: ColumnFrame, entry: ColumnEntry): string {
  const { submission, summary } = entry;
  const { letter } = summary;
  const title = letterTitle(letter);
  const body = html`
    <article class="letter">
      ${facts(letter, submission, 'full')}
      ${submission.supersedes !== undefined ? html`<p class="note">${t('platform.public.correction')}</p>` : ''}
      ${paragraphs(letter.statement)}
      <h2>${letterText('field.items')}</h2>
      ${itemList(letter, 'h3')}
      ${paragraphs(letter.closing)}
      ${progressSection(letterHref(frame.basePath, submission), entry.progress)}
      <h2>${t('platform.public.channels')}</h2>
      <dl class="facts">
        <dt>${letterText('field.supervision.phone')}</dt><dd>${letter.supervision.phone}</dd>
        ${letter.supervision.email !== undefined ? html`<dt>${letterText('field.supervision.email')}</dt><dd>${letter.supervision.email}</dd>` : ''}
        <dt>${letterText('field.supervision.hotline')}</dt><dd>${letter.supervision.hotline ?? '12345'}</dd>
      </dl>
      <h2>${t('platform.public.files')}</h2>
      ${fileLinks(frame.basePath, entry)}
    </article>
    <p class="back"><a href="${indexHref(frame.basePath, submission.year)}">${t('platform.public.back', { year: submission.year })}</a></p>`;
  return columnPage(frame, { title: `${title} · ${t('platform.public.title')}`, heading: title, body });
}

/** A page that only says something: a 404, a year that is none. */
export function messagePage(frame: ColumnFrame & { readonly year: number }, heading: string, message: string): string {
  const body = html`<p class="message">${message}</p><p class="back"><a href="${indexHref(frame.basePath, frame.year)}">${t('platform.public.back', { year: frame.year })}</a></p>`;
  return columnPage(frame, { title: `${heading} · ${t('platform.public.title')}`, heading, body });
}

/** The address of a letter's page, under the platform's base path. */
export function letterHref(basePath: string, submission: StoredSubmission): string {
  return basePath + (submission.kind === 'unit' ? publicLetterPath(submission.year, submission.creditCode) : personalLetterPath(submission.commitmentCode ?? ''));
}

function indexHref(basePath: string, year?: number): string {
  return `${basePath}${PUBLIC_COLUMN_PATH}${year === undefined ? '' : `?year=${year}`}`;
}

function columnPage(frame: ColumnFrame, content: { readonly title: string; readonly heading: string; readonly body: Html }): string {
  return page({
    title: content.title,
    head: html`<link rel="stylesheet" href="${frame.basePath}${STYLESHEET_PATH}">`,
    body: html`<header class="masthead"><div class="wrap"><p class="office"><a href="${indexHref(frame.basePath)}">${t('platform.public.masthead', { name: frame.office })}</a></p><h1>${content.heading}</h1></div></header>
<main class="wrap">${content.body}</main>
<footer class="wrap"><p>${t('platform.public.footer', { name: frame.office })}</p></footer>`,
  });
}

/** A letter on the index: its heading links to its page, its items fold away. */
function card(basePath: string, entry: ColumnEntry): Html {
  const { letter } = entry.summary;
  return html`<article class="card">
    <h3><a href="${letterHref(basePath, entry.submission)}">${letterTitle(letter)}</a></h3>
    ${facts(letter, entry.submission, 'brief')}
    <details><summary>${t('platform.public.items', { count: letter.items.length })}</summary>${itemList(letter, 'h4')}</details>
    ${progressBrief(letterHref(basePath, entry.submission), entry.progress)}
    ${fileLinks(basePath, entry)}
  </article>`;
}

function facts(letter: PublicLetter, submission: StoredSubmission, detail: 'brief' | 'full'): Html {
  const row = (label: string, value: string | undefined) => (value === undefined ? '' : html`<dt>${label}</dt><dd>${value}</dd>`);
  const full = detail === 'full';
  return html`<dl class="facts">
    ${letter.person ? [row(letterText('field.person.name'), letter.person.name), row(letterText('field.person.position'), letter.person.position)] : ''}
    ${row(letterText('field.unit.name'), letter.unit.name)}
    ${row(letterText('field.unit.creditCode'), letter.unit.creditCode)}
    ${row(letterText('field.year'), t('platform.public.year', { year: letter.year }))}
    ${row(letterText('field.date'), dateText(letter.date))}
    ${full && letter.principal ? row(letterText('field.principal'), [letter.principal.title, letter.principal.name].filter(Boolean).join(' ')) : ''}
    ${full ? row(t('platform.public.commitmentCode'), submission.commitmentCode) : ''}
    ${full && submission.publishedAt !== undefined ? row(t('platform.public.publishedOn'), dateText(beijingDay(new Date(submission.publishedAt)))) : ''}
  </dl>`;
}

/** Items as the printed letter has them: by category, numbered 1…n through the sections. */
function itemList(letter: PublicLetter, level: 'h3' | 'h4'): Html {
  const order = printOrder(letter.items);
  const sections: { category: CategoryKey; items: { number: number; index: number }[] }[] = [];
  order.forEach((index, position) => {
    const category = letter.items[index]!.category;
    const last = sections[sections.length - 1];
    if (last && last.category === category) last.items.push({ number: position + 1, index });
    else sections.push({ category, items: [{ number: position + 1, index }] });
  });
  return html`<div class="items">${sections.map(
    (section) => html`${level === 'h3' ? html`<h3>${categoryName(section.category)}</h3>` : html`<h4>${categoryName(section.category)}</h4>`}<ol>${section.items.map(({ number, index }) => {
      const item = letter.items[index]!;
      return html`<li value="${number}"><p>${item.content}</p>${
        item.deadline || item.owner
          ? html`<p class="item-meta">${item.deadline ? html`<span>${t('platform.public.item.deadline', { detail: item.deadline })}</span>` : ''}${item.owner ? html`<span>${t('platform.public.item.owner', { name: item.owner })}</span>` : ''}</p>`
          : ''
      }</li>`;
    })}</ol>`,
  )}</div>`;
}

function fileLinks(basePath: string, entry: ColumnEntry): Html {
  const base = letterHref(basePath, entry.submission);
  return html`<ul class="files">
    ${entry.summary.signedCopies.map(
      (copy) => html`<li><a href="${base}/signed/${copy.n}">${t('platform.public.signedCopy', { n: copy.n, format: copy.type === 'application/pdf' ? 'PDF' : t('platform.public.format.image') })}</a></li>`,
    )}
    <li><a href="${base}/letter.pdf">${t('platform.public.letterPdf')}</a></li>
  </ul>`;
}

function paragraphs(text: string | undefined): Html {
  const lines = (text ?? '').split('\n').filter((line) => line.trim() !== '');
  return html`${lines.map((line) => html`<p>${line}</p>`)}`;
}
