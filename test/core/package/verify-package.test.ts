import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../../core/package/build-package';
import { verifyPackage } from '../../../core/package/verify-package';
import { declare } from '../zip/zip-forgery';
import { editManifest, ID, json, OTHER_ID, packageInput, PDF, PNG, tamper, toJson } from './package-fixtures';

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

  it('a package with no signed copy', () => {
    expect(verifyPackage(buildPackage(packageInput({ signed: [] }))).ok).toBe(true);
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
    expect(rejection(tamper((files) => delete files['signed/1.png']))).toBe('清单中列出的文件“signed/1.png”在报送包中不存在，报送包不完整。');
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
    const bomb = zipSync({ 'manifest.json': toJson({}), 'letter.pdf': [new Uint8Array(129 * 1024 * 1024), { level: 1 }] });
    const started = performance.now();
    expect(rejection(bomb)).toBe('报送包解压后共 129 MB，超过上限 128 MB，已拒绝读取。');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a zip bomb that lies about its size: refused from the directory, or while inflating', () => {
    const bomb = zipSync({ 'manifest.json': toJson({}), 'letter.pdf': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
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
