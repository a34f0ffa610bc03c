import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage } from '../../../core/package/verify-package';
import { concat, declare, hideEntryInCarrier, rawEntry } from '../zip/zip-forgery';
import { editManifest, ID, json, OTHER_ID, packageInput, PDF, PNG, SIGNED_PDF, tamper, toJson } from '../../support/package-fixtures';

function rejection(zip: Uint8Array): string {
  const result = verifyPackage(zip);
  if (result.ok) throw new Error('expected the package to be refused');
  expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  return result.reason;
}

describe('verifyPackage accepts', () => {
  it('what buildPackage wrote, giving back the manifest, the normalised letter and every file', () => {
    const result = verifyPackage(buildPackage(packageInput({ supersedes: OTHER_ID })));
    if (!result.ok) throw new Error(result.reason);
    expect(result.manifest).toMatchObject({ submissionId: ID, supersedes: OTHER_ID, year: 2026 });
    expect(result.letter.unit.name).toBe('青山县政务服务中心');
    expect([...result.files.keys()]).toEqual(['letter.json', 'letter.pdf', 'signed/1.png', 'credit-record.json']);
    expect(result.files.get('letter.pdf')).toEqual(PDF);
    expect(result.files.get('signed/1.png')).toEqual(PNG);
  });

  it('two signed copies of different types, numbered from 1', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const result = verifyPackage(buildPackage(packageInput({ signed: [{ name: 'a.png', bytes: PNG }, { name: 'b.jpeg', bytes: jpeg }, { name: 'c.pdf', bytes: SIGNED_PDF }] })));
    if (!result.ok) throw new Error(result.reason);
    expect([...result.files.keys()]).toEqual(['letter.json', 'letter.pdf', 'signed/1.png', 'signed/2.jpg', 'signed/3.pdf', 'credit-record.json']);
  });
});

describe('verifyPackage refuses', () => {
  it('a file that is not a ZIP', () => {
    expect(rejection(strToU8('%PDF-1.7 not a package'))).toBe('所选文件不是有效的报送包：无法按 ZIP 格式读取。');
    expect(rejection(new Uint8Array())).toBe('所选文件不是有效的报送包：无法按 ZIP 格式读取。');
  });

  it('bytes after the end of the ZIP: every entry checks out, but it is not the file that was written', () => {
    const zip = buildPackage(packageInput());
    const padded = new Uint8Array(zip.byteLength + 1);
    padded.set(zip);
    padded[zip.byteLength] = 0x78;
    expect(rejection(padded)).toBe('报送包末尾有多余的数据，与生成时的文件不同，可能已损坏或被篡改。');
  });

  it('a ZIP without a manifest, or whose manifest is not JSON', () => {
    expect(rejection(zipSync({ 'letter.json': strToU8('{}') }))).toBe('报送包缺少清单文件 manifest.json，不是本程序生成的报送包。');
    expect(rejection(tamper((files) => void (files['manifest.json'] = strToU8('{"format":'))))).toBe('报送包的清单文件 manifest.json 不是有效的 JSON，文件可能已损坏。');
  });

  it('a missing or unknown format', () => {
    expect(rejection(tamper(editManifest((m) => delete m['format'])))).toBe('报送包的清单文件 manifest.json 没有注明格式版本，不是本程序生成的报送包。');
    expect(rejection(tamper(editManifest((m) => (m['format'] = 'pledge-package/2'))))).toBe(
      '无法识别的报送包格式“pledge-package/2”（本程序只能读取 pledge-package/1），它可能来自更新版本的程序。',
    );
  });

  it('a manifest that breaks its schema, naming the field', () => {
    expect(rejection(tamper(editManifest((m) => (m['submissionId'] = 'not-a-uuid'))))).toBe('报送包的清单文件 manifest.json 内容有误（submissionId），文件可能已损坏。');
    const noPdf = tamper(editManifest((m) => (m['files'] = (m['files'] as { role: string }[]).map((f) => (f.role === 'letter-pdf' ? { ...f, role: 'signed-copy' } : f)))));
    expect(rejection(noPdf)).toBe('报送包的清单文件 manifest.json 内容有误（files[].role = letter-pdf），文件可能已损坏。');
  });

  it('a changed file: its size, or only its hash', () => {
    expect(rejection(tamper((files) => void (files['letter.pdf'] = strToU8('%PDF-1.7 forged'))))).toMatch(/^报送包中的文件“letter\.pdf”大小为 15 字节，与清单记录的 \d+ 字节不符/);
    const flipped = tamper((files) => {
      const pdf = files['letter.pdf']!.slice();
      pdf[5] = pdf[5]! ^ 1;
      files['letter.pdf'] = pdf;
    });
    expect(rejection(flipped)).toBe('报送包中的文件“letter.pdf”的 SHA-256 校验值与清单记录不符，文件可能已损坏或被篡改。');
  });

  it('a missing file', () => {
    expect(rejection(tamper((files) => delete files['letter.pdf']))).toBe('报送包缺少文件“letter.pdf”，报送包不完整。');
    const listsMore = editManifest((m) => (m['files'] as unknown[]).push({ name: 'signed/2.png', role: 'signed-copy', size: PNG.length, sha256: 'a'.repeat(64) }));
    expect(rejection(tamper(listsMore))).toBe('清单中列出的文件“signed/2.png”在报送包中不存在，报送包不完整。');
  });

  it('a file the manifest does not list', () => {
    expect(rejection(tamper((files) => void (files['signed/2.png'] = PNG)))).toBe('报送包中的文件“signed/2.png”未在清单中列出，文件可能已被篡改。');
  });

  it('an invalid letter, even with matching hashes', () => {
    const broken = tamper((files) => {
      const letter = json(files['letter.json']) as Record<string, unknown>;
      files['letter.json'] = toJson({ ...letter, date: '2026-02-30' });
    }, { relist: true });
    expect(rejection(broken)).toBe('报送包中的承诺书未通过校验：date: 成文日期“2026-02-30”不是真实存在的日期。');
    const notJson = tamper((files) => void (files['letter.json'] = strToU8('[1]')), { relist: true });
    expect(rejection(notJson)).toBe('报送包中的承诺书 letter.json 不是有效的 JSON 对象，文件可能已损坏。');
  });

  it('a manifest that names another unit or year than the letter', () => {
    expect(rejection(tamper(editManifest((m) => (m['year'] = 2027))))).toBe('报送包清单中的承诺年度与承诺书不一致，文件可能已被篡改。');
    expect(rejection(tamper(editManifest((m) => (m['unit'] = { name: '别的单位', creditCode: '12239921012345678X' }))))).toBe(
      '报送包清单中的单位全称或统一社会信用代码与承诺书不一致，文件可能已被篡改。',
    );
  });

  it.each([
    ['a parent segment', '../x'],
    ['an absolute path', '/etc/x'],
    ['a backslash', 'signed\\x'],
    ['a drive letter', 'C:/x'],
  ])('an unsafe path with %s', (_label, path) => {
    const zip = zipSync({ 'manifest.json': toJson({}), [path]: strToU8('x') });
    expect(rejection(zip)).toBe(`报送包中的文件路径“${path}”不安全（绝对路径、含有“..”或反斜杠），已拒绝读取。`);
  });

  it('an entry of a real package renamed to escape it', () => {
    const zip = declare(buildPackage(packageInput()), 'letter.pdf', { name: '../x.pdf__' });
    expect(rejection(zip)).toBe('报送包中的文件路径“../x.pdf__”不安全（绝对路径、含有“..”或反斜杠），已拒绝读取。');
  });

  it('a zip bomb that declares its size honestly, before inflating anything', () => {
    const bomb = zipSync({ ...unzipSync(buildPackage(packageInput())), 'letter.pdf': [new Uint8Array(129 * 1024 * 1024), { level: 1 }] });
    const started = performance.now();
    expect(rejection(bomb)).toBe('报送包解压后共 129 MB，超过上限 128 MB，已拒绝读取。');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a zip bomb that lies about its size: refused from the directory, or while inflating', () => {
    const bomb = zipSync({ ...unzipSync(buildPackage(packageInput())), 'letter.pdf': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    // Claims more than deflate can expand to.
    expect(rejection(declare(bomb, 'letter.pdf', { originalSize: 4_000_000_000 }))).toBe(
      '报送包中的文件“letter.pdf”解压后的实际大小与 ZIP 中声明的 4000000000 字节不符，文件可能已损坏或被篡改。',
    );
    // Claims less than it holds: stopped once past the claim, without inflating 64 MB.
    const started = performance.now();
    expect(rejection(declare(bomb, 'letter.pdf', { originalSize: 1000 }))).toBe('报送包中的文件“letter.pdf”解压后的实际大小与 ZIP 中声明的 1000 字节不符，文件可能已损坏或被篡改。');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('anything, without throwing', () => {
    const zip = buildPackage(packageInput());
    let seed = 11;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 100; round++) {
      const damaged = zip.slice();
      for (let flips = 0; flips < 1 + (round % 4); flips++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const result = verifyPackage(damaged);
      if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('verifyPackage checks a package for sense, not only against its manifest', () => {
  it('refuses the hidden-letter archive of issue 11, whose hidden letter.json fflate extracts', () => {
    const files = unzipSync(buildPackage(packageInput()));
    const shown = files['letter.json']!;
    const hidden = strToU8(strFromU8(shown).replace('青山县', '别山县'));
    expect(hidden.length).toBe(shown.length);
    const entries = Object.entries(files).map(([name, bytes]) => rawEntry(name, bytes));
    const forged = hideEntryInCarrier(entries, 'letter.pdf', rawEntry('letter.json', hidden));
    expect(strFromU8(unzipSync(forged)['letter.json']!)).toContain('别山县');
    // The letter.json a walk of local headers reads is in no directory record.
    expect(rejection(forged)).toBe('报送包中有不属于任何文件的数据（例如文件开头的网页内容或藏在文件之间的内容），与生成时的文件不同，可能已被篡改，已拒绝读取。');
  });

  it('refuses an HTML page before the ZIP', () => {
    const page = strToU8('<!doctype html><html><body>请下载附件</body></html>\n');
    expect(rejection(concat([page, buildPackage(packageInput())]))).toBe(
      '报送包中有不属于任何文件的数据（例如文件开头的网页内容或藏在文件之间的内容），与生成时的文件不同，可能已被篡改，已拒绝读取。',
    );
  });

  it.each([
    ['an executable', 'signed/run.exe'],
    ['a web page', 'signed/page.html'],
    ['a signed copy with a leading zero', 'signed/01.png'],
    ['a stray file', 'notes.txt'],
  ])('refuses %s among the entries', (_label, name) => {
    expect(rejection(tamper((files) => void (files[name] = PNG)))).toBe(
      `报送包中不应有文件“${name}”：报送包只包含 manifest.json、letter.json、letter.pdf、credit-record.json 和从 signed/1 起依次编号的签章件（.png、.jpg 或 .pdf）。`,
    );
  });

  it('refuses names that collide on Windows or macOS, or that Windows cannot store', () => {
    expect(rejection(tamper((files) => void (files['LETTER.JSON'] = files['letter.json']!)))).toBe(
      '报送包中的文件“LETTER.JSON”与“letter.json”在 Windows 或 macOS 上会被当作同一个文件（只差大小写或 Unicode 写法），已拒绝读取。',
    );
    // NFC and NFD spellings of one name: refused as soon as a name leaves ASCII.
    expect(rejection(tamper((files) => Object.assign(files, { 'signed/\u00e9.png': PNG, 'signed/e\u0301.png': PNG })))).toBe(
      '报送包中的文件名“signed/\u00e9.png”含有 ASCII 以外的字符，不是本程序生成的报送包，已拒绝读取。',
    );
    for (const name of ['letter.json:stream', 'signed/1.png.', 'signed/1.png ']) {
      expect(rejection(tamper((files) => void (files[name] = PNG)))).toBe(`报送包中的文件名“${name}”含有冒号或以点、空格结尾，在 Windows 上无法原样保存，已拒绝读取。`);
    }
  });

  it('refuses a package without a signed copy, or with a gap in their numbers', () => {
    const withoutCopy = tamper((files) => {
      delete files['signed/1.png'];
      editManifest((m) => (m['files'] = (m['files'] as { role: string }[]).filter((f) => f.role !== 'signed-copy')))(files);
    });
    expect(rejection(withoutCopy)).toBe('报送包中没有签章件（signed/1.png、signed/1.jpg 或 signed/1.pdf），未签字盖章的承诺书不能报送。');
    expect(rejection(tamper((files) => void (files['signed/3.png'] = PNG)))).toBe('报送包中的签章件编号不连续：缺少第 2 份（signed/2.png、.jpg 或 .pdf）。');
    expect(rejection(tamper((files) => void (files['signed/1.pdf'] = PDF)))).toBe('报送包中有两份编号为 1 的签章件，文件可能已被篡改。');
  });

  it('refuses a signed copy whose bytes are not what its name says, or no image at all', () => {
    expect(rejection(tamper((files) => void (files['signed/1.png'] = PDF), { relist: true }))).toBe(
      '报送包中的签章件“signed/1.png”的内容与其扩展名所示的文件类型不符，文件可能已被篡改。',
    );
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(rejection(tamper((files) => void (files['signed/1.png'] = exe), { relist: true }))).toBe(
      '报送包中的签章件不符合要求：“signed/1.png”不是 PNG、JPEG 图片或 PDF 文件，未添加。',
    );
  });

  it('refuses 120 MB of zeros named .png from the declared size, before inflating it', () => {
    const zeros = new Uint8Array(120 * 1024 * 1024);
    zeros.set(PNG.subarray(0, 8));
    const files = unzipSync(buildPackage(packageInput()));
    const zip = zipSync({ ...files, 'signed/1.png': [zeros, { level: 1 }] });
    const started = performance.now();
    expect(rejection(zip)).toBe('报送包中的签章件不符合要求：“signed/1.png”有 120.0 MB，超过单个文件 20.0 MB 的上限，未添加。请降低扫描分辨率后重试。');
    // Inflating 120 MB takes far longer than reading the directory.
    expect(performance.now() - started).toBeLessThan(150);
  });

  it.each([
    ['a byte order mark', (bytes: Uint8Array) => concat([Uint8Array.from([0xef, 0xbb, 0xbf]), bytes])],
    ['invalid UTF-8', (bytes: Uint8Array) => strToU8(strFromU8(bytes).replace('青山县', 'X')).map((b, i, a) => (i === a.indexOf(0x58) ? 0xff : b))],
    ['a key given twice', (bytes: Uint8Array) => strToU8(strFromU8(bytes).replace('{\n', '{\n  "year": 1999,\n'))],
    ['other white space', (bytes: Uint8Array) => strToU8(JSON.stringify(JSON.parse(strFromU8(bytes))))],
  ])('refuses a letter.json with %s, which its normalised form does not have', (_label, change) => {
    const zip = tamper((files) => void (files['letter.json'] = change(files['letter.json']!)), { relist: true });
    expect(rejection(zip)).toBe('报送包中的承诺书 letter.json 不是本程序写出的规范格式（例如带有 BOM、含有非 UTF-8 字节、同一个键出现两次或格式被改动过），文件可能已被篡改。');
  });

  it.each([
    ['a byte order mark', (bytes: Uint8Array) => concat([Uint8Array.from([0xef, 0xbb, 0xbf]), bytes])],
    // Another unit first, ours last: JSON.parse keeps the last, a reader that keeps the first sees the other unit.
    ['the unit given twice', (bytes: Uint8Array) => strToU8(strFromU8(bytes).replace('{\n', '{\n  "unit": { "name": "别处县政务服务中心", "creditCode": "112399210035830292" },\n'))],
    ['the submission id given twice', (bytes: Uint8Array) => strToU8(strFromU8(bytes).replace('{\n', `{\n  "submissionId": "${OTHER_ID}",\n`))],
  ])('refuses a manifest.json with %s, which its normalised form does not have', (_label, change) => {
    const zip = tamper((files) => void (files['manifest.json'] = change(files['manifest.json']!)));
    expect(rejection(zip)).toBe('报送包的清单文件 manifest.json 不是本程序写出的规范格式（例如带有 BOM、同一个键出现两次或格式被改动过），文件可能已被篡改。');
  });

  it('refuses a credit-record.json that is not the record of the letter', () => {
    const emptied = tamper((files) => void (files['credit-record.json'] = toJson({})), { relist: true });
    expect(rejection(emptied)).toBe('报送包中的信用承诺记录 credit-record.json 与承诺书 letter.json 的内容不一致，文件可能已被篡改。');
    const otherId = tamper((files) => {
      const record = json(files['credit-record.json']) as Record<string, unknown>;
      files['credit-record.json'] = strToU8(`${JSON.stringify({ ...record, 承诺编码: OTHER_ID }, null, 2)}\n`);
    }, { relist: true });
    expect(rejection(otherId)).toBe('报送包中的信用承诺记录 credit-record.json 与承诺书 letter.json 的内容不一致，文件可能已被篡改。');
  });

  it('refuses a manifest that gives an entry the role of another', () => {
    const swapped = tamper(editManifest((m) => {
      for (const f of m['files'] as { role: string }[]) f.role = f.role === 'letter-pdf' ? 'letter-json' : f.role === 'letter-json' ? 'letter-pdf' : f.role;
    }));
    expect(rejection(swapped)).toBe('报送包清单把文件“letter.json”记为“letter-pdf”，与文件名不符，文件可能已被篡改。');
  });

  it('accepts a letter.pdf larger than a signed copy may be', () => {
    const pdf = new Uint8Array(21 * 1024 * 1024);
    pdf.set(PDF);
    expect(verifyPackage(buildPackage(packageInput({ pdf }))).ok).toBe(true);
  });

  it('refuses a letter.pdf that is not a PDF', () => {
    expect(rejection(tamper((files) => void (files['letter.pdf'] = strToU8('<html>not a pdf</html>')), { relist: true }))).toBe('报送包中的 letter.pdf 不是 PDF 文件，已拒绝读取。');
  });
});
