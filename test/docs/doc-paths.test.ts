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
const ROOT_FOLDERS = ['core', 'host', 'electron', 'web-host', 'cli', 'renderer', 'platform', 'scripts', 'test', 'docs', 'assets', 'build'];
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

const pages = markdownFiles(DOCS);

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
