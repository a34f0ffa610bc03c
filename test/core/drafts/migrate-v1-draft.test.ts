import { describe, expect, it } from 'vitest';
import { DraftRecordSchema, LetterRecordSchema, SnapshotRecordSchema } from '../../../core/drafts/draft-record';
import { migrateV1Draft, rawJson } from '../../../core/drafts/migrations/v1-to-v2';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { letterFromTemplate } from '../../../core/letter/templates';

const NOW = Date.UTC(2026, 4, 1, 8, 0, 0);
const CREATED = Date.UTC(2026, 2, 1, 2, 0, 0);
const UPDATED = Date.UTC(2026, 2, 3, 9, 30, 0);

function v1Draft(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'd1', letter: letterFromTemplate('service', { year: 2026 }), templateKey: 'service', status: 'draft', createdAt: CREATED, updatedAt: UPDATED, ...overrides };
}

describe('migrateV1Draft', () => {
  it('splits a good v1 draft into draft, letter and an upgraded snapshot', () => {
    const raw = v1Draft();
    const result = migrateV1Draft(raw, 'd1', NOW, 'snap-1');
    if (!('draft' in result)) throw new Error(`expected a migrated draft, got ${JSON.stringify(result)}`);

    expect(result.draft).toEqual({
      id: 'd1',
      templateKey: 'service',
      status: 'draft',
      createdAt: CREATED,
      updatedAt: UPDATED,
      summary: summarizeLetter(raw['letter']),
      lastSnapshotAt: UPDATED,
    });
    expect(DraftRecordSchema.parse(result.draft)).toEqual(result.draft);
    expect(result.draft).not.toHaveProperty('letter');

    expect(result.letter).toEqual({ draftId: 'd1', letter: raw['letter'] });
    expect(LetterRecordSchema.safeParse(result.letter).success).toBe(true);

    expect(result.snapshot).toEqual({ id: 'snap-1', draftId: 'd1', at: UPDATED, reason: 'upgraded', status: 'draft', letter: raw['letter'] });
    expect(SnapshotRecordSchema.safeParse(result.snapshot).success).toBe(true);
  });

  it('keeps a half-written letter as typed and summarises its problems', () => {
    const letter = { format: 'pledge-letter/1', kind: 'unit', year: 2026, unit: { name: '青山县', creditCode: 'NOT-A-CODE' } };
    const result = migrateV1Draft(v1Draft({ letter }), 'd1', NOW, 'snap-1');
    if (!('draft' in result)) throw new Error('expected a migrated draft');
    expect(result.letter.letter).toEqual(letter);
    expect(result.snapshot.letter).toEqual(letter);
    expect(result.draft.summary).toMatchObject({ kind: 'unit', name: '青山县', year: 2026, itemCount: 0 });
    expect(result.draft.summary.errorCount).toBeGreaterThan(0);
  });

  it('keeps a draft whose letter is null, an explicit value rather than a missing one', () => {
    const result = migrateV1Draft(v1Draft({ letter: null }), 'd1', NOW, 'snap-1');
    expect('draft' in result).toBe(true);
  });

  it.each([
    ['a status other than draft', { status: 'weird' }, 'status'],
    ['createdAt as a string', { createdAt: '2026-03-01' }, 'createdAt'],
    ['a negative updatedAt', { updatedAt: -1 }, 'updatedAt'],
    ['a fractional createdAt', { createdAt: 1.5 }, 'createdAt'],
    ['an empty id', { id: '' }, 'id'],
    ['a numeric templateKey', { templateKey: 7 }, 'templateKey'],
  ])('quarantines a record with %s, naming the field and keeping the JSON', (_label, overrides, field) => {
    const raw = v1Draft(overrides);
    const result = migrateV1Draft(raw, 'key-1', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine).toMatchObject({ source: 'drafts', key: 'key-1', at: NOW });
    expect(result.quarantine.reason).toContain(`${field}:`);
    expect(JSON.parse(result.quarantine.raw)).toEqual(raw);
  });

  it('quarantines a record without a letter', () => {
    const raw = v1Draft();
    delete raw['letter'];
    const result = migrateV1Draft(raw, 'd1', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine.reason).toContain('letter:');
    expect(JSON.parse(result.quarantine.raw)).toEqual(raw);
  });

  it('lists every problem of a record in the reason', () => {
    const result = migrateV1Draft(v1Draft({ status: 'weird', createdAt: 'yesterday' }), 'd1', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine.reason).toContain('status:');
    expect(result.quarantine.reason).toContain('createdAt:');
    expect(result.quarantine.reason.split('; ')).toHaveLength(2);
  });

  it.each([
    ['null', null, 'null'],
    ['a string', 'just text', '"just text"'],
    ['an array', [1, 'two'], '[1,"two"]'],
    ['a number', 42, '42'],
  ])('quarantines %s with the root named in the reason', (_label, raw, json) => {
    const result = migrateV1Draft(raw, 'odd', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine.reason).toMatch(/^\$: /);
    expect(result.quarantine.raw).toBe(json);
  });

  it('keeps odd Unicode in the quarantined JSON', () => {
    const raw = v1Draft({ status: 'weird', letter: { unit: { name: '𠀀单位🎉' } } });
    const result = migrateV1Draft(raw, 'd1', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine.raw).toContain('𠀀单位🎉');
  });

  it('quarantines a cyclic record without throwing', () => {
    const raw: Record<string, unknown> = { id: 'loop', status: 'weird' };
    raw['self'] = raw;
    const result = migrateV1Draft(raw, 'loop', NOW, 'snap-1');
    if (!('quarantine' in result)) throw new Error('expected quarantine');
    expect(result.quarantine.raw).toBe('{id, status, self}');
  });
});

describe('rawJson', () => {
  it('serialises plain values as JSON', () => {
    expect(rawJson({ a: 1, b: ['两', '🎉'] })).toBe('{"a":1,"b":["两","🎉"]}');
    expect(rawJson(null)).toBe('null');
  });

  it('describes a cyclic object by its keys', () => {
    const cyclic: Record<string, unknown> = { id: 'x', letter: {} };
    (cyclic['letter'] as Record<string, unknown>)['owner'] = cyclic;
    expect(rawJson(cyclic)).toBe('{id, letter}');
  });

  it('describes a cyclic array and values JSON cannot hold without throwing', () => {
    const array: unknown[] = [1];
    array.push(array);
    expect(rawJson(array)).toBe('1,');
    expect(rawJson(undefined)).toBe('undefined');
    expect(rawJson(10n)).toBe('10');
  });
});
