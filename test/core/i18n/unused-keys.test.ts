import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './catalogues';
import { readSources, unusedKeys, type DynamicKeys } from './unused-keys';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const ROOTS = ['core', 'host', 'node', 'electron', 'web-host', 'cli', 'platform', 'renderer', 'scripts'];
/** The catalogues themselves name every key; tests may name keys the program no longer shows. */
const CATALOGUE_FILE = (path: string) => path === 'core/i18n/zh-cn.ts' || path.startsWith('core/i18n/messages/') || path === 'platform/i18n/zh-cn.ts';

/** Every place the program builds a key from a prefix. A prefix missing here leaves its keys reported unused. */
const DYNAMIC: readonly DynamicKeys[] = [
  { prefix: 'field.', suffix: 'properties', why: 'fieldLabel names a field by its path in the letter (core/letter/field-path.ts)' },
  { prefix: 'field.item.', suffix: 'properties', why: 'fieldLabel names a field of an item by its property' },
  { prefix: 'category.', suffix: 'quoted', why: 'an item category, by its code' },
  { prefix: 'ui.template.', suffix: 'quoted', why: 'the new-letter dialog’s hint for each template' },
  { prefix: 'ui.status.', suffix: 'quoted', why: 'a draft’s status' },
  { prefix: 'ui.step.', suffix: 'quoted', why: 'the outstanding steps of a draft' },
  { prefix: 'ui.tab.', suffix: 'quoted', why: 'the draft view’s tabs' },
  { prefix: 'ui.reports.kind.', suffix: 'quoted', why: 'the kinds of progress report a new one can be' },
  { prefix: 'ui.reports.status.', suffix: 'quoted', why: 'a progress report’s workflow status' },
  { prefix: 'ui.snapshot.', suffix: 'quoted', why: 'why a snapshot was taken' },
  { prefix: 'ui.storage.', suffix: 'quoted', why: 'how the browser keeps the drafts database' },
  { prefix: 'backup.table.', suffix: 'quoted', why: 'a backup table’s name in its refusals' },
  { prefix: 'delivery.badge.', suffix: 'quoted', why: 'a draft’s delivery state' },
  { prefix: 'delivery.filter.', suffix: 'quoted', why: 'the draft list’s delivery filter' },
  { prefix: 'delivery.todo.', suffix: 'quoted', why: 'what to do about a refusal, by its code' },
  { prefix: 'delivery.label.', suffix: 'quoted', why: 'why a submission waits, short' },
  { prefix: 'delivery.reason.', suffix: 'quoted', why: 'why a submission waits, in full' },
  { prefix: 'ui.outbox.status.', suffix: 'quoted', why: 'an outbox item’s final state' },
  { prefix: 'ui.outbox.connection.', suffix: 'quoted', why: 'the outbox screen’s connection line' },
  { prefix: 'ui.connection.check.', suffix: 'quoted', why: 'the result of a connection check' },
  { prefix: 'ui.connection.protection.', suffix: 'quoted', why: 'how the token is kept on this machine' },
  { prefix: 'progress.field.', suffix: 'quoted', why: 'a progress report’s field, by its key (core/progress/validate-progress.ts)' },
  { prefix: 'progress.field.item.', suffix: 'quoted', why: 'a field of a progress report’s item, by its key' },
  { prefix: 'progress.field.unit.', suffix: 'quoted', why: 'a field of a progress report’s unit, by its key' },
];

describe('unused message keys', () => {
  const sources = readSources(REPO, ROOTS, CATALOGUE_FILE);

  it('every key of every catalogue is used by the program', () => {
    const unused = Object.entries(CATALOGUES).flatMap(([where, catalogue]) => unusedKeys(Object.keys(catalogue), sources, DYNAMIC).map((key) => `${where}: ${key}`));
    expect(unused).toEqual([]);
  });

  it('reads the program’s sources, not the catalogues', () => {
    expect(sources.has('core/letter/field-path.ts')).toBe(true);
    expect(sources.has('renderer/app/App.tsx')).toBe(true);
    expect([...sources.keys()].filter(CATALOGUE_FILE)).toEqual([]);
  });
});

describe('unusedKeys', () => {
  const sources = new Map([
    ['a.ts', "t('app.name'); t(`ui.status.${draft.status}`); type Status = 'draft' | 'approved';"],
    ['b.ts', 'const Unit = z.object({ creditCode: z.string(), override: z.object({ reason: z.string() }).optional() }); t(`field.${path}`);'],
  ]);
  const dynamic: DynamicKeys[] = [
    { prefix: 'ui.status.', suffix: 'quoted', why: 'test' },
    { prefix: 'field.', suffix: 'properties', why: 'test' },
    { prefix: 'never.built.', suffix: 'quoted', why: 'test' },
  ];

  it('names a key no source uses', () => {
    expect(unusedKeys(['app.name', 'app.tagline'], sources, dynamic)).toEqual(['app.tagline']);
  });

  it('counts a key built from a prefix only when its suffix is a value the program holds', () => {
    expect(unusedKeys(['ui.status.draft', 'ui.status.approved', 'ui.status.valid'], sources, dynamic)).toEqual(['ui.status.valid']);
  });

  it('counts a field path when each part is a property name', () => {
    expect(unusedKeys(['field.creditCode', 'field.override.reason', 'field.override.confirmedAt'], sources, dynamic)).toEqual(['field.override.confirmedAt']);
  });

  it('does not let a declared prefix the program never builds keep keys alive', () => {
    expect(unusedKeys(['never.built.draft'], sources, dynamic)).toEqual(['never.built.draft']);
    expect(unusedKeys(['ui.status.draft'], sources, [])).toEqual(['ui.status.draft']);
  });

  it('does not take part of a longer key for the key', () => {
    expect(unusedKeys(['app'], new Map([['a.ts', "t('app.name')"]]), [])).toEqual(['app']);
  });
});
