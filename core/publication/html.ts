/**
 * HTML written from data for public pages (the platform's column and dashboard, the unit's own
 * portal folder): a tagged template that escapes every interpolated value unless it is already
 * {@link Html}, so text from a letter or a roster can never become markup.
 *
 * @example html`<h1>${unit.name}</h1><ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`
 */
export interface Html {
  readonly html: string;
}

type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return { html: out };
}

/** Markup made by the program itself (never text that came from outside). */
export const trusted = (markup: string): Html => ({ html: markup });

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object') return (value as Html).html;
  return escapeHtml(String(value));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageOptions {
  readonly title: string;
  readonly body: Html;
  /** More of `<head>` (a stylesheet link, a meta of the page's own). */
  readonly head?: Html;
}

/** A whole document in Chinese that reads on a phone. */
export function page(options: PageOptions): string {
  return `<!doctype html>\n${
    html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title}</title>${options.head}</head><body>${options.body}</body></html>`.html
  }\n`;
}
