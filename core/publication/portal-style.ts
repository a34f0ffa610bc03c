/**
 * The portal page's style, inlined in its `<style>`: a portal may take one file and nothing it
 * links to. System faces only (no font file leaves or enters the folder), one fluid column that
 * reads on a 360 px phone without zooming, long codes and addresses wrapped rather than scrolled.
 */
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #f5f4f0; color: #1f1f1f; font: 1.0625rem/1.75 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.masthead { background: #9e1c1c; color: #fff; padding: 0.75rem 0 1rem; }
.office { margin: 0; font-size: 0.9375rem; }
h1 { margin: 0.25rem 0 0; font-size: 1.5rem; line-height: 1.4; }
h2 { margin: 1.75rem 0 0.5rem; font-size: 1.25rem; line-height: 1.4; }
h3 { margin: 1rem 0 0.25rem; font-size: 1.125rem; line-height: 1.5; }
p { margin: 0.5rem 0; }
a { color: #0b4f9c; }
a:focus-visible { outline: 3px solid #d98e00; outline-offset: 2px; }
.letter { background: #fff; border: 1px solid #d9d6cf; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0 2rem; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.125rem 1rem; margin: 0.5rem 0; }
.facts dt { color: #555; }
.facts dd { margin: 0; }
.items ul, .channels, .files { margin: 0; padding: 0; list-style: none; }
.items li { margin: 0.375rem 0; }
.files a { display: inline-block; min-height: 44px; padding: 0.5rem 0; }
.scans img { display: block; max-width: 100%; height: auto; margin: 0.75rem 0; border: 1px solid #d9d6cf; }
.address { color: #333; }
@media (max-width: 30rem) {
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dd { margin-bottom: 0.25rem; }
}
`;
