import { t } from '../i18n/translate';
import { formatLetterDate, itemText } from '../layout/letter-blocks';
import { categoryName, type CategoryKey } from '../letter/categories';
import { printOrder } from '../letter/item-numbers';
import { letterTitle } from '../letter/letter-title';
import { html, page, trusted, type Html } from './html';
import { PORTAL_CSS } from './portal-style';
import type { PublicLetter } from './public-letter';

/** A file of the folder the page links to, by its name beside `index.html`. */
export interface PortalFile {
  readonly name: string;
  readonly kind: 'signed-pdf' | 'signed-image' | 'letter-pdf';
  /** 1-based, for signed copies. */
  readonly n?: number;
}

export interface PortalPageInput {
  readonly letter: PublicLetter;
  /** Signed copies first: the published letter is the approved, sealed one. */
  readonly files: readonly PortalFile[];
  /** The letter on the platform's public column, printed as a plain link. */
  readonly address: string;
}

/**
 * The `index.html` of the unit's portal folder (门户网站公示): the letter's facts, text, items
 * numbered as printed, the supervision channels and links to the PDFs beside it. One file with
 * its style inline and no script, font, image or link from anywhere else (the signed scans it
 * shows are files of the folder), so the office uploads it as it is and it reads on a phone.
 * A civil servant's letter names the person by name and post only.
 *
 * @example portalPage({ letter: publicLetter(letterJson), files, address: 'https://credit.example.gov.cn/public/2026/…' })
 */
export function portalPage(input: PortalPageInput): string {
  const { letter } = input;
  const title = letterTitle(letter);
  const hotline = letter.supervision.hotline ?? '12345';
  const body = html`<header class="masthead"><div class="wrap"><p class="office">${t('publication.page.masthead', { unit: letter.unit.name })}</p><h1>${title}</h1></div></header>
<main class="wrap"><article class="letter">
${facts(letter)}
${paragraphs(letter.statement)}
<h2>${t('field.items')}</h2>
${itemList(letter)}
${paragraphs(letter.closing)}
<h2>${t('field.supervision')}</h2>
<ul class="channels">
<li>${t('pdf.supervision.phone', { value: letter.supervision.phone })}</li>
${letter.supervision.email !== undefined ? html`<li>${t('pdf.supervision.email', { value: letter.supervision.email })}</li>` : ''}
<li>${t('pdf.supervision.hotline', { value: hotline })}</li>
</ul>
<h2>${t('publication.page.files')}</h2>
${fileList(input.files)}
${signedImages(input.files)}
<p class="address">${t('publication.page.address')}<br><a href="${input.address}">${input.address}</a></p>
</article></main>`;
  return page({ title, head: html`<style>${trusted(PORTAL_CSS)}</style>`, body });
}

function facts(letter: PublicLetter): Html {
  const row = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const principal = letter.principal;
  return html`<dl class="facts">
${letter.person ? [row(t('field.person.name'), letter.person.name), row(t('field.person.position'), letter.person.position)] : ''}
${row(t('field.unit.name'), letter.unit.name)}
${row(t('field.unit.creditCode'), letter.unit.creditCode)}
${row(t('field.year'), t('publication.page.year', { year: letter.year }))}
${row(t('field.date'), formatLetterDate(letter.date))}
${principal ? row(t('field.principal'), [principal.title, principal.name].filter(Boolean).join(' ')) : ''}
</dl>`;
}

/** The items as the printed letter has them: under their category, numbered 1…n through the sections. */
function itemList(letter: PublicLetter): Html {
  const sections: { category: CategoryKey; lines: Html[] }[] = [];
  printOrder(letter.items).forEach((index, position) => {
    const item = letter.items[index]!;
    const last = sections[sections.length - 1];
    const line = html`<li>${itemText(item, position + 1, letter.kind)}</li>`;
    if (last && last.category === item.category) last.lines.push(line);
    else sections.push({ category: item.category, lines: [line] });
  });
  return html`<div class="items">${sections.map((section) => html`<h3>${categoryName(section.category)}</h3><ul>${section.lines}</ul>`)}</div>`;
}

function fileList(files: readonly PortalFile[]): Html {
  const label = (file: PortalFile) =>
    file.kind === 'letter-pdf'
      ? t('publication.page.letter-pdf')
      : t('publication.page.signed', { n: file.n ?? 1, format: file.kind === 'signed-pdf' ? 'PDF' : t('publication.page.image') });
  return html`<ul class="files">${files.map((file) => html`<li><a href="${file.name}">${label(file)}</a></li>`)}</ul>`;
}

/** Scanned signed copies shown in the page, so a phone sees the sealed letter without opening a file. */
function signedImages(files: readonly PortalFile[]): Html {
  const images = files.filter((file) => file.kind === 'signed-image');
  if (images.length === 0) return html``;
  return html`<div class="scans">${images.map((file) => html`<img src="${file.name}" alt="${t('publication.page.signed', { n: file.n ?? 1, format: t('publication.page.image') })}">`)}</div>`;
}

function paragraphs(text: string | undefined): Html {
  const lines = (text ?? '').split('\n').filter((line) => line.trim() !== '');
  return html`${lines.map((line) => html`<p>${line}</p>`)}`;
}
