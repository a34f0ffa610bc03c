import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DraftRecordSchema, type DraftRecord } from '../../../core/drafts/draft-record';
import { summarizeLetter } from '../../../core/drafts/summarize-letter';
import { letterFromTemplate } from '../../../core/letter/templates';
import { CURRENT_SCHEMA_VERSION, PledgeDatabase, SCHEMA_VERSIONS } from '../../../renderer/store/database';
import { createDraftStore } from '../../../renderer/store/draft-store';
import { createProfileStore } from '../../../renderer/store/profile-store';
import { createBatchStore } from '../../../renderer/store/batch-store';
import { createProgressStore } from '../../../renderer/store/progress-store';
import { createProgressReportStore } from '../../../renderer/store/progress-report-store';
import { parsePeriod } from '../../../core/progress/progress-period';
import { testImage } from '../../node/signing/signing-fixture';

/**
 * The requirement: the schema is versioned with migrations; a database written by each earlier
 * version opens with every draft intact, and a draft that fails to parse is quarantined and shown,
 * never dropped. Each earlier version writes its fixture with a plain Dexie declared at exactly
 * that version's stores, so the test sees the bytes an old build of the app left behind.
 */

/** A draft the current version must show unchanged. */
interface ExpectedDraft {
  readonly id: string;
  readonly templateKey: string;
  readonly letter: unknown;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** As the current version shows it; `draft` when left out. */
  readonly status?: DraftRecord['status'];
}

/** A record the current version cannot read and must show as unreadable. */
interface ExpectedUnreadable {
  readonly key: string;
  /** Values of the original record that the quarantined JSON must still hold. */
  readonly original: Record<string, unknown>;
  /** A field named in the reason. */
  readonly reasonMentions: string;
}

interface Fixture {
  /** How many records the old version wrote. */
  readonly written: number;
  readonly drafts: readonly ExpectedDraft[];
  readonly unreadable: readonly ExpectedUnreadable[];
}

type FixtureWriter = (db: Dexie) => Promise<Fixture>;

const at = (iso: string) => new Date(iso).getTime();

/** A letter someone had only started: no items, a credit code with a wrong check character. */
const HALF_WRITTEN = {
  format: 'pledge-letter/1',
  kind: 'unit',
  year: 2026,
  unit: { name: '青山县政务服务中心', creditCode: '12239921401277035X' },
  statement: '为深入贯彻落实政务守信践诺机制，',
};

/** Emoji (with a ZWJ sequence), a CJK Extension B character, a combining mark and a BOM. */
const ODD_UNICODE = (() => {
  const letter = structuredClone(letterFromTemplate('duty', { year: 2026 })) as unknown as Record<string, unknown> & { unit: Record<string, unknown>; items: Record<string, unknown>[] };
  letter.unit['name'] = '青山县𠀀市场监督管理局🏛️';
  letter.items[0]!['content'] = '承诺😀👨‍👩‍👧服务\u{20BB7}“吉”字，cafe\u0301，\uFEFF不推诿、不刁难。';
  letter['closing'] = '以上承诺𪚥🙏。';
  return letter;
})();

/** Version 1 kept the letter inside the draft and had no history, bin or review. */
async function writeV1(db: Dexie): Promise<Fixture> {
  const good: ExpectedDraft[] = [
    { id: '6f1c2b0e-0000-4000-8000-000000000001', templateKey: 'service', letter: letterFromTemplate('service', { year: 2026 }), createdAt: at('2026-03-01T09:00:00+08:00'), updatedAt: at('2026-03-01T09:05:00+08:00') },
    { id: '6f1c2b0e-0000-4000-8000-000000000002', templateKey: 'service', letter: HALF_WRITTEN, createdAt: at('2026-03-02T09:00:00+08:00'), updatedAt: at('2026-03-04T17:30:00+08:00') },
    { id: '6f1c2b0e-0000-4000-8000-000000000003', templateKey: 'duty', letter: ODD_UNICODE, createdAt: at('2026-02-27T08:00:00+08:00'), updatedAt: at('2026-03-03T11:00:00+08:00') },
    { id: '6f1c2b0e-0000-4000-8000-000000000004', templateKey: 'person', letter: letterFromTemplate('person', { year: 2025 }), createdAt: 0, updatedAt: 0 },
  ];
  const broken: Record<string, unknown>[] = [
    { id: 'broken-status', letter: letterFromTemplate('policy', { year: 2026 }), templateKey: 'policy', status: 'weird', createdAt: at('2026-03-05T08:00:00Z'), updatedAt: at('2026-03-05T08:00:00Z') },
    { id: 'broken-created', letter: HALF_WRITTEN, templateKey: 'contract', status: 'draft', createdAt: '2026-03-01T10:00:00+08:00', updatedAt: at('2026-03-06T08:00:00Z') },
    { id: 'broken-no-letter', templateKey: 'key-task', status: 'draft', createdAt: at('2026-03-07T08:00:00Z'), updatedAt: at('2026-03-07T08:00:00Z') },
  ];
  await db.table('drafts').bulkAdd([...good.map((d) => ({ ...d, status: 'draft' })), ...broken]);
  return {
    written: good.length + broken.length,
    drafts: good,
    unreadable: [
      { key: 'broken-status', original: { status: 'weird', templateKey: 'policy' }, reasonMentions: 'status' },
      { key: 'broken-created', original: { createdAt: '2026-03-01T10:00:00+08:00', letter: HALF_WRITTEN }, reasonMentions: 'createdAt' },
      { key: 'broken-no-letter', original: { templateKey: 'key-task', createdAt: at('2026-03-07T08:00:00Z') }, reasonMentions: 'letter' },
    ],
  };
}

/**
 * Version 2 split the letter out of the draft and added history, bin, review and signed copies;
 * it had no unit profile. Written as that build wrote them: a unit and a personal draft, one
 * approved and packed with its frozen PDF and scan.
 */
async function writeV2(db: Dexie): Promise<Fixture> {
  const letter = (key: 'service' | 'person' | 'duty') => letterFromTemplate(key, { year: 2026 });
  const pdfSha256 = 'a'.repeat(64);
  const stamp = (iso: string) => at(iso);
  const good: ExpectedDraft[] = [
    { id: 'v2-plain', templateKey: 'service', letter: letter('service'), createdAt: stamp('2026-03-01T09:00:00+08:00'), updatedAt: stamp('2026-03-01T09:05:00+08:00') },
    { id: 'v2-person', templateKey: 'person', letter: letter('person'), createdAt: stamp('2026-03-02T09:00:00+08:00'), updatedAt: stamp('2026-03-02T10:00:00+08:00') },
    { id: 'v2-approved', templateKey: 'duty', letter: letter('duty'), createdAt: stamp('2026-03-03T09:00:00+08:00'), updatedAt: stamp('2026-03-05T16:00:00+08:00'), status: 'approved' },
  ];
  const review = { snapshotId: 'v2-approved-submitted', pdfSha256, submittedAt: stamp('2026-03-04T09:00:00+08:00'), decision: { kind: 'approved', by: '孙海涛', at: stamp('2026-03-04T15:00:00+08:00'), pdfSha256 } };
  for (const draft of good) {
    await db.table('drafts').add({
      id: draft.id,
      templateKey: draft.templateKey,
      status: draft.status ?? 'draft',
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
      summary: summarizeLetter(draft.letter),
      lastSnapshotAt: draft.createdAt,
      ...(draft.status === 'approved' ? { review, submissions: [{ submissionId: '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a', approvalSha256: pdfSha256, packedAt: draft.updatedAt }] } : {}),
    });
    await db.table('letters').add({ draftId: draft.id, letter: draft.letter });
    await db.table('snapshots').add({ id: `${draft.id}-created`, draftId: draft.id, at: draft.createdAt, reason: 'created', status: 'draft', letter: draft.letter });
  }
  await db.table('snapshots').add({ id: 'v2-approved-submitted', draftId: 'v2-approved', at: review.submittedAt, reason: 'submitted', status: 'in-review', letter: letter('duty'), review: { snapshotId: review.snapshotId, pdfSha256, submittedAt: review.submittedAt } });
  await db.table('documents').add({ sha256: pdfSha256, draftId: 'v2-approved', bytes: new Uint8Array([37, 80, 68, 70]), createdAt: review.submittedAt });
  await db.table('attachments').add({ id: 'v2-scan', draftId: 'v2-approved', name: '签章件.png', type: 'image/png', size: 3, sha256: 'b'.repeat(64), bytes: new Uint8Array([1, 2, 3]), addedAt: stamp('2026-03-05T10:00:00+08:00'), approvalSha256: pdfSha256 });
  return {
    written: good.length,
    drafts: good,
    // A v2 record that does not parse is found when listed, at any version: tested below with the current one.
    unreadable: [],
  };
}

/** The unit profile as version 3 kept it: one row under the key `unit`. */
const V3_PROFILE = { unitName: '青山县白鹭乡人民政府', creditCode: '11239921003582149J', unitType: '乡镇人民政府', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: 'blx@qingshan.gov.cn', updatedAt: at('2026-03-06T08:00:00+08:00') };

/** Version 3 added the unit profile to version 2's tables; it had no profile images. */
async function writeV3(db: Dexie): Promise<Fixture> {
  const fixture = await writeV2(db);
  await db.table('profile').add({ ...V3_PROFILE, id: 'unit' });
  return fixture;
}

/** A signature as version 4 kept it, one row per kind apart from the profile. */
const V4_SIGNATURE = (() => {
  const bytes = testImage(120, 40, [20, 20, 160]);
  return { kind: 'signature', name: '签名.png', type: 'image/png', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), width: 120, height: 40, bytes, updatedAt: at('2026-03-07T08:00:00+08:00') };
})();

/** Version 4 added the profile images to version 3's tables; it had no staff batches. */
async function writeV4(db: Dexie): Promise<Fixture> {
  const fixture = await writeV3(db);
  await db.table('profileImages').add(V4_SIGNATURE);
  return fixture;
}

/** A staff batch as version 5 kept it, naming the one draft made for its member. */
const V5_BATCH = {
  id: 'v5-batch',
  year: 2026,
  title: '2026年度公职人员承诺书',
  createdAt: at('2026-03-08T09:00:00+08:00'),
  sourceName: '人员名单.xlsx',
  members: [{ memberId: 'v5-member', row: 3, name: '周文静', position: '科员', department: '综合办', postType: 'window', draftId: 'v5-batch-letter' }],
  refused: [{ row: 4, message: '第 4 行：没有姓名。' }],
};

/** Version 5 added staff batches and the drafts' batchId to version 4's tables; it had no item progress. */
async function writeV5(db: Dexie): Promise<Fixture> {
  const fixture = await writeV4(db);
  const letter = letterFromTemplate('person', { year: 2026 });
  const draft: ExpectedDraft = { id: 'v5-batch-letter', templateKey: 'person', letter, createdAt: V5_BATCH.createdAt, updatedAt: V5_BATCH.createdAt };
  await db.table('drafts').add({ id: draft.id, templateKey: draft.templateKey, status: 'draft', createdAt: draft.createdAt, updatedAt: draft.updatedAt, summary: summarizeLetter(letter), lastSnapshotAt: draft.createdAt, batchId: V5_BATCH.id });
  await db.table('letters').add({ draftId: draft.id, letter });
  await db.table('snapshots').add({ id: `${draft.id}-created`, draftId: draft.id, at: draft.createdAt, reason: 'created', status: 'draft', letter });
  await db.table('batches').add(V5_BATCH);
  return { ...fixture, written: fixture.written + 1, drafts: [...fixture.drafts, draft] };
}

/** The submission id of v2-approved's package: the letter delivered, whose progress version 6 followed. */
const DELIVERED = '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a';

/** An item's progress and an evidence photo as version 6 kept them, by the delivered letter's submission id. */
const V6_PROGRESS = { submissionId: DELIVERED, number: 1, status: '推进中', notes: [{ at: '2026-05-03T02:01:00.000Z', text: '已完成招标。' }], updatedAt: at('2026-05-03T10:01:00+08:00') };
const V6_EVIDENCE = (() => {
  const bytes = testImage(60, 40, [10, 120, 10]);
  return { id: 'v6-photo', submissionId: DELIVERED, number: 1, name: '现场照片.png', type: 'image/png', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, addedAt: at('2026-05-03T10:02:00+08:00') };
})();

/** Version 6 added item progress and evidence to version 5's tables; it had no progress reports. */
async function writeV6(db: Dexie): Promise<Fixture> {
  const fixture = await writeV5(db);
  await db.table('itemProgress').add(V6_PROGRESS);
  await db.table('evidence').add(V6_EVIDENCE);
  return fixture;
}

/** One writer per released version below the current one; a new version must add its own. */
const FIXTURE_WRITERS: Partial<Record<number, FixtureWriter>> = {
  1: writeV1,
  2: writeV2,
  3: writeV3,
  4: writeV4,
  5: writeV5,
  6: writeV6,
};

const EARLIER_VERSIONS = SCHEMA_VERSIONS.filter((schema) => schema.version < CURRENT_SCHEMA_VERSION);

let counter = 0;
const newId = () => `migrated-test-${++counter}`;

/** Writes the fixture with a database that knows only the given version, as that build did. */
async function writeWithVersion(factory: IDBFactory, name: string, version: number): Promise<Fixture> {
  const writer = FIXTURE_WRITERS[version];
  if (!writer) throw new Error(`No migration fixture for schema version ${version}: add one to FIXTURE_WRITERS in ${import.meta.url}`);
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > version) break;
    old.version(schema.version).stores(schema.stores);
  }
  await old.open();
  expect(old.verno).toBe(version);
  const fixture = await writer(old);
  old.close();
  return fixture;
}

describe('schema versions', () => {
  it('are increasing and end at the current version', () => {
    const versions = SCHEMA_VERSIONS.map((schema) => schema.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('every earlier version has a fixture', () => {
    expect(EARLIER_VERSIONS.length).toBeGreaterThan(0);
    for (const schema of EARLIER_VERSIONS) expect(FIXTURE_WRITERS[schema.version], `fixture for version ${schema.version}`).toBeTypeOf('function');
  });
});

describe.each(EARLIER_VERSIONS.map((schema) => schema.version))('opening a database written by version %i', (version) => {
  async function upgrade() {
    const factory = new IDBFactory();
    const name = `pledge-desk-v${version}`;
    const fixture = await writeWithVersion(factory, name, version);
    const before = Date.now();
    const db = new PledgeDatabase(name, { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    const listing = await store.list();
    return { factory, name, fixture, db, store, listing, before, after: Date.now() };
  }

  it('upgrades to the current version', async () => {
    const { db } = await upgrade();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
  });

  it('lists every good draft with its letter, summary and times intact', async () => {
    const { fixture, db, store, listing } = await upgrade();
    expect(listing.bin).toEqual([]);
    const byUpdate = [...fixture.drafts].sort((a, b) => b.updatedAt - a.updatedAt);
    expect(listing.drafts.map((d) => d.id)).toEqual(byUpdate.map((d) => d.id));
    for (const expected of fixture.drafts) {
      const listed = listing.drafts.find((d) => d.id === expected.id);
      expect(listed, expected.id).toBeDefined();
      expect(DraftRecordSchema.parse(listed)).toEqual(listed);
      expect(listed).toMatchObject<Partial<DraftRecord>>({
        templateKey: expected.templateKey,
        status: expected.status ?? 'draft',
        createdAt: expected.createdAt,
        updatedAt: expected.updatedAt,
        summary: summarizeLetter(expected.letter),
      });
      expect(await store.letter(expected.id)).toEqual(expected.letter);
    }
    db.close();
  });

  it('shows every unreadable record with its original content', async () => {
    const { fixture, db, listing, before, after } = await upgrade();
    expect(listing.unreadable.map((u) => u.key).sort()).toEqual(fixture.unreadable.map((u) => u.key).sort());
    for (const expected of fixture.unreadable) {
      const found = listing.unreadable.find((u) => u.key === expected.key)!;
      expect(found.source).toBe('drafts');
      expect(found.reason).toContain(expected.reasonMentions);
      expect(found.at).toBeGreaterThanOrEqual(before);
      expect(found.at).toBeLessThanOrEqual(after);
      const raw: unknown = JSON.parse(found.raw);
      expect(raw).toMatchObject({ id: expected.key, ...expected.original });
    }
    db.close();
  });

  it('drops nothing: good drafts and quarantined records add up to what was written', async () => {
    const { fixture, db, listing } = await upgrade();
    expect(listing.drafts.length + listing.bin.length + listing.unreadable.length).toBe(fixture.written);
    expect((await db.drafts.count()) + (await db.quarantine.count())).toBe(fixture.written);
    db.close();
  });

  it('keeps the upgrade after the database is reopened, without migrating twice', async () => {
    const { factory, name, db, store, listing } = await upgrade();
    const histories = await Promise.all(listing.drafts.map((d) => store.history(d.id)));
    db.close();

    const reopened = new PledgeDatabase(name, { indexedDB: factory, IDBKeyRange });
    const again = createDraftStore(reopened, newId);
    expect(await again.list()).toEqual(listing);
    expect(await Promise.all(listing.drafts.map((d) => again.history(d.id)))).toEqual(histories);
    reopened.close();
  });

  it('leaves the upgraded drafts editable', async () => {
    const { fixture, db, store } = await upgrade();
    const first = fixture.drafts[0]!;
    const edited = { ...(first.letter as Record<string, unknown>), year: 2027 };
    await store.updateLetter(first.id, edited, new Date(first.updatedAt + 60_000));
    expect(await store.letter(first.id)).toEqual(edited);
    expect((await store.get(first.id))?.summary.year).toBe(2027);
    db.close();
  });
});

describe('the version 1 to 2 upgrade', () => {
  it('starts each draft history with an upgraded snapshot of the letter as it was', async () => {
    const factory = new IDBFactory();
    const fixture = await writeWithVersion(factory, 'pledge-desk-history', 1);
    const db = new PledgeDatabase('pledge-desk-history', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    for (const expected of fixture.drafts) {
      const history = await store.history(expected.id);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ draftId: expected.id, reason: 'upgraded', status: 'draft', at: expected.updatedAt, letter: expected.letter });
      expect(history[0]?.review).toBeUndefined();
      expect((await store.get(expected.id))?.lastSnapshotAt).toBe(expected.updatedAt);
    }
    expect(new Set((await db.snapshots.toArray()).map((s) => s.id)).size).toBe(fixture.drafts.length);
    db.close();
  });

  it('moves the letter out of the draft record', async () => {
    const factory = new IDBFactory();
    const fixture = await writeWithVersion(factory, 'pledge-desk-split', 1);
    const db = new PledgeDatabase('pledge-desk-split', { indexedDB: factory, IDBKeyRange });
    for (const expected of fixture.drafts) {
      expect(await db.drafts.get(expected.id)).not.toHaveProperty('letter');
      expect(await db.letters.get(expected.id)).toEqual({ draftId: expected.id, letter: expected.letter });
    }
    db.close();
  });

  it('keeps odd Unicode exactly, code point for code point', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-unicode', 1);
    const db = new PledgeDatabase('pledge-desk-unicode', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    const letter = (await store.letter('6f1c2b0e-0000-4000-8000-000000000003')) as typeof ODD_UNICODE;
    expect(letter.unit['name']).toBe('青山县𠀀市场监督管理局🏛️');
    expect([...String(letter.items[0]!['content'])]).toEqual([...String(ODD_UNICODE.items[0]!['content'])]);
    expect((await store.get('6f1c2b0e-0000-4000-8000-000000000003'))?.summary.name).toBe('青山县𠀀市场监督管理局🏛️');
    db.close();
  });

  it('quarantines a record keyed by a number and one that is not an object', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('pledge-desk-odd-keys', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await old.open();
    await old.table('drafts').add({ id: 42, letter: {}, templateKey: 'duty', status: 'draft', createdAt: 1, updatedAt: 1 });
    await old.table('drafts').add({ id: ['a', 'b'], letter: '🎉', templateKey: 'duty', status: 'draft', createdAt: 1, updatedAt: 1 });
    old.close();

    const db = new PledgeDatabase('pledge-desk-odd-keys', { indexedDB: factory, IDBKeyRange });
    const { drafts, unreadable } = await createDraftStore(db, newId).list();
    expect(drafts).toEqual([]);
    expect(unreadable.map((u) => u.key).sort()).toEqual(['42', 'a,b']);
    expect(unreadable.find((u) => u.key === '42')?.raw).toContain('"id":42');
    expect(unreadable.find((u) => u.key === 'a,b')?.raw).toContain('🎉');
    db.close();
  });

  it('opens an empty version 1 database', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('pledge-desk-empty', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await old.open();
    old.close();
    const db = new PledgeDatabase('pledge-desk-empty', { indexedDB: factory, IDBKeyRange });
    expect(await createDraftStore(db, newId).list()).toEqual({ drafts: [], bin: [], unreadable: [] });
    db.close();
  });
});

describe('the version 2 to 3 upgrade', () => {
  it('keeps the approved, packed draft with its PDF and scan, and starts without a unit profile', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v2-profile', 2);
    const db = new PledgeDatabase('pledge-desk-v2-profile', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    const approved = await store.get('v2-approved');
    expect(approved).toMatchObject({ status: 'approved', submissions: [{ submissionId: '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a' }] });
    expect((await store.attachments('v2-approved')).map((a) => a.name)).toEqual(['签章件.png']);
    expect(await db.documents.count()).toBe(1);
    const profiles = createProfileStore(db);
    expect(await profiles.get()).toBeUndefined();
    db.close();
  });

  it('saves a profile in the upgraded database and reads it back after reopening', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v2-profile-save', 2);
    const db = new PledgeDatabase('pledge-desk-v2-profile-save', { indexedDB: factory, IDBKeyRange });
    const profile = { unitName: '青山县白鹭乡人民政府', creditCode: '11239921003582149J', unitType: '', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: '', updatedAt: 0 };
    await createProfileStore(db).save(profile, new Date('2026-03-10T09:00:00Z'));
    db.close();
    const reopened = new PledgeDatabase('pledge-desk-v2-profile-save', { indexedDB: factory, IDBKeyRange });
    expect(await createProfileStore(reopened).get()).toEqual({ ...profile, updatedAt: at('2026-03-10T09:00:00Z') });
    reopened.close();
  });
});

describe('the version 3 to 4 upgrade', () => {
  it('keeps the drafts, the signed copy and the unit profile, and starts without profile images', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v3-images', 3);
    const db = new PledgeDatabase('pledge-desk-v3-images', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    expect(await store.get('v2-approved')).toMatchObject({ status: 'approved', submissions: [{ submissionId: '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a' }] });
    expect((await store.attachments('v2-approved')).map((a) => a.name)).toEqual(['签章件.png']);
    const profiles = createProfileStore(db);
    expect(await profiles.get()).toEqual(V3_PROFILE);
    expect(await profiles.images()).toEqual({});
    db.close();
  });

  it('keeps a signature and a seal saved in the upgraded database after reopening, the profile untouched', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v3-images-save', 3);
    const db = new PledgeDatabase('pledge-desk-v3-images-save', { indexedDB: factory, IDBKeyRange });
    const signature = testImage(120, 40, [20, 20, 160]);
    const saved = await createProfileStore(db).saveImage('signature', '签名.png', signature, new Date('2026-03-10T09:00:00Z'));
    expect(saved.ok).toBe(true);
    expect((await createProfileStore(db).saveImage('seal', '公章.png', testImage(90, 90, [220, 30, 30]), new Date('2026-03-10T09:01:00Z'))).ok).toBe(true);
    db.close();
    const reopened = new PledgeDatabase('pledge-desk-v3-images-save', { indexedDB: factory, IDBKeyRange });
    const profiles = createProfileStore(reopened);
    const images = await profiles.images();
    expect(images.signature).toMatchObject({ kind: 'signature', name: '签名.png', type: 'image/png', width: 120, height: 40, size: signature.length, updatedAt: at('2026-03-10T09:00:00Z') });
    expect([...images.signature!.bytes]).toEqual([...signature]);
    expect(images.seal).toMatchObject({ name: '公章.png', width: 90, height: 90 });
    expect(await profiles.get()).toEqual(V3_PROFILE);
    reopened.close();
  });
});

describe('a current database with a record that no longer parses', () => {
  async function withDamagedRecord(damaged: Record<string, unknown>) {
    const factory = new IDBFactory();
    const first = new PledgeDatabase('pledge-desk-damaged', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(first, newId);
    const older = await store.createFromTemplate('service', new Date('2026-03-01T10:00:00Z'));
    const newer = await store.createFromTemplate('person', new Date('2026-03-03T10:00:00Z'));
    const good = { ...older, id: 'damaged', createdAt: at('2026-03-02T10:00:00Z'), updatedAt: at('2026-03-02T10:00:00Z') };
    await first.drafts.put({ ...good, ...damaged } as unknown as DraftRecord);
    first.close();

    const db = new PledgeDatabase('pledge-desk-damaged', { indexedDB: factory, IDBKeyRange });
    const listing = await createDraftStore(db, newId).list();
    db.close();
    return { listing, older, newer };
  }

  it('shows a draft with an unknown status as unreadable and still lists the others', async () => {
    const { listing, older, newer } = await withDamagedRecord({ status: 'bogus' });
    expect(listing.drafts.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(listing.unreadable).toHaveLength(1);
    expect(listing.unreadable[0]).toMatchObject({ source: 'drafts', key: 'damaged' });
    expect(listing.unreadable[0]?.reason).toContain('status');
    expect(JSON.parse(listing.unreadable[0]!.raw)).toMatchObject({ id: 'damaged', status: 'bogus' });
  });

  it('shows a draft with a damaged summary as unreadable', async () => {
    const { listing, older, newer } = await withDamagedRecord({ summary: { kind: 'unit', name: 7 } });
    expect(listing.drafts.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(listing.unreadable.map((u) => u.key)).toEqual(['damaged']);
  });

  it('shows a draft without updatedAt as unreadable rather than leaving it out', async () => {
    const { listing, older, newer } = await withDamagedRecord({ updatedAt: undefined });
    expect(listing.drafts.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(listing.unreadable.map((u) => u.key)).toEqual(['damaged']);
  });

  it('shows a draft whose updatedAt is not a valid key as unreadable rather than leaving it out', async () => {
    const { listing } = await withDamagedRecord({ updatedAt: null });
    expect(listing.unreadable.map((u) => u.key)).toEqual(['damaged']);
  });
});

describe('the version 4 to 5 upgrade', () => {
  it('keeps the drafts, the signed copy, the profile and its signature, and starts without batches', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v4-batches', 4);
    const db = new PledgeDatabase('pledge-desk-v4-batches', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    expect((await store.list()).drafts.map((d) => d.id).sort()).toEqual(['v2-approved', 'v2-person', 'v2-plain']);
    expect(await store.get('v2-approved')).toMatchObject({ status: 'approved', submissions: [{ submissionId: '0b9f6c52-3d1e-4c57-9a43-2f0e8d7c6b5a' }] });
    expect((await store.attachments('v2-approved')).map((a) => a.name)).toEqual(['签章件.png']);
    expect(await db.documents.count()).toBe(1);
    const profiles = createProfileStore(db);
    expect(await profiles.get()).toEqual(V3_PROFILE);
    expect((await profiles.images()).signature).toEqual(V4_SIGNATURE);
    expect(await createBatchStore(db, newId).list()).toEqual({ batches: [], unreadable: 0 });
    // The new index answers for old drafts too: none of them is in a batch.
    expect(await db.drafts.where('batchId').equals('any').count()).toBe(0);
    db.close();
  });

  it('makes a batch in the upgraded database and finds its drafts by the new index after reopening', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v4-batch-save', 4);
    const db = new PledgeDatabase('pledge-desk-v4-batch-save', { indexedDB: factory, IDBKeyRange });
    const letter = letterFromTemplate('person', { year: 2026 });
    const member = { row: 3, name: '周文静', position: '科员', department: '综合办', postType: 'window' as const };
    const batch = await createBatchStore(db, newId).create({ title: '2026年度公职人员承诺书', year: 2026, sourceName: '人员名单.xlsx', letters: [{ member, letter }], refused: [] }, new Date('2026-03-10T09:00:00Z'));
    db.close();
    const reopened = new PledgeDatabase('pledge-desk-v4-batch-save', { indexedDB: factory, IDBKeyRange });
    const read = await createBatchStore(reopened, newId).get(batch.id);
    expect(read?.batch).toEqual(batch);
    expect([...(read?.drafts.keys() ?? [])]).toEqual([batch.members[0]!.draftId]);
    expect((await createDraftStore(reopened, newId).list()).drafts).toHaveLength(4);
    reopened.close();
  });
});

describe('the version 5 to 6 upgrade', () => {
  it('keeps the drafts, the signed copy, the profile, its signature and the batch, and starts without item progress', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v5-progress', 5);
    const db = new PledgeDatabase('pledge-desk-v5-progress', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    expect((await store.list()).drafts.map((d) => d.id).sort()).toEqual(['v2-approved', 'v2-person', 'v2-plain', 'v5-batch-letter']);
    expect(await store.get('v2-approved')).toMatchObject({ status: 'approved', submissions: [{ submissionId: DELIVERED }] });
    expect((await store.attachments('v2-approved')).map((a) => a.name)).toEqual(['签章件.png']);
    const profiles = createProfileStore(db);
    expect(await profiles.get()).toEqual(V3_PROFILE);
    expect((await profiles.images()).signature).toEqual(V4_SIGNATURE);
    const batch = await createBatchStore(db, newId).get(V5_BATCH.id);
    expect(batch?.batch).toEqual(V5_BATCH);
    expect([...(batch?.drafts.keys() ?? [])]).toEqual(['v5-batch-letter']);
    expect(await createProgressStore(db, newId).read(DELIVERED)).toEqual({ items: [], evidence: [], unreadable: 0 });
    expect([await db.itemProgress.count(), await db.evidence.count()]).toEqual([0, 0]);
    db.close();
  });

  it('records progress and evidence of the delivered letter in the upgraded database and reads them back after reopening', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v5-progress-save', 5);
    const db = new PledgeDatabase('pledge-desk-v5-progress-save', { indexedDB: factory, IDBKeyRange });
    const progress = createProgressStore(db, newId);
    expect((await progress.setStatus(DELIVERED, 2, { status: '推进中' }, new Date('2026-05-03T02:00:00Z'))).ok).toBe(true);
    expect((await progress.addNote(DELIVERED, 2, '已完成招标。', new Date('2026-05-03T02:01:00Z'))).ok).toBe(true);
    const photo = testImage(60, 40, [10, 120, 10]);
    expect((await progress.addEvidence(DELIVERED, 2, '现场照片.png', photo, new Date('2026-05-03T02:02:00Z'))).ok).toBe(true);
    const before = await progress.read(DELIVERED);
    db.close();
    const reopened = new PledgeDatabase('pledge-desk-v5-progress-save', { indexedDB: factory, IDBKeyRange });
    const read = await createProgressStore(reopened, newId).read(DELIVERED);
    expect(read).toEqual(before);
    expect(read.items).toEqual([{ submissionId: DELIVERED, number: 2, status: '推进中', notes: [{ at: '2026-05-03T02:01:00.000Z', text: '已完成招标。' }], updatedAt: at('2026-05-03T02:01:00Z') }]);
    expect([...read.evidence[0]!.bytes]).toEqual([...photo]);
    expect((await createDraftStore(reopened, newId).list()).drafts).toHaveLength(4);
    reopened.close();
  });
});

describe('the version 6 to 7 upgrade', () => {
  it('keeps the drafts, the batch, the item progress and its evidence, and starts without progress reports', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v6-reports', 6);
    const db = new PledgeDatabase('pledge-desk-v6-reports', { indexedDB: factory, IDBKeyRange });
    const store = createDraftStore(db, newId);
    expect((await store.list()).drafts.map((d) => d.id).sort()).toEqual(['v2-approved', 'v2-person', 'v2-plain', 'v5-batch-letter']);
    expect(await store.get('v2-approved')).toMatchObject({ status: 'approved', submissions: [{ submissionId: DELIVERED }] });
    expect((await createBatchStore(db, newId).get(V5_BATCH.id))?.batch).toEqual(V5_BATCH);
    expect(await createProgressStore(db, newId).read(DELIVERED)).toEqual({ items: [V6_PROGRESS], evidence: [V6_EVIDENCE], unreadable: 0 });
    expect(await db.progressReports.count()).toBe(0);
    expect(await createProgressReportStore(db).list(DELIVERED)).toEqual({ reports: [], unreadable: 0 });
    db.close();
  });

  it('makes a report of the delivered letter from its old progress and reads it back after reopening', async () => {
    const factory = new IDBFactory();
    await writeWithVersion(factory, 'pledge-desk-v6-reports-save', 6);
    const db = new PledgeDatabase('pledge-desk-v6-reports-save', { indexedDB: factory, IDBKeyRange });
    const progress = await createProgressStore(db, newId).read(DELIVERED);
    const letter = letterFromTemplate('duty', { year: 2026 });
    const made = await createProgressReportStore(db).create({ draftId: 'v2-approved', letter, submissionId: DELIVERED, period: parsePeriod('2026-Q2')!, progress, now: new Date('2026-06-20T02:00:00Z') });
    if (!made.ok) throw new Error(made.message);
    expect(made.record.report.items[0]).toMatchObject({ number: 1, status: '推进中' });
    expect(made.record.evidenceIds).toEqual(['v6-photo']);
    db.close();
    const reopened = new PledgeDatabase('pledge-desk-v6-reports-save', { indexedDB: factory, IDBKeyRange });
    expect(await createProgressReportStore(reopened).list(DELIVERED)).toEqual({ reports: [made.record], unreadable: 0 });
    expect((await createProgressStore(reopened, newId).read(DELIVERED)).evidence).toEqual([V6_EVIDENCE]);
    reopened.close();
  });
});
