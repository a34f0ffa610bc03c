import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, type BackupContents } from '../../../core/backup/backup-file';
import type { DraftRecord, LetterRecord, SnapshotRecord } from '../../../core/drafts/draft-record';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { t } from '../../../core/i18n/translate';
import { exportDatabase, importBackup, planDatabaseImport } from '../../../renderer/backup/backup-io';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createProfileStore } from '../../../renderer/store/profile-store';
import { createBatchStore } from '../../../renderer/store/batch-store';
import { createProgressReportStore } from '../../../renderer/store/progress-report-store';
import { parsePeriod } from '../../../core/progress/progress-period';
import { approval, forReview, LETTER, must, REPORT_PDF, REPORT_PDF_SHA, SUBMISSION, uuids, when } from '../../core/progress-report/report-fixtures';
import { editRows, forgeBackup } from '../../support/backup-forgery';
import { testImage } from '../../node/signing/signing-fixture';

const BASE = Date.UTC(2026, 2, 1, 2, 0, 0);
const MINUTE = 60_000;
const at = (minutes: number) => BASE + minutes * MINUTE;
const NOW = new Date(at(10_000));

/** A fresh in-memory IndexedDB per call. */
const freshDb = () => new PledgeDatabase('pledge-desk-backup-test', { indexedDB: new IDBFactory(), IDBKeyRange });

function ids() {
  let counter = 0;
  return () => `new-${++counter}`;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n% 送审稿 — 青山县政务服务中心\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

const letter = (unit: string, content: string) => ({ format: 'pledge-letter/1', kind: 'unit', year: 2026, unit: { name: unit, creditCode: '' }, items: [{ category: 'duty', content }] });

function draft(id: string, updatedAt: number, extra: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id,
    templateKey: 'duty',
    status: 'draft',
    createdAt: at(0),
    updatedAt,
    summary: { kind: 'unit', name: `单位 ${id}`, year: 2026, itemCount: 1, errorCount: 0, warningCount: 0 },
    lastSnapshotAt: updatedAt,
    ...extra,
  };
}

/** What a colleague's computer might hold: a letter under review with its PDF and a scan, one in the bin. */
async function seed(db: PledgeDatabase): Promise<void> {
  const pdfSha256 = sha256Hex(PDF);
  const review = { snapshotId: 'snap-submitted', pdfSha256, submittedAt: at(30) };
  await db.drafts.bulkAdd([draft('review', at(30), { status: 'in-review', review }), draft('binned', at(5), { deletedAt: at(40) })]);
  await db.letters.bulkAdd([
    { draftId: 'review', letter: letter('青山县政务服务中心', '办事材料一次告知。') },
    { draftId: 'binned', letter: letter('绿水镇人民政府', '按时办结投诉件。') },
  ]);
  await db.snapshots.bulkAdd([
    { id: 'snap-created', draftId: 'review', at: at(0), reason: 'created', status: 'draft', letter: letter('青山县政务服务中心', '') },
    { id: 'snap-submitted', draftId: 'review', at: at(30), reason: 'submitted', status: 'in-review', letter: letter('青山县政务服务中心', '办事材料一次告知。'), review },
  ]);
  await db.documents.add({ sha256: pdfSha256, draftId: 'review', bytes: PDF, createdAt: at(30) });
  await db.attachments.add({ id: 'scan', draftId: 'review', name: '签章页.png', type: 'image/png', size: PNG.length, sha256: sha256Hex(PNG), bytes: PNG, addedAt: at(45) });
  await db.quarantine.add({ source: 'drafts', key: 'old-1', raw: '{"id":"old-1"}', reason: 'status: Invalid input', at: at(1) });
}

async function everything(db: PledgeDatabase) {
  const byKey = <T>(rows: T[], key: (row: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    drafts: byKey(await db.drafts.toArray(), (d) => d.id),
    letters: byKey(await db.letters.toArray(), (l) => l.draftId),
    snapshots: byKey(await db.snapshots.toArray(), (s) => s.id),
    documents: byKey(await db.documents.toArray(), (d) => d.draftId + d.sha256),
    attachments: byKey(await db.attachments.toArray(), (a) => a.id),
    quarantine: (await db.quarantine.toArray()).map(({ seq: _seq, ...rest }) => rest),
  };
}

async function exported(db: PledgeDatabase): Promise<BackupContents> {
  const read = await readBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }));
  if (!read.ok) throw new Error(read.reason);
  return read.contents;
}

describe('exportDatabase and importBackup', () => {
  it('restores a whole database into a fresh one, binaries byte for byte', async () => {
    const source = freshDb();
    await seed(source);
    const exports: [number, number][] = [];
    const bytes = await exportDatabase(source, { now: NOW, appVersion: '0.1.0', onProgress: (done, total) => exports.push([done, total]) });
    expect(exports.at(-1)).toEqual([exports.at(-1)![1], exports.at(-1)![1]]);
    const read = await readBackup(bytes);
    if (!read.ok) throw new Error(read.reason);

    const target = freshDb();
    const imports: [number, number][] = [];
    const result = await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids(), onProgress: (done, total) => imports.push([done, total]) });
    expect(result).toEqual({ added: 2, replaced: 0, kept: 0, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect(await everything(target)).toEqual(await everything(source));
    const [document] = await target.documents.toArray();
    expect(Buffer.from(document!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect((await target.attachments.get('scan'))!.bytes).toEqual(PNG);
    expect((await target.drafts.get('binned'))!.deletedAt).toBe(at(40));
    // 2 drafts + 2 snapshots + 1 document + 1 attachment + 1 quarantine row
    expect(imports.at(-1)).toEqual([7, 7]);
    expect(imports.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const source = freshDb();
    await seed(source);
    const contents = await exported(source);
    const target = freshDb();
    await importBackup(target, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    const first = await everything(target);
    expect(await importBackup(target, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toEqual({ added: 0, replaced: 0, kept: 2, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect(await everything(target)).toEqual(first);
  });

  it('keeps a draft edited here after the backup unless the user chooses to replace it', async () => {
    const source = freshDb();
    await seed(source);
    const contents = await exported(source);

    const local = freshDb();
    const localLetter = letter('青山县政务服务中心', '本机上后来改过的内容。');
    await local.drafts.add(draft('review', at(500), { status: 'returned' }));
    await local.letters.add({ draftId: 'review', letter: localLetter });
    expect((await planDatabaseImport(local, contents, NOW)).conflicts).toEqual([{ incoming: contents.drafts.find((d) => d.id === 'review'), localUpdatedAt: at(500), reason: 'changed-here' }]);

    const kept = await importBackup(local, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(kept).toEqual({ added: 1, replaced: 0, kept: 1, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect((await local.drafts.get('review'))!.updatedAt).toBe(at(500));
    expect((await local.letters.get('review'))!.letter).toEqual(localLetter);
    expect(await beforeImport(local)).toEqual([]);

    const replaced = await importBackup(local, contents, { overwrite: new Set(['review']), now: NOW, newId: ids() });
    expect(replaced).toEqual({ added: 0, replaced: 1, kept: 1, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect(await local.drafts.get('review')).toEqual(contents.drafts.find((d) => d.id === 'review'));
    expect((await local.letters.get('review'))!.letter).toEqual(contents.letters.find((l) => l.draftId === 'review')!.letter);
    expect(await beforeImport(local)).toEqual([{ id: 'new-1', draftId: 'review', at: NOW.getTime(), reason: 'before-import', status: 'returned', letter: localLetter }]);
  });

  it('replaces a draft that is newer in the backup without asking, keeping the local letter as a snapshot', async () => {
    const source = freshDb();
    await seed(source);
    const contents = await exported(source);

    const local = freshDb();
    const oldLetter = letter('青山县政务服务中心', '很早以前的内容。');
    await local.drafts.add(draft('review', at(1)));
    await local.letters.add({ draftId: 'review', letter: oldLetter });
    const result = await importBackup(local, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(result).toEqual({ added: 1, replaced: 1, kept: 0, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect((await local.drafts.get('review'))!.status).toBe('in-review');
    expect(await beforeImport(local)).toMatchObject([{ draftId: 'review', reason: 'before-import', status: 'draft', letter: oldLetter }]);
  });

  it('only adds history, PDFs, attachments and quarantine rows, never overwrites them', async () => {
    const source = freshDb();
    await seed(source);
    const contents = await exported(source);

    const local = freshDb();
    const localSnapshot: SnapshotRecord = { id: 'snap-created', draftId: 'review', at: at(0), reason: 'created', status: 'draft', letter: { mine: true } };
    await local.snapshots.add(localSnapshot);
    await local.attachments.add({ ...contents.attachments[0]!, name: '本机改过名的扫描件.png' });
    await local.quarantine.add({ ...contents.quarantine[0]!, seq: 99 });
    await importBackup(local, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(await local.snapshots.get('snap-created')).toEqual(localSnapshot);
    expect(await local.snapshots.get('snap-submitted')).toBeDefined();
    expect((await local.attachments.get('scan'))!.name).toBe('本机改过名的扫描件.png');
    expect(await local.documents.count()).toBe(1);
    expect(await local.quarantine.toArray()).toHaveLength(1);
  });

  it('writes nothing when an import fails half-way', async () => {
    const source = freshDb();
    await seed(source);
    const contents = await exported(source);
    const target = freshDb();
    const failing = importBackup(target, contents, {
      overwrite: new Set(),
      now: NOW,
      newId: ids(),
      onProgress: (done) => {
        if (done === 4) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await everything(target)).toEqual({ drafts: [], letters: [], snapshots: [], documents: [], attachments: [], quarantine: [] });
  });

  it('exports a stored row that does not parse into the quarantine instead of losing it or the backup', async () => {
    const db = freshDb();
    await seed(db);
    const broken = { id: 'broken', status: 'lost', letter: { unit: { name: '某单位' } } } as unknown as DraftRecord;
    await db.drafts.add(broken);
    await db.letters.add({ draftId: 'orphan' } as unknown as LetterRecord);
    const contents = await exported(db);
    expect(contents.drafts.map((d) => d.id).sort()).toEqual(['binned', 'review']);
    expect(contents.quarantine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'drafts', key: 'broken', raw: JSON.stringify(broken), at: NOW.getTime() }),
        expect.objectContaining({ source: 'letters', key: 'orphan' }),
      ]),
    );
  });

  it('exports and imports an empty database', async () => {
    const contents = await exported(freshDb());
    const progress: [number, number][] = [];
    expect(await importBackup(freshDb(), contents, { overwrite: new Set(), now: NOW, onProgress: (d, t) => progress.push([d, t]) })).toEqual({ added: 0, replaced: 0, kept: 0, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect(progress).toEqual([[0, 0]]);
  });
});

async function beforeImport(db: PledgeDatabase): Promise<SnapshotRecord[]> {
  return (await db.snapshots.toArray()).filter((s) => s.reason === 'before-import');
}

describe('importBackup does not take a forged backup at its word', () => {
  const APPROVAL = { kind: 'approved' as const, by: '任何人', at: at(60) };

  /** A real export of the seeded database, then changed by `change` with the manifest listed again. */
  async function forged(change: Parameters<typeof forgeBackup>[1]): Promise<BackupContents> {
    const source = freshDb();
    await seed(source);
    const read = await readBackup(forgeBackup(await exportDatabase(source, { now: NOW, appVersion: '0.1.0' }), change), undefined, NOW);
    if (!read.ok) throw new Error(read.reason);
    return read.contents;
  }

  /** Marks the draft under review approved, on the PDF hash `pdfSha256`. */
  const approve = (pdfSha256: string) => (files: Record<string, Uint8Array>) =>
    editRows(files, 'drafts', (rows) => {
      const row = rows.find((r) => r['id'] === 'review')!;
      row['status'] = 'approved';
      row['review'] = { ...(row['review'] as object), pdfSha256, decision: { ...APPROVAL, pdfSha256 } };
    });

  async function expectReviewWithdrawn(contents: BackupContents) {
    const db = freshDb();
    const result = await importBackup(db, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    const imported = (await db.drafts.get('review'))!;
    expect(imported.status).toBe('draft');
    expect(imported.review).toBeUndefined();
    expect(result).toMatchObject({ added: 2, reviewsWithdrawn: 1, profile: 'none' });
    const notes = (await db.snapshots.toArray()).filter((s) => s.reason === 'unverified-review');
    expect(notes).toEqual([expect.objectContaining({ draftId: 'review', status: 'approved', letter: letter('青山县政务服务中心', '办事材料一次告知。') })]);
    expect(t(`ui.snapshot.${notes[0]!.reason}`)).toMatch(/无法核实.*重新审核/);
    return db;
  }

  it('imports an approval whose PDF is not in the backup as a draft needing review again', async () => {
    const contents = await forged(approve(sha256Hex(new TextEncoder().encode('%PDF-1.7 另一份'))));
    const db = await expectReviewWithdrawn(contents);
    // Importing it again finds the draft as it was imported: nothing more to say.
    expect(await importBackup(db, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ kept: 2, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect((await db.snapshots.toArray()).filter((s) => s.reason === 'unverified-review')).toHaveLength(1);
  });

  it('imports a draft marked approved without any review, or approved on a returned decision, as a plain draft', async () => {
    const contents = await forged((files) =>
      editRows(files, 'drafts', (rows) => {
        const binned = rows.find((r) => r['id'] === 'binned')!;
        binned['status'] = 'approved';
        const review = rows.find((r) => r['id'] === 'review')!;
        review['status'] = 'approved';
        review['review'] = { ...(review['review'] as object), decision: { kind: 'returned', by: '任何人', at: at(60), pdfSha256: sha256Hex(PDF), comments: '改' } };
      }),
    );
    const db = freshDb();
    expect(await importBackup(db, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ reviewsWithdrawn: 2, profile: 'none' });
    expect((await db.drafts.toArray()).map((d) => [d.id, d.status, d.review])).toEqual([
      ['binned', 'draft', undefined],
      ['review', 'draft', undefined],
    ]);
  });

  it('imports an approval whose PDF bytes do not hash to it as a draft needing review again', async () => {
    const contents = await forged((files) => {
      approve(sha256Hex(PDF))(files);
      files['documents/0.pdf'] = new TextEncoder().encode('%PDF-1.7\n% 换过的内容\n%%EOF\n');
    });
    const db = await expectReviewWithdrawn(contents);
    expect(await db.documents.count()).toBe(0);
    expect((await db.quarantine.toArray()).map((q) => q.source)).toContain('documents');
  });

  it('keeps an approval whose PDF is in the backup and hashes to it', async () => {
    const db = freshDb();
    const result = await importBackup(db, await forged(approve(sha256Hex(PDF))), { overwrite: new Set(), now: NOW, newId: ids() });
    expect((await db.drafts.get('review'))!).toMatchObject({ status: 'approved', review: { pdfSha256: sha256Hex(PDF), decision: { by: '任何人' } } });
    expect(result).toMatchObject({ added: 2, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
  });

  it('puts an attachment whose bytes are not what its record says into the quarantine, not the attachments', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(100).fill(1)]);
    const contents = await forged((files) => {
      files['attachments/0.png'] = exe;
      editRows(files, 'attachments', (rows) => Object.assign(rows[0]!, { size: exe.length, sha256: sha256Hex(exe) }));
    });
    const db = freshDb();
    await importBackup(db, contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(await db.attachments.count()).toBe(0);
    expect(await db.quarantine.toArray()).toContainEqual(expect.objectContaining({ source: 'attachments', key: 'scan', at: NOW.getTime() }));
  });

  it('asks before replacing a local draft with one dated in the future, and keeps the local one unless told', async () => {
    const contents = await forged((files) => editRows(files, 'drafts', (rows) => (rows.find((r) => r['id'] === 'review')!['updatedAt'] = Date.UTC(2099, 0, 1))));
    const local = freshDb();
    const localLetter = letter('青山县政务服务中心', '本机的内容。');
    await local.drafts.add(draft('review', at(500)));
    await local.letters.add({ draftId: 'review', letter: localLetter });

    const plan = await planDatabaseImport(local, contents, NOW);
    expect(plan.newer).toEqual([]);
    expect(plan.conflicts).toEqual([expect.objectContaining({ reason: 'future', localUpdatedAt: at(500) })]);

    expect(await importBackup(local, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ added: 1, replaced: 0, kept: 1, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect((await local.drafts.get('review'))!.updatedAt).toBe(at(500));
    expect((await local.letters.get('review'))!.letter).toEqual(localLetter);
  });
});


describe('the unit profile in a backup', () => {
  const PROFILE = { unitName: '青山县白鹭乡人民政府', creditCode: '11239921003582149J', unitType: '', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: 'blx@qingshan.gov.cn', updatedAt: at(50) };

  it('restores the profile of a backup into a database without one', async () => {
    const source = freshDb();
    await seed(source);
    await source.profile.put({ ...PROFILE, id: 'unit' });
    const contents = await exported(source);
    expect(contents.profile).toEqual(PROFILE);
    const target = freshDb();
    expect(await importBackup(target, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ added: 2, profile: 'restored' });
    expect(await createProfileStore(target).get()).toEqual(PROFILE);
    // The same backup again: nothing to say about the profile.
    expect((await importBackup(target, contents, { overwrite: new Set(), now: NOW, newId: ids() })).profile).toBe('unchanged');
  });

  it('keeps a profile edited here after the backup', async () => {
    const source = freshDb();
    await source.profile.put({ ...PROFILE, id: 'unit' });
    const contents = await exported(source);
    const target = freshDb();
    const newer = { ...PROFILE, phone: '0458-6120000', updatedAt: at(60) };
    await target.profile.put({ ...newer, id: 'unit' });
    expect((await importBackup(target, contents, { overwrite: new Set(), now: NOW })).profile).toBe('kept');
    expect(await createProfileStore(target).get()).toEqual(newer);
  });

  it('imports a backup made before profiles existed, leaving the profile here as it is', async () => {
    const source = freshDb();
    await seed(source);
    const bytes = await exportDatabase(source, { now: NOW, appVersion: '0.1.0' });
    // What an older build wrote: no profile entry at all, the manifest as it was.
    const read = await readBackup(bytes);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).not.toHaveProperty('profile');
    expect(read.manifest.entries.map((e) => e.name)).not.toContain('profile.json');
    const target = freshDb();
    await target.profile.put({ ...PROFILE, id: 'unit' });
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toEqual({ added: 2, replaced: 0, kept: 0, reviewsWithdrawn: 0, profile: 'none', imagesRestored: 0, imagesKept: 0 });
    expect(await createProfileStore(target).get()).toEqual(PROFILE);
  });
});

describe('the profile images in a backup', () => {
  const SIGNATURE = testImage(120, 40, [20, 20, 160]);
  const SEAL = testImage(90, 90, [220, 30, 30]);
  const PROFILE = { unitName: '青山县白鹭乡人民政府', creditCode: '11239921003582149J', unitType: '', principalName: '周文静', principalTitle: '乡长', phone: '0458-6127788', email: '', updatedAt: at(50) };

  async function withImages(): Promise<PledgeDatabase> {
    const db = freshDb();
    await seed(db);
    await db.profile.put({ ...PROFILE, id: 'unit' });
    const profiles = createProfileStore(db);
    await profiles.saveImage('signature', '负责人签名.png', SIGNATURE, new Date(at(60)));
    await profiles.saveImage('seal', '公章.png', SEAL, new Date(at(61)));
    return db;
  }

  it('go into the backup as their own entries and come back byte for byte into a fresh database', async () => {
    const source = await withImages();
    const zip = await exportDatabase(source, { now: NOW, appVersion: '0.1.0' });
    const read = await readBackup(zip);
    if (!read.ok) throw new Error(read.reason);
    expect(read.manifest.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['profile-images.json', 'profile/signature.png', 'profile/seal.png']));
    const target = freshDb();
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ profile: 'restored', imagesRestored: 2, imagesKept: 0 });
    const images = await createProfileStore(target).images();
    expect(images).toEqual(await createProfileStore(source).images());
    expect(Buffer.from(images.signature!.bytes).equals(Buffer.from(SIGNATURE))).toBe(true);
    expect(Buffer.from(images.seal!.bytes).equals(Buffer.from(SEAL))).toBe(true);
    // The same backup again: nothing changes.
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ imagesRestored: 0, imagesKept: 0 });
    // The same data gives the same file.
    expect(Buffer.from(await exportDatabase(source, { now: NOW, appVersion: '0.1.0' })).equals(Buffer.from(zip))).toBe(true);
  });

  it('leave an image changed here since the backup as it is, each kind on its own', async () => {
    const contents = await exported(await withImages());
    const target = freshDb();
    const newer = testImage(150, 50, [0, 0, 0]);
    await createProfileStore(target).saveImage('signature', '新签名.png', newer, new Date(at(90)));
    expect(await importBackup(target, contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ imagesRestored: 1, imagesKept: 1 });
    const images = await createProfileStore(target).images();
    expect(images.signature?.name).toBe('新签名.png');
    expect(images.seal?.name).toBe('公章.png');
  });

  it('are absent from a backup made before them, which still restores and leaves the images here alone', async () => {
    const old = forgeBackup(await exportDatabase(await withImages(), { now: NOW, appVersion: '0.1.0' }), (files) => {
      for (const name of Object.keys(files)) if (name === 'profile-images.json' || name.startsWith('profile/')) delete files[name];
    });
    const read = await readBackup(old);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).not.toHaveProperty('profileImages');
    expect(read.contents.profile).toEqual(PROFILE);
    const target = freshDb();
    await createProfileStore(target).saveImage('seal', '本机公章.png', SEAL, new Date(at(10)));
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toEqual({ added: 2, replaced: 0, kept: 0, reviewsWithdrawn: 0, profile: 'restored', imagesRestored: 0, imagesKept: 0 });
    expect(Object.keys(await createProfileStore(target).images())).toEqual(['seal']);
  });

  it('set aside an image whose bytes contradict its record or that signing would refuse, and bring back the rest', async () => {
    const forged = forgeBackup(await exportDatabase(await withImages(), { now: NOW, appVersion: '0.1.0' }), (files) => {
      files['profile/signature.png'] = testImage(120, 40, [0, 160, 0]);
      files['profile/seal.png'] = testImage(90, 8, [220, 30, 30]);
      const rows = JSON.parse(strFromU8(files['profile-images.json']!)) as Record<string, unknown>[];
      // The seal's record agrees with its new bytes: only the signing check is left to refuse it.
      const seal = rows.find((row) => row['kind'] === 'seal')!;
      Object.assign(seal, { size: files['profile/seal.png'].length, sha256: sha256Hex(files['profile/seal.png']), height: 8 });
      files['profile-images.json'] = strToU8(JSON.stringify(rows));
    });
    const read = await readBackup(forged, undefined, NOW);
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(2);
    expect(read.contents.profileImages).toEqual([]);
    const reasons = read.contents.quarantine.filter((q) => q.source === 'profileImages').map((q) => [q.key, q.reason]);
    expect(reasons).toEqual([
      ['seal', '单位信息中的图片未导入：“公章.png”只有 90×8 像素，签名图片和印章图片每边至少要 16 像素。'],
      ['signature', '单位信息中的图片“负责人签名.png”与其记录（大小、SHA-256 指纹、类型或尺寸）不符，文件可能已损坏或被篡改，未导入。'],
    ]);
    const target = freshDb();
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ added: 2, imagesRestored: 0 });
    expect(await createProfileStore(target).images()).toEqual({});
  });

  it('refuse a backup whose image list is not a list of image records', async () => {
    const zip = await exportDatabase(await withImages(), { now: NOW, appVersion: '0.1.0' });
    const notArray = forgeBackup(zip, (files) => {
      files['profile-images.json'] = strToU8('{}');
    });
    expect(await readBackup(notArray)).toEqual({ ok: false, reason: '“单位信息中的签名和印章图片”数据（profile-images.json）不是有效的 JSON 数组，文件可能已损坏。' });
    const twice = forgeBackup(zip, (files) => {
      const rows = JSON.parse(strFromU8(files['profile-images.json']!)) as Record<string, unknown>[];
      files['profile-images.json'] = strToU8(JSON.stringify([rows[0], rows[0]]));
    });
    expect(await readBackup(twice)).toMatchObject({ ok: false, reason: expect.stringContaining('与前面的记录重复（seal）') });
    const noBytes = forgeBackup(zip, (files) => {
      delete files['profile/seal.png'];
    });
    expect(await readBackup(noBytes)).toMatchObject({ ok: false, reason: expect.stringContaining('引用的文件“profile/seal.png”不在清单中') });
  });
});

describe('the staff batches in a backup', () => {
  async function withBatch(): Promise<{ db: PledgeDatabase; batchId: string }> {
    const db = freshDb();
    await seed(db);
    const member = { row: 3, name: '周文静', position: '科员', department: '综合办', postType: 'window' as const };
    const batch = await createBatchStore(db, ids()).create({ title: '2026年度公职人员承诺书', year: 2026, sourceName: '人员名单.xlsx', letters: [{ member, letter: letter('青山县白鹭乡人民政府', '窗口服务一次告知。') }], refused: [{ row: 4, message: '第 4 行：没有姓名。' }] }, new Date(at(70)));
    return { db, batchId: batch.id };
  }

  it('go into the backup and come back into a fresh database with their drafts, once', async () => {
    const { db, batchId } = await withBatch();
    const read = await readBackup(await exportDatabase(db, { now: NOW, appVersion: '0.1.0' }));
    if (!read.ok) throw new Error(read.reason);
    expect(read.manifest.entries.map((e) => e.name)).toContain('batches.json');
    const target = freshDb();
    await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    const restored = await createBatchStore(target).get(batchId);
    expect(restored?.batch).toEqual((await createBatchStore(db).get(batchId))?.batch);
    expect([...(restored?.drafts.keys() ?? [])]).toEqual(restored?.batch.members.map((m) => m.draftId));
    await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() });
    expect(await target.batches.count()).toBe(1);
  });

  it('are absent from a backup made before them, which still restores', async () => {
    const old = forgeBackup(await exportDatabase((await withBatch()).db, { now: NOW, appVersion: '0.1.0' }), (files) => {
      delete files['batches.json'];
    });
    const read = await readBackup(old);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).not.toHaveProperty('batches');
    const target = freshDb();
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: NOW, newId: ids() })).toMatchObject({ added: 3 });
    expect(await target.batches.count()).toBe(0);
  });

  it('refuse a backup whose batch list holds a damaged or a repeated batch', async () => {
    const zip = await exportDatabase((await withBatch()).db, { now: NOW, appVersion: '0.1.0' });
    const damaged = forgeBackup(zip, (files) => {
      const rows = JSON.parse(strFromU8(files['batches.json']!)) as Record<string, unknown>[];
      files['batches.json'] = strToU8(JSON.stringify([{ ...rows[0], members: 'all' }]));
    });
    expect(await readBackup(damaged)).toMatchObject({ ok: false, reason: expect.stringContaining('公职人员承诺书批次') });
    const twice = forgeBackup(zip, (files) => {
      const rows = JSON.parse(strFromU8(files['batches.json']!)) as unknown[];
      files['batches.json'] = strToU8(JSON.stringify([rows[0], rows[0]]));
    });
    expect(await readBackup(twice)).toMatchObject({ ok: false, reason: expect.stringContaining('重复') });
  });
});

describe('the progress reports in a backup', () => {
  // After the reports were made: a backup's times are believed only up to the clock of the import.
  const LATER = when(60);
  const LABEL = '草稿“单位 review”（review）的2026年第二季度进展报告';

  /** The seeded database with two reports of the letter the draft `review` stands for: a June draft and an approved Q2 report. */
  async function withReports() {
    const db = freshDb();
    await seed(db);
    const reports = createProgressReportStore(db, uuids());
    const create = async (period: string, minutes: number) =>
      must(await reports.create({ draftId: 'review', letter: LETTER, submissionId: SUBMISSION, period: parsePeriod(period)!, progress: { items: [], evidence: [] }, now: when(minutes) }));
    const draft = await create('2026-06', 0);
    const quarter = await create('2026-Q2', 1);
    must(await reports.submit(quarter.id, forReview(quarter, when(10)), REPORT_PDF, when(10)));
    const approved = must(await reports.decide(quarter.id, approval(REPORT_PDF_SHA, when(20))));
    return { db, reports, draft, approved };
  }

  const reportRows = (files: Record<string, Uint8Array>) => JSON.parse(strFromU8(files['progress-reports.json']!)) as Record<string, unknown>[];
  const pdfEntry = (files: Record<string, Uint8Array>) => Object.keys(files).find((name) => name.startsWith('progress-reports/'))!;

  it('go into the backup with the frozen PDF as an entry of its own, and come back byte for byte into a fresh database, once', async () => {
    const { db, reports, draft, approved } = await withReports();
    const read = await readBackup(await exportDatabase(db, { now: LATER, appVersion: '0.1.0' }), undefined, LATER);
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(0);
    expect(read.manifest.entries.map((e) => e.name)).toContain('progress-reports.json');
    // Only the frozen report has a PDF; the draft has none to write.
    expect(read.manifest.entries.filter((e) => e.name.startsWith('progress-reports/'))).toEqual([{ name: expect.stringMatching(/^progress-reports\/\d+\.pdf$/), size: REPORT_PDF.length, sha256: REPORT_PDF_SHA }]);

    const target = freshDb();
    await importBackup(target, read.contents, { overwrite: new Set(), now: LATER, newId: ids() });
    await importBackup(target, read.contents, { overwrite: new Set(), now: LATER, newId: ids() });
    const restored = createProgressReportStore(target, uuids());
    expect(await restored.list(SUBMISSION)).toEqual(await reports.list(SUBMISSION));
    expect(await restored.get(draft.id)).toEqual(draft);
    expect(Buffer.from((await restored.get(approved.id))!.review!.pdf).equals(Buffer.from(REPORT_PDF))).toBe(true);
    expect(await target.progressReports.count()).toBe(2);
    // Still the approval it was: packed from the very PDF, under the package id fixed then.
    expect(await restored.packageInput(approved.id)).toMatchObject({ ok: true, input: { pdf: REPORT_PDF, submissionId: approved.packing!.submissionId } });
  });

  it('leave a report changed here since the backup as it is, and bring back one removed', async () => {
    const { db, reports, draft, approved } = await withReports();
    const contents = await exported(db);
    const edited = must(await reports.setAccountability(draft.id, '已约谈责任科室。', when(30)));
    await db.progressReports.delete(approved.id);
    await importBackup(db, contents, { overwrite: new Set(), now: LATER, newId: ids() });
    expect(await reports.get(draft.id)).toEqual(edited);
    expect(await reports.get(approved.id)).toEqual(approved);
  });

  it('are absent from a backup made before them, which still imports', async () => {
    const old = forgeBackup(await exportDatabase((await withReports()).db, { now: LATER, appVersion: '0.1.0' }), (files) => {
      for (const name of Object.keys(files)) if (name === 'progress-reports.json' || name.startsWith('progress-reports/')) delete files[name];
    });
    const read = await readBackup(old);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).not.toHaveProperty('progressReports');
    const target = freshDb();
    expect(await importBackup(target, read.contents, { overwrite: new Set(), now: LATER, newId: ids() })).toMatchObject({ added: 2 });
    expect(await target.progressReports.count()).toBe(0);
  });

  it('set aside a report whose frozen PDF is not the one its hash names, naming the letter and the period, and bring back the rest', async () => {
    const { db, draft, approved } = await withReports();
    const forged = forgeBackup(await exportDatabase(db, { now: LATER, appVersion: '0.1.0' }), (files) => {
      const name = pdfEntry(files);
      files[name] = files[name]!.map((b, i) => (i === 12 ? b ^ 1 : b));
    });
    const read = await readBackup(forged, undefined, LATER);
    if (!read.ok) throw new Error(read.reason);
    expect(read.setAside).toBe(1);
    expect(read.contents.progressReports?.map((r) => r.id)).toEqual([draft.id]);
    const [row] = read.contents.quarantine.filter((q) => q.source === 'progressReports');
    const actual = sha256Hex(REPORT_PDF.map((b, i) => (i === 12 ? b ^ 1 : b)));
    expect(row).toMatchObject({ key: approved.id, at: LATER.getTime() });
    expect(row!.reason).toBe(`${LABEL}的送审 PDF 内容与其 SHA-256 指纹 ${REPORT_PDF_SHA} 不符（实际为 ${actual}），文件可能已损坏或被篡改，未导入。`);
    // Shown as text: the PDF only by its size and real hash.
    expect(JSON.parse(row!.raw)).toMatchObject({ id: approved.id, status: 'approved', review: { pdf: { size: REPORT_PDF.length, sha256: actual } } });

    const target = freshDb();
    await importBackup(target, read.contents, { overwrite: new Set(), now: LATER, newId: ids() });
    expect((await target.progressReports.toArray()).map((r) => r.id)).toEqual([draft.id]);
    expect((await target.quarantine.toArray()).filter((q) => q.source === 'progressReports').map((q) => q.key)).toEqual([approved.id]);
  });

  it('set aside a report approved on another PDF than the one frozen, or claiming a status its review does not back', async () => {
    const { db, draft, approved } = await withReports();
    const zip = await exportDatabase(db, { now: LATER, appVersion: '0.1.0' });
    const edit = (change: (row: Record<string, unknown> & { review?: Record<string, unknown> & { decision?: Record<string, unknown> } }) => void) =>
      forgeBackup(zip, (files) => {
        const rows = reportRows(files);
        for (const row of rows) change(row);
        files['progress-reports.json'] = strToU8(JSON.stringify(rows));
      });
    const setAside = async (forged: Uint8Array) => {
      const read = await readBackup(forged, undefined, LATER);
      if (!read.ok) throw new Error(read.reason);
      return read.contents.quarantine.filter((q) => q.source === 'progressReports').map((q) => [q.key, q.reason]);
    };
    const reason = `${LABEL}的审核记录与其状态或送审 PDF 不符，文件可能已损坏或被篡改，未导入。`;
    const otherPdf = edit((row) => {
      if (row.review?.decision) row.review.decision['pdfSha256'] = 'f'.repeat(64);
    });
    expect(await setAside(otherPdf)).toEqual([[approved.id, reason]]);
    const unpacked = edit((row) => {
      if (row['id'] === approved.id) delete row['packing'];
    });
    expect(await setAside(unpacked)).toEqual([[approved.id, reason]]);
    const approvedUnreviewed = edit((row) => {
      if (row['id'] === draft.id) row['status'] = 'approved';
    });
    expect(await setAside(approvedUnreviewed)).toEqual([[draft.id, reason.replace('第二季度', '6月')]]);
  });

  it('refuse a backup whose report list holds a damaged record, or a PDF the backup does not hold', async () => {
    const zip = await exportDatabase((await withReports()).db, { now: LATER, appVersion: '0.1.0' });
    const damaged = forgeBackup(zip, (files) => {
      files['progress-reports.json'] = strToU8(JSON.stringify(reportRows(files).map((row) => ({ ...row, status: 'sent' }))));
    });
    expect(await readBackup(damaged)).toEqual({ ok: false, reason: '“进展报告”数据第 1 条记录（progressReports[0]）的字段“status”不符合要求，无法导入。' });
    const noPdf = forgeBackup(zip, (files) => {
      delete files[pdfEntry(files)];
    });
    expect(await readBackup(noPdf)).toMatchObject({ ok: false, reason: expect.stringMatching(/^“进展报告”数据第 \d 条记录（progressReports\[\d\]）引用的文件“progress-reports\/\d+\.pdf”不在清单中/) });
  });

  it('export a stored report that does not parse into the quarantine instead of losing it or the backup', async () => {
    const { db, draft, approved } = await withReports();
    await db.progressReports.put({ ...draft, status: 'sent' as never });
    const read = await readBackup(await exportDatabase(db, { now: LATER, appVersion: '0.1.0' }), undefined, LATER);
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents.progressReports?.map((r) => r.id)).toEqual([approved.id]);
    const [row] = read.contents.quarantine.filter((q) => q.source === 'progressReports');
    expect(row).toMatchObject({ key: draft.id, at: LATER.getTime() });
    expect(row!.reason).toContain('status');
    expect(JSON.parse(row!.raw)).toMatchObject({ id: draft.id, status: 'sent' });
  });
});
