import { beijingDay } from '../coverage/coverage-year';
import { t } from '../i18n/translate';
import { itemOutcome } from '../../core/progress/item-outcome';
import { periodLabel } from '../progress/period-label';
import { html, type Html } from '../web/html';
import type { ColumnProgress, PublishedEvidence } from './column-progress';
import { dateText } from './date-text';

/**
 * 履约进度 on the column: on a letter's page, the latest report's counts, each item's status and
 * note, and the evidence the unit published, linked under the letter's address; on the index, a
 * line of counts that leads there. `progress` absent (the report could not be read): nothing is
 * said, rather than something that may not be so.
 */

/** `<letter address>/progress/<period>/evidence/<n>`: the period in the address, so a link never turns into another report's file. */
export function evidenceHref(letterAddress: string, progress: ColumnProgress, n: number): string {
  return `${letterAddress}/progress/${progress.period}/evidence/${n}`;
}

export function progressSection(letterAddress: string, progress: ColumnProgress | 'none' | undefined): Html {
  if (progress === undefined) return html``;
  const heading = html`<h2 id="progress">${t('platform.public.progress.title')}</h2>`;
  if (progress === 'none') return html`<section class="progress" aria-labelledby="progress">${heading}<p>${t('platform.public.progress.none')}</p></section>`;
  const link = (file: PublishedEvidence) =>
    html`<li><a href="${evidenceHref(letterAddress, progress, file.n)}">${t('platform.public.progress.evidenceLink', { name: file.name, format: file.format === 'pdf' ? 'PDF' : t('platform.public.format.image') })}</a></li>`;
  const numbers = new Set(progress.items.map((item) => item.number));
  const ofReport = progress.evidence.filter((file) => file.item === undefined || !numbers.has(file.item));
  return html`<section class="progress" aria-labelledby="progress">${heading}
    <p>${t('platform.public.progress.latest', { what: periodLabel(progress.period), detail: dateText(beijingDay(new Date(progress.receivedAt))) })}</p>
    <p class="progress-counts">${counts(progress)}</p>
    <ol class="progress-items">${progress.items.map((item) => {
      const files = progress.evidence.filter((file) => file.item === item.number);
      return html`<li value="${item.number}"><p><span class="status status-${itemOutcome(item.status)}">${item.status}</span> ${item.content}</p>${
        item.note === '' ? '' : html`<p class="progress-note">${item.note}</p>`
      }${item.reason === undefined ? '' : html`<p class="progress-note">${t('platform.public.progress.reason', { reason: item.reason })}</p>`}${files.length === 0 ? '' : html`<ul class="files">${files.map(link)}</ul>`}</li>`;
    })}</ol>
    ${ofReport.length === 0 ? '' : html`<h3>${t('platform.public.progress.evidence')}</h3><ul class="files">${ofReport.map(link)}</ul>`}
  </section>`;
}

export function progressBrief(letterAddress: string, progress: ColumnProgress | 'none' | undefined): Html {
  if (progress === undefined) return html``;
  if (progress === 'none') return html`<p class="progress-brief">${t('platform.public.progress.briefNone')}</p>`;
  return html`<p class="progress-brief"><a href="${letterAddress}#progress">${t('platform.public.progress.brief', { what: periodLabel(progress.period) })}</a>${counts(progress)}</p>`;
}

function counts(progress: ColumnProgress): string {
  return t('platform.public.progress.counts', { kept: progress.tally.kept, n: progress.tally.inProgress, rest: progress.tally.notKept });
}
