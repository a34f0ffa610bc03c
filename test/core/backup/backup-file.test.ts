import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, readBackup, writeBackup, type BackupContents } from '../../../core/backup/backup-file';
import type { BackupManifest } from '../../../core/backup/backup-format';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { declare } from '../zip/zip-forgery';
import { editRows, forgeBackup } from '../../support/backup-forgery';

// ---------------------------------------------------------------------------------------------
// Invented data: two unit letters (one under review with its frozen PDF and a scanned signed copy),
// one personal letter in the bin, their history, and one record that could not be read.

const PDF = concat(strToU8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256), strToU8('\n%%EOF\n'));
/** A real 1×1 PNG. */
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const PDF_SHA = sha256Hex(PDF);

const T0 = Date.UTC(2026, 2, 1, 2, 0, 0);
const summary = (name: string, kind: 'unit' | 'person' = 'unit') => ({ kind, name, year: 2026, itemCount: 2, errorCount: 0, warningCount: 0 });
const unitLetter = (name: string) => ({
  format: 'pledge-letter/1',
  kind: 'unit',
  year: 2026,
  unit: { name, creditCode: '11330100MB0000000X' },
  items: [
    { category: 'service', content: '办事材料一次告知，群众办事“最多跑一次”。' },
    { category: 'duty', content: '按时办结投诉举报件。', deadline: '2026-12-31' },
  ],
  supervision: { phone: '0571-00000000' },
  principal: { name: '王某某' },
  date: '2026-03-01',
});

function sampleContents(): BackupContents {
  const personLetter = { ...unitLetter('赵某某'), kind: 'person', person: { name: '赵某某', position: '科员' } };
  return {
    drafts: [
      {
        id: 'd-review',
        templateKey: 'service',
        status: 'in-review',
        createdAt: T0,
        updatedAt: T0 + 3_600_000,
        summary: summary('青山县政务服务中心'),
        lastSnapshotAt: T0 + 3_600_000,
        review: { snapshotId: 's-submitted', pdfSha256: PDF_SHA, submittedAt: T0 + 3_600_000 },
      },
      { id: 'd-plain', templateKey: 'policy', status: 'draft', createdAt: T0, updatedAt: T0 + 60_000, summary: summary('绿水镇人民政府'), lastSnapshotAt: T0 },
      { id: 'd-bin', templateKey: 'person', status: 'draft', createdAt: T0, updatedAt: T0 + 120_000, deletedAt: T0 + 7_200_000, summary: summary('赵某某', 'person'), lastSnapshotAt: T0 },
    ],
    letters: [
      { draftId: 'd-review', letter: unitLetter('青山县政务服务中心') },
      { draftId: 'd-plain', letter: { ...unitLetter('绿水镇人民政府'), items: [] } },
      { draftId: 'd-bin', letter: personLetter },
    ],
    snapshots: [
      { id: 's-created', draftId: 'd-review', at: T0, reason: 'created', status: 'draft', letter: unitLetter('青山县政务服务中心') },
      {
        id: 's-submitted',
        draftId: 'd-review',
        at: T0 + 3_600_000,
        reason: 'submitted',
        status: 'in-review',
        letter: unitLetter('青山县政务服务中心'),
        review: { snapshotId: 's-submitted', pdfSha256: PDF_SHA, submittedAt: T0 + 3_600_000 },
      },
      { id: 's-bin', draftId: 'd-bin', at: T0, reason: 'created', status: 'draft', letter: personLetter },
    ],
    documents: [{ sha256: PDF_SHA, draftId: 'd-review', bytes: PDF, createdAt: T0 + 3_600_000 }],
    attachments: [{ id: 'a-scan', draftId: 'd-review', name: '签章页扫描件.png', type: 'image/png', size: PNG.length, sha256: sha256Hex(PNG), bytes: PNG, addedAt: T0 + 4_000_000 }],
    quarantine: [{ seq: 1, source: 'drafts', key: 'd-broken', raw: '{"id":"d-broken","letter":{"unit":"？"}}', reason: 'status: Invalid input', at: T0 }],
  };
}

const options = { exportedAt: new Date('2026-04-20T01:30:00Z'), appVersion: '0.1.0' };
const backup = () => writeBackup(sampleContents(), options);

// ---------------------------------------------------------------------------------------------
// Tools to build damaged backups.

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
}

type Files = Record<string, Uint8Array>;
const unzipAll = (zip: Uint8Array): Files => unzipSync(zip);
const json = (bytes: Uint8Array | undefined): unknown => JSON.parse(strFromU8(bytes!));
const toJson = (value: unknown) => strToU8(JSON.stringify(value));

/** Changes the files of a good backup and zips them again; `relist` rewrites the manifest's entries so only the change is wrong. */
async function tamper(change: (files: Files) => void, { relist = false } = {}): Promise<Uint8Array> {
  const files = unzipAll(await backup());
  change(files);
  if (relist && files['manifest.json']) {
    const manifest = json(files['manifest.json']) as BackupManifest;
    manifest.entries = Object.entries(files)
      .filter(([name]) => name !== 'manifest.json')
      .map(([name, bytes]) => ({ name, size: bytes.length, sha256: sha256Hex(bytes) }));
    files['manifest.json'] = toJson(manifest);
  }
  return zipSync(files as Zippable);
}

function editManifest(change: (manifest: Record<string, unknown>) => void) {
  return (files: Files) => {
    const manifest = json(files['manifest.json']) as Record<string, unknown>;
    change(manifest);
    files['manifest.json'] = toJson(manifest);
  };
}

function editTable(table: string, change: (rows: Record<string, unknown>[]) => void) {
  return (files: Files) => {
    const rows = json(files[`tables/${table}.json`]) as Record<string, unknown>[];
    change(rows);
    files[`tables/${table}.json`] = toJson(rows);
  };
}

async function rejection(zip: Uint8Array): Promise<string> {
  const result = await readBackup(zip);
  if (result.ok) throw new Error('expected the backup to be refused');
  expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  return result.reason;
}

// ---------------------------------------------------------------------------------------------

describe('writeBackup and readBackup', () => {
  it('round-trips every table, with byte-identical binaries', async () => {
    const read = await readBackup(await backup());
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents).toEqual(sampleContents());
    expect(read.contents.documents[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect(sha256Hex(read.contents.documents[0]!.bytes)).toBe(PDF_SHA);
    expect(Buffer.from(read.contents.attachments[0]!.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(read.contents.drafts.find((d) => d.id === 'd-bin')?.deletedAt).toBe(T0 + 7_200_000);
    expect(read.manifest).toMatchObject({
      format: BACKUP_FORMAT,
      exportedAt: '2026-04-20T01:30:00.000Z',
      appVersion: '0.1.0',
      counts: { drafts: 3, letters: 3, snapshots: 3, documents: 1, attachments: 1, quarantine: 1 },
    });
  });

  it('gives each binary its own buffer, so storing one does not store the whole backup', async () => {
    const read = await readBackup(await backup());
    if (!read.ok) throw new Error(read.reason);
    expect(read.contents.documents[0]!.bytes.buffer.byteLength).toBe(PDF.length);
    expect(read.contents.attachments[0]!.bytes.buffer.byteLength).toBe(PNG.length);
  });

  it('lists every entry in the manifest with its size and SHA-256, and stores binaries uncompressed', async () => {
    const zip = await backup();
    const files = unzipAll(zip);
    const manifest = json(files['manifest.json']) as BackupManifest;
    expect(Object.keys(files).sort()).toEqual(['manifest.json', ...manifest.entries.map((e) => e.name)].sort());
    for (const entry of manifest.entries) expect(entry).toEqual({ name: entry.name, size: files[entry.name]!.length, sha256: sha256Hex(files[entry.name]!) });
    expect(files['documents/0.pdf']).toEqual(PDF);
    expect(files['attachments/0.png']).toEqual(PNG);
    expect(json(files['tables/documents.json'])).toEqual([{ sha256: PDF_SHA, draftId: 'd-review', bytes: { entry: 'documents/0.pdf' }, createdAt: T0 + 3_600_000 }]);
    const stored: string[] = [];
    unzipSync(zip, { filter: (f) => (f.compression === 0 && stored.push(f.name), false) });
    expect(stored.sort()).toEqual(['attachments/0.png', 'documents/0.pdf']);
  });

  it('writes the same bytes for the same data', async () => {
    expect(await backup()).toEqual(await backup());
  });

  it('reads an empty database back', async () => {
    const empty: BackupContents = { drafts: [], letters: [], snapshots: [], documents: [], attachments: [], quarantine: [] };
    const read = await readBackup(await writeBackup(empty, options));
    expect(read).toMatchObject({ ok: true, contents: empty });
  });

  it('reports progress per entry, up to the total', async () => {
    const writes: [number, number][] = [];
    const zip = await writeBackup(sampleContents(), { ...options, onProgress: (done, total) => writes.push([done, total]) });
    // 6 tables + 1 document + 1 attachment, then the manifest and the ZIP itself.
    expect(writes).toEqual(Array.from({ length: 9 }, (_, i) => [i + 1, 9]));

    const reads: [number, number][] = [];
    await readBackup(zip, (done, total) => reads.push([done, total]));
    expect(reads.at(-1)).toEqual([10, 10]);
    expect(reads.map(([done]) => done)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});

describe('readBackup refuses a damaged or foreign file', () => {
  it('that is not a ZIP', async () => {
    for (const bytes of [new Uint8Array(0), strToU8('这不是备份文件'), PDF, Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)]) {
      expect(await rejection(bytes)).toContain('不是有效的备份文件');
    }
  });

  it('that is cut short', async () => {
    const zip = await backup();
    expect(await rejection(zip.subarray(0, Math.floor(zip.length / 2)))).toContain('不是有效的备份文件');
  });

  it('without a manifest', async () => {
    expect(await rejection(await tamper((files) => delete files['manifest.json']))).toContain('缺少清单文件 manifest.json');
  });

  it('whose manifest is not JSON', async () => {
    expect(await rejection(await tamper((files) => (files['manifest.json'] = strToU8('{ format: pledge'))))).toContain('不是有效的 JSON');
  });

  it('whose manifest names no format or an unknown one', async () => {
    expect(await rejection(await tamper(editManifest((m) => delete m['format'])))).toContain('没有注明格式版本');
    const reason = await rejection(await tamper(editManifest((m) => (m['format'] = 'pledge-backup/2'))));
    expect(reason).toContain('无法识别的备份格式“pledge-backup/2”');
    expect(reason).toContain(BACKUP_FORMAT);
  });

  it('whose manifest is incomplete', async () => {
    expect(await rejection(await tamper(editManifest((m) => delete m['counts'])))).toContain('manifest.json 内容有误（counts）');
  });

  it('with an entry whose SHA-256 does not match the manifest', async () => {
    const reason = await rejection(await tamper((files) => (files['documents/0.pdf'] = files['documents/0.pdf']!.map((b, i) => (i === 100 ? b ^ 1 : b)))));
    expect(reason).toContain('“documents/0.pdf”的 SHA-256 校验值与清单记录不符');
  });

  it('with an entry whose size does not match the manifest', async () => {
    const reason = await rejection(await tamper((files) => (files['attachments/0.png'] = concat(files['attachments/0.png']!, new Uint8Array([0])))));
    expect(reason).toContain(`“attachments/0.png”大小为 ${PNG.length + 1} 字节，与清单记录的 ${PNG.length} 字节不符`);
  });

  it('with a listed entry missing', async () => {
    expect(await rejection(await tamper((files) => delete files['attachments/0.png']))).toContain('“attachments/0.png”在备份中不存在');
    expect(await rejection(await tamper((files) => delete files['tables/letters.json'], { relist: true }))).toContain('“tables/letters.json”在备份中不存在');
  });

  it('with an entry the manifest does not list', async () => {
    expect(await rejection(await tamper((files) => (files['notes/readme.txt'] = strToU8('你好'))))).toContain('“notes/readme.txt”未在清单中列出');
  });

  it('with a record that fails its schema, naming the table and the record', async () => {
    const reason = await rejection(await tamper(editTable('drafts', (rows) => (rows[1]!['updatedAt'] = '昨天')), { relist: true }));
    expect(reason).toContain('“草稿”数据第 2 条记录（drafts[1]）的字段“updatedAt”不符合要求');

    const nested = await rejection(await tamper(editTable('snapshots', (rows) => (rows[1]!['review'] = { snapshotId: 's', pdfSha256: 'abc', submittedAt: 1 })), { relist: true }));
    expect(nested).toContain('“历史版本”数据第 2 条记录（snapshots[1]）的字段“review.pdfSha256”');

    const shape = await rejection(await tamper(editTable('quarantine', (rows) => rows.push('坏记录' as never)), { relist: true }));
    expect(shape).toContain('清单记录的 1 条不符');
  });

  it('with a record that is not an object', async () => {
    const zip = await tamper(
      (files) => {
        editTable('letters', (rows) => (rows[0] = 42 as never))(files);
      },
      { relist: true },
    );
    expect(await rejection(zip)).toContain('“承诺书内容”数据第 1 条记录（letters[0]）不是有效的记录');
  });

  it('whose record counts disagree with the manifest', async () => {
    expect(await rejection(await tamper(editTable('drafts', (rows) => rows.pop()), { relist: true }))).toContain('“草稿”数据有 2 条记录，与清单记录的 3 条不符');
  });

  it('with two records under one key', async () => {
    const zip = await tamper(
      (files) => {
        editTable('snapshots', (rows) => rows.push({ ...rows[0]! }))(files);
        editManifest((m) => ((m['counts'] as Record<string, number>)['snapshots'] = 4))(files);
      },
      { relist: true },
    );
    expect(await rejection(zip)).toContain('“历史版本”数据第 4 条记录（snapshots[3]）与前面的记录重复（s-created）');
  });

  it('with a binary reference to an entry that is not there', async () => {
    const reason = await rejection(await tamper(editTable('documents', (rows) => (rows[0]!['bytes'] = { entry: 'documents/9.pdf' })), { relist: true }));
    expect(reason).toContain('“送审 PDF”数据第 1 条记录（documents[0]）引用的文件“documents/9.pdf”不在清单中');
  });

  it('with an absolute path or a path containing ..', async () => {
    for (const name of ['../pledge-desk.db', 'tables/../../evil.json', '/etc/passwd', 'C:/Windows/evil.dll', 'tables\\..\\evil.json']) {
      const reason = await rejection(await tamper((files) => (files[name] = strToU8('x')), { relist: true }));
      expect(reason).toContain(`“${name}”不安全`);
    }
  });

  it('with two entries of the same name', async () => {
    const zip = await tamper((files) => (files['tables/extra1.json'] = strToU8('[]')), { relist: true });
    expect(await rejection(declare(zip, 'tables/extra1.json', { name: 'tables/drafts.json' }))).toContain('两个同名文件“tables/drafts.json”');
  });

  it('with an unknown compression method', async () => {
    expect(await rejection(declare(await backup(), 'tables/drafts.json', { compression: 12 }))).toContain('“tables/drafts.json”使用了不支持的压缩方式（12）');
  });

  it('that declares more than 2 GB, before inflating anything', async () => {
    // Incompressible bytes keep the claimed size within what deflate could really produce.
    let seed = 7;
    const noise = Uint8Array.from({ length: 3 * 1024 * 1024 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    const zip = declare(zipSync({ 'manifest.json': strToU8('{}'), 'documents/0.pdf': [noise, { level: 1 }] }), 'documents/0.pdf', { originalSize: 3_000_000_000 });
    const reason = await rejection(zip);
    expect(reason).toContain('超过上限 2 GB');
  });

  it('whose declared sizes lie', async () => {
    // Claims far more than deflate can expand to: refused from the directory alone.
    expect(await rejection(declare(await backup(), 'tables/letters.json', { originalSize: 4_000_000_000 }))).toContain('“tables/letters.json”解压后的实际大小与 ZIP 中声明的');

    // Claims less than it holds: refused while inflating, once past the claim.
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'tables/drafts.json': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    const started = performance.now();
    const reason = await rejection(declare(bomb, 'tables/drafts.json', { originalSize: 1000 }));
    expect(reason).toContain('“tables/drafts.json”解压后的实际大小与 ZIP 中声明的 1000 字节不符');
    expect(performance.now() - started).toBeLessThan(2000);

    // Claims more than it holds.
    const short = declare(await backup(), 'tables/drafts.json', { originalSize: 50_000 });
    expect(await rejection(short)).toContain('“tables/drafts.json”解压后的实际大小与 ZIP 中声明的 50000 字节不符');
  });

  it('never throws, whatever the bytes', async () => {
    const zip = await backup();
    let seed = 42;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 150; round++) {
      const damaged = zip.slice();
      for (let flips = 0; flips < 1 + round % 5; flips++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const result = await readBackup(damaged);
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('readBackup sets aside a record that its own bytes contradict', () => {
  const READ_AT = new Date('2026-04-21T08:00:00Z');
  const EXE = concat(strToU8('MZ\x90\x00'), new Uint8Array(200).fill(7));

  async function readForged(change: Parameters<typeof forgeBackup>[1]) {
    const read = await readBackup(forgeBackup(await backup(), change), undefined, READ_AT);
    if (!read.ok) throw new Error(read.reason);
    return read;
  }

  /** Points the attachment at other bytes, with its recorded size and SHA-256 made to fit them. */
  const replaceScan = (bytes: Uint8Array) => (files: Record<string, Uint8Array>) => {
    files['attachments/0.png'] = bytes;
    editRows(files, 'attachments', (rows) => Object.assign(rows[0]!, { size: bytes.length, sha256: sha256Hex(bytes) }));
  };

  it('sets aside a document whose bytes do not hash to its key, naming the draft', async () => {
    const read = await readForged((files) => (files['documents/0.pdf'] = files['documents/0.pdf']!.map((b, i) => (i === 100 ? b ^ 1 : b))));
    expect(read.contents.documents).toEqual([]);
    expect(read.setAside).toBe(1);
    const [row] = read.contents.quarantine.filter((q) => q.source === 'documents');
    expect(row).toMatchObject({ source: 'documents', key: `d-review+${PDF_SHA}`, at: READ_AT.getTime() });
    expect(row!.reason).toContain('草稿“青山县政务服务中心”（d-review）的送审 PDF');
    expect(row!.reason).toContain('SHA-256');
    // The record is kept for whoever repairs it, but not the bytes that contradict it.
    expect(JSON.parse(row!.raw)).toMatchObject({ draftId: 'd-review', sha256: PDF_SHA, bytes: { size: PDF.length } });
    expect(JSON.parse(row!.raw).bytes.sha256).not.toBe(PDF_SHA);
  });

  it('sets aside a document stored under a key that is not its hash', async () => {
    const other = sha256Hex(strToU8('另一份 PDF'));
    const read = await readForged((files) => editRows(files, 'documents', (rows) => (rows[0]!['sha256'] = other)));
    expect(read.contents.documents).toEqual([]);
    expect(read.contents.quarantine.map((q) => q.key)).toContain(`d-review+${other}`);
  });

  it('sets aside an attachment whose recorded size is not that of its bytes', async () => {
    const read = await readForged((files) => editRows(files, 'attachments', (rows) => (rows[0]!['size'] = 999)));
    expect(read.contents.attachments).toEqual([]);
    const [row] = read.contents.quarantine.filter((q) => q.source === 'attachments');
    expect(row).toMatchObject({ key: 'a-scan', at: READ_AT.getTime() });
    expect(row!.reason).toContain(`草稿“青山县政务服务中心”（d-review）的签章附件“签章页扫描件.png”实际大小为 ${PNG.length} 字节，与记录的 999 字节不符`);
  });

  it('sets aside an attachment whose recorded SHA-256 is not that of its bytes', async () => {
    const read = await readForged((files) => editRows(files, 'attachments', (rows) => (rows[0]!['sha256'] = PDF_SHA)));
    expect(read.contents.attachments).toEqual([]);
    expect(read.contents.quarantine.find((q) => q.key === 'a-scan')!.reason).toContain('“签章页扫描件.png”内容与其 SHA-256 指纹不符');
  });

  it('sets aside an attachment whose bytes are another type than it claims', async () => {
    const read = await readForged(replaceScan(PDF));
    expect(read.contents.attachments).toEqual([]);
    expect(read.contents.quarantine.find((q) => q.key === 'a-scan')!.reason).toContain('实际是 application/pdf，与记录的类型 image/png 不符');
  });

  it('sets aside an attachment whose bytes are no signed-copy type at all', async () => {
    const read = await readForged(replaceScan(EXE));
    expect(read.contents.attachments).toEqual([]);
    expect(read.contents.quarantine.find((q) => q.key === 'a-scan')!.reason).toContain('“签章页扫描件.png”不是 PNG、JPEG 图片或 PDF 文件');
  });

  it('sets nothing aside in a genuine backup', async () => {
    const read = await readBackup(await backup(), undefined, READ_AT);
    expect(read).toMatchObject({ ok: true, setAside: 0, contents: sampleContents() });
  });
});
