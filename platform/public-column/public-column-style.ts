/**
 * The column's one stylesheet, served from the platform itself (the pages' CSP allows styles from
 * 'self' only, no inline style). One column at any width, type a phone reads without zooming, long
 * codes and addresses wrapped rather than scrolled, targets of at least 44 px.
 */
export const PUBLIC_COLUMN_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #f5f4f0; color: #1f1f1f; font: 1.0625rem/1.75 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.masthead { background: #9e1c1c; color: #fff; padding: 0.75rem 0 1rem; }
.masthead a { color: #fff; }
.office { margin: 0; font-size: 0.9375rem; }
h1 { margin: 0.25rem 0 0; font-size: 1.5rem; line-height: 1.4; }
h2 { margin: 1.75rem 0 0.5rem; font-size: 1.25rem; line-height: 1.4; }
h3 { margin: 1rem 0 0.25rem; font-size: 1.125rem; line-height: 1.5; }
h4 { margin: 0.75rem 0 0.25rem; font-size: 1rem; }
p { margin: 0.5rem 0; }
a { color: #0b4f9c; }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #d98e00; outline-offset: 2px; }
.intro { color: #444; }
.search { margin: 1rem 0; }
.search label { display: block; font-weight: 600; }
.search-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.search input[type="search"] { flex: 1 1 12rem; min-width: 0; min-height: 44px; padding: 0.4rem 0.6rem; border: 1px solid #767676; border-radius: 4px; font: inherit; background: #fff; color: inherit; }
.search button { min-height: 44px; padding: 0.4rem 1.25rem; border: 0; border-radius: 4px; background: #9e1c1c; color: #fff; font: inherit; cursor: pointer; }
.years ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
.years a { display: inline-block; min-height: 44px; padding: 0.5rem 0; }
.years a[aria-current="page"] { font-weight: 700; color: #1f1f1f; text-decoration: none; }
.summary { color: #333; }
.letters { margin: 0; padding: 0; list-style: none; }
.card, .letter { background: #fff; border: 1px solid #d9d6cf; border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
.card h3 { margin-top: 0.25rem; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.125rem 1rem; margin: 0.5rem 0; }
.facts dt { color: #555; }
.facts dd { margin: 0; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; min-height: 44px; padding: 0.5rem 0; color: #0b4f9c; }
.items ol { margin: 0; padding-left: 2em; }
.items li { margin: 0.25rem 0; }
.item-meta { color: #555; font-size: 0.9375rem; }
.item-meta span + span::before { content: "\\3000"; }
.note { border-left: 4px solid #d98e00; padding-left: 0.75rem; }
.files { display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0.5rem 0 0; padding: 0; list-style: none; }
.files a { display: inline-block; min-height: 44px; padding: 0.5rem 0; }
.back a { display: inline-block; min-height: 44px; padding: 0.5rem 0; }
.progress-items { margin: 0; padding-left: 2em; }
.progress-items li { margin: 0.5rem 0; }
.status { display: inline-block; padding: 0 0.4rem; border-radius: 3px; background: #eef1f5; font-size: 0.9375rem; font-weight: 600; }
.status-kept { background: #e3f1e6; color: #1d5e2c; }
.status-notKept { background: #fbe7e5; color: #8a1c12; }
.progress-note { color: #333; margin-top: 0.125rem; }
.progress-brief a { display: inline-block; min-height: 44px; padding: 0.5rem 0; }
footer { color: #555; font-size: 0.9375rem; padding-bottom: 2rem; }
@media (max-width: 30rem) {
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dd { margin-bottom: 0.25rem; }
}
`;
