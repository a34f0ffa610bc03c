import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Keys the program builds from a prefix, e.g. t(`category.${key}`): the rest of the key comes from
 * a value the code holds. `suffix` says how the scanner knows that value occurs: `'quoted'`, the
 * suffix is a string literal somewhere ('approved' in the draft status type); `'properties'`, each
 * dot-separated part is a property name (a field path such as unit.creditCodeOverride.code is
 * made of the letter schema's property names, never quoted as a whole).
 */
export type DynamicKeys = { readonly prefix: string; readonly suffix: 'quoted' | 'properties'; readonly why: string };

/** The program's source files by path, as the scanner reads them. */
export type Sources = ReadonlyMap<string, string>;

const quoted = (text: string) => [`'${text}'`, `"${text}"`, `\`${text}\``];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The keys of a catalogue that no source file uses: a key is used when it is a string literal in
 * some source, or when its prefix is declared in `dynamic`, the program builds that prefix into a
 * template literal (`prefix${…}`) and the rest of the key occurs as the entry says.
 */
export function unusedKeys(keys: readonly string[], sources: Sources, dynamic: readonly DynamicKeys[]): string[] {
  const all = [...sources.values()].join('\n');
  const literals = new Set(keys.filter((key) => quoted(key).some((literal) => all.includes(literal))));
  const built = dynamic.filter(({ prefix }) => all.includes(`\`${prefix}\${`));
  const suffixOccurs = (suffix: string, how: DynamicKeys['suffix']) =>
    how === 'quoted'
      ? quoted(suffix).some((literal) => all.includes(literal))
      : suffix.split('.').every((part) => new RegExp(`(?<![\\w.])${escape(part)}\\??:`).test(all));
  const builtFromPrefix = (key: string) => {
    const entry = built.filter(({ prefix }) => key.startsWith(prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    return entry !== undefined && suffixOccurs(key.slice(entry.prefix.length), entry.suffix);
  };
  return keys.filter((key) => !literals.has(key) && !builtFromPrefix(key));
}

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Reads every source file under the given roots, skipping `skip` (paths relative to `repo`, `/`-separated) and installed packages. */
export function readSources(repo: string, roots: readonly string[], skip: (path: string) => boolean): Sources {
  const sources = new Map<string, string>();
  for (const root of roots) {
    for (const entry of readdirSync(join(repo, root), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
      const path = relative(repo, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (path.split('/').some((part) => part === 'node_modules' || part === 'dist') || skip(path)) continue;
      sources.set(path, readFileSync(join(repo, path), 'utf8'));
    }
  }
  return sources;
}
