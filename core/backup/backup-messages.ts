import type { MessageParams } from '../i18n/translate';

/**
 * TEMPORARY home of the backup's user-facing strings, until they are merged into
 * `core/i18n/zh-cn.ts` (owned by another change in flight). Once merged, delete this file and
 * import `t` from `../i18n/translate` instead of from here: the keys and the call sites stay the same.
 */
export const backupMessages = {
  'backup.table.drafts': '草稿',
  'backup.table.letters': '承诺书内容',
  'backup.table.snapshots': '历史版本',
  'backup.table.documents': '送审 PDF',
  'backup.table.attachments': '签章附件',
  'backup.table.quarantine': '无法读取的记录',

  'backup.error.notZip': '所选文件不是有效的备份文件：无法按 ZIP 格式读取。',
  'backup.error.tooManyEntries': '备份文件包含的文件超过 {max} 个，不是本程序导出的备份，已拒绝读取。',
  'backup.error.unsafePath': '备份中的文件路径“{name}”不安全（绝对路径或含有“..”），已拒绝读取。',
  'backup.error.duplicateEntry': '备份中有两个同名文件“{name}”，文件可能已被篡改，已拒绝读取。',
  'backup.error.unsupportedCompression': '备份中的文件“{name}”使用了不支持的压缩方式（{method}），已拒绝读取。',
  'backup.error.tooLarge': '备份解压后共 {size}，超过上限 {limit}，已拒绝读取。',
  'backup.error.sizeLie': '备份中的文件“{name}”解压后的实际大小与 ZIP 中声明的 {size} 字节不符，文件可能已损坏或被篡改。',
  'backup.error.structureMismatch': '备份的 ZIP 目录与文件内容不一致（“{name}”），文件可能已损坏或被篡改。',
  'backup.error.corruptEntry': '备份中的文件“{name}”无法解压，文件可能已损坏。',
  'backup.error.missingManifest': '备份缺少清单文件 manifest.json，不是本程序导出的备份。',
  'backup.error.missingFormat': '备份的清单文件 manifest.json 没有注明格式版本，不是本程序导出的备份。',
  'backup.error.manifestNotJson': '备份的清单文件 manifest.json 不是有效的 JSON，文件可能已损坏。',
  'backup.error.unknownFormat': '无法识别的备份格式“{format}”（本程序只能读取 {expected}），它可能来自更新版本的程序。',
  'backup.error.manifestInvalid': '备份的清单文件 manifest.json 内容有误（{field}），文件可能已损坏。',
  'backup.error.missingEntry': '清单中列出的文件“{name}”在备份中不存在，备份不完整。',
  'backup.error.unlistedEntry': '备份中的文件“{name}”未在清单中列出，文件可能已被篡改。',
  'backup.error.entrySizeMismatch': '备份中的文件“{name}”大小为 {actual} 字节，与清单记录的 {expected} 字节不符，文件可能已损坏或被篡改。',
  'backup.error.entryHashMismatch': '备份中的文件“{name}”的 SHA-256 校验值与清单记录不符，文件可能已损坏或被篡改。',
  'backup.error.tableNotJson': '“{table}”数据（{name}）不是有效的 JSON 数组，文件可能已损坏。',
  'backup.error.countMismatch': '“{table}”数据有 {actual} 条记录，与清单记录的 {expected} 条不符，备份不完整。',
  'backup.error.invalidRecord': '“{table}”数据第 {n} 条记录（{record}）的字段“{field}”不符合要求，无法导入。',
  'backup.error.invalidRecordShape': '“{table}”数据第 {n} 条记录（{record}）不是有效的记录，无法导入。',
  'backup.error.duplicateKey': '“{table}”数据第 {n} 条记录（{record}）与前面的记录重复（{key}），备份有误，无法导入。',
  'backup.error.missingBytes': '“{table}”数据第 {n} 条记录（{record}）引用的文件“{name}”不在清单中，备份不完整。',
  'backup.error.unreadable': '读取备份时出现意外错误：{detail}',
} as const;

export type BackupMessageKey = keyof typeof backupMessages;

/**
 * TEMPORARY stand-in for `t` from `core/i18n/translate`, over {@link backupMessages} only; same
 * placeholder rules (`{name}` filled, `{{` a literal brace, unknown placeholders left visible).
 *
 * @example t('backup.error.missingEntry', { name: 'documents/0.pdf' })
 */
export function t(key: BackupMessageKey, params: MessageParams = {}): string {
  return backupMessages[key].replace(/\{\{|\{(\w+)\}/g, (whole: string, name: string | undefined) => {
    if (name === undefined) return '{';
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
