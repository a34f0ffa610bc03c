import { t } from '../i18n/translate';
import { periodLabel } from '../progress/period-label';
import type { UnitFulfilment, YearFulfilment } from '../progress/unit-fulfilment';
import { html, type Html } from '../web/html';

/** What the dashboard's 践诺 section shows: the year's figures per unit and the year-end export beside them. */
export interface FulfilmentView {
  readonly fulfilment: YearFulfilment;
  readonly year: number;
  readonly basePath: string;
  /** Letters in force without a year-end report, which the fulfilment export leaves out. */
  readonly withoutYearEnd: number;
}

/** Floored, as the coverage's rate is, so that one item short of all never reads 100 %. */
const percent = (rate: number) => Math.floor(rate * 100);

export function fulfilmentSection(view: FulfilmentView): Html {
  const { totals, units } = view.fulfilment;
  const header = html`<h2 id="fulfilment-title">${t('platform.fulfilment.title')}</h2>`;
  const summary =
    totals.letters === 0
      ? t('platform.dashboard.noLetters')
      : totals.rate === null
        ? t('platform.fulfilment.noneReported', { count: totals.letters })
        : t('platform.fulfilment.totals', { count: totals.letters, shown: totals.reported, total: totals.items, kept: totals.kept, n: totals.inProgress, rest: totals.notKept, percent: percent(totals.rate) });
  const exportLink = html`<a href="${view.basePath}/records?year=${view.year}&amp;stage=fulfilment" download>${t('platform.records.exportFulfilment')}</a> <small>${t('platform.records.exportFulfilmentNote', { count: view.withoutYearEnd })}</small>`;
  const intro = html`${header}<p id="fulfilment-totals">${summary}</p><p class="muted">${t('platform.fulfilment.rule')}</p><p>${exportLink}</p>`;
  if (units.length === 0) return intro;
  return html`${intro}<div class="table-wrap"><table><thead><tr>${[
    t('platform.dashboard.unitName'),
    t('platform.fulfilment.reported'),
    t('platform.fulfilment.latestPeriod'),
    t('platform.fulfilment.kept'),
    t('platform.fulfilment.inProgress'),
    t('platform.fulfilment.notKept'),
    t('platform.fulfilment.rate'),
  ].map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>${units.map(unitRow)}</tbody></table></div>`;
}

function unitRow(unit: UnitFulfilment): Html {
  const reported = t('platform.fulfilment.reportedOf', { shown: unit.reported, count: unit.letters });
  const name = html`<th scope="row">${unit.name}<br><span class="muted">${unit.creditCode}</span></th><td class="num">${reported}</td>`;
  // No report is no rate: the row says so rather than showing 0 %, which would be a finding.
  if (unit.rate === null || unit.latestPeriod === null) return html`<tr>${name}<td colspan="5">${t('platform.fulfilment.noReport')}</td></tr>`;
  return html`<tr>${name}<td>${periodLabel(unit.latestPeriod)}</td><td class="num">${unit.kept}</td><td class="num">${unit.inProgress}</td><td class="num">${unit.notKept}</td><td class="num">${t('platform.dashboard.percent', { percent: percent(unit.rate) })}</td></tr>`;
}
