import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The docs name files so a reader can open them; a move that leaves a doc pointing at nothing
 * should fail here rather than mislead someone later.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'docs');

/** The repository's own folders: a path starting with one of these is a citation to check. */
const ROOT_FOLDERS = ['core', 'node', 'host', 'electron', 'web-host', 'cli', 'renderer', 'platform', 'scripts', 'test', 'docs', 'assets', 'build'];
const REPO_PATH = new RegExp(`^(?:${ROOT_FOLDERS.join('|')})/[\\w.\\-/]*$`);
const PATH_IN_TEXT = new RegExp(`(?<![\\w./-])(?:${ROOT_FOLDERS.join('|')})/[\\w.\\-/]*`, 'g');
const FENCE = /^```[^\n]*\n[\s\S]*?^```/gm;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Repository paths a page cites: whole inline code spans, and path-like words inside fenced blocks (the diagram). */
function citedPaths(text: string): string[] {
  const fences = text.match(FENCE) ?? [];
  const prose = text.replace(FENCE, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '').filter((span) => REPO_PATH.test(span));
  const inFences = fences.flatMap((fence) => fence.match(PATH_IN_TEXT) ?? []);
  return [...spans, ...inFences].map((path) => path.replace(/[./]+$/, ''));
}

/** Relative link targets, without their #fragment; web addresses and in-page anchors are not files. */
function linkTargets(text: string): string[] {
  return [...text.replace(FENCE, '').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => (m[1] ?? '').split('#')[0] ?? '')
    .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const pages = [...markdownFiles(DOCS), join(ROOT, 'README.md')];

describe('docs cite only what the repository holds', () => {
  it('finds the pages and the paths they cite', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((page) => citedPaths(readFileSync(page, 'utf8'))).length).toBeGreaterThan(0);
  });

  it.each(pages.map((page) => [relative(ROOT, page), page]))('%s: every cited repository path exists', (_name, page) => {
    const missing = citedPaths(readFileSync(page, 'utf8')).filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it.each(pages.map((page) => [relative(ROOT, page), page]))('%s: every relative link reaches a file inside the repository', (_name, page) => {
    const broken = linkTargets(readFileSync(page, 'utf8')).filter((target) => {
      const path = resolve(dirname(page), target);
      return !(path === ROOT || path.startsWith(ROOT + sep)) || !existsSync(path);
    });
    expect(broken).toEqual([]);
  });
});

describe('citedPaths', () => {
  it('takes whole code spans that start with a root folder, and words in diagrams', () => {
    const text = 'See `core/letter/credit-code.ts`, `signed/<n>.png`, `npm run web` and `test/**/*.ts`.\n```mermaid\nA["host/outbox<br/>service"]\n```\n';
    expect(citedPaths(text)).toEqual(['core/letter/credit-code.ts', 'host/outbox']);
  });
});

/** The first column of the markdown table that follows `heading`, as the folder names it lists. */
function tableFolders(text: string, heading: string): string[] {
  const section = text.slice(text.indexOf(heading));
  const table = section.slice(section.indexOf('\n|')).split('\n\n')[0] ?? '';
  return [...table.matchAll(/^\| `([\w-]+)\/` \|/gm)].map((m) => m[1] ?? '');
}

describe('the layout tables match the tree', () => {
  // Every top-level folder git tracks, but for the dot-folders (CI) that hold no program.
  const tracked = [...new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((path) => path.includes('/')).map((path) => path.split('/')[0]!))]
    .filter((folder) => !folder.startsWith('.'))
    .sort();

  it.each([
    ['README.md', '### Layout'],
    ['docs/architecture.md', '## Root folders'],
  ])('%s lists each top-level folder once, and no other', (file, heading) => {
    const listed = tableFolders(readFileSync(join(ROOT, file), 'utf8'), heading);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(tracked);
  });

  it('reads a table’s folders (the check itself works)', () => {
    expect(tableFolders('## T\n\n| folder | holds |\n|---|---|\n| `core/` | x |\n| `web-host/` | y |\n\nafter', '## T')).toEqual(['core', 'web-host']);
  });
});
