/**
 * The dashboard's stylesheet, served as a file (the pages' CSP allows styles from the platform
 * only, no inline style). A bar's width is one of 101 classes, so no style attribute is needed.
 */
const widths = Array.from({ length: 101 }, (_, p) => `.bar .p${p}{width:${p}%}`).join('');

export const DASHBOARD_CSS = `
:root{color-scheme:light;font-family:system-ui,"Noto Sans SC","Microsoft YaHei",sans-serif;line-height:1.5;color:#1f2937;background:#fff}
body{margin:0 auto;max-width:72rem;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d1d5db;padding-bottom:.25rem}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
a{color:#1d4ed8}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:block;min-width:8rem;height:1rem;background:#e5e7eb;border-radius:3px;overflow:hidden}
.bar span{display:block;height:100%;background:#1d4ed8}
${widths}
button,input[type=submit]{font:inherit;padding:.3rem .8rem;border:1px solid #1f2937;border-radius:4px;background:#f9fafb;color:#111827;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #b45309;outline-offset:2px}
input[type=password],input[type=number]{font:inherit;padding:.3rem;border:1px solid #4b5563;border-radius:4px}
input[type=password]{width:min(100%,36rem)}
form.inline{display:inline}
.notice{border:1px solid #1d4ed8;background:#eff6ff;padding:.5rem 1rem;border-radius:4px}
.problem{border:1px solid #b91c1c;background:#fef2f2;padding:.5rem 1rem;border-radius:4px;color:#7f1d1d}
.deadlines{padding-left:1.2rem}
.muted{color:#4b5563}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.table-wrap{overflow-x:auto}
`;
