/** One record of an OpenType `name` table, its string already encoded as the platform wants. */
export interface NameRecord {
  readonly platform: number;
  readonly encoding: number;
  readonly language: number;
  readonly nameId: number;
  readonly bytes: Uint8Array;
}

export const EN_US = 0x0409;
export const ZH_CN = 0x0804;

/** A Windows (platform 3, Unicode BMP) name, the kind every installed font has. */
export function windowsName(language: number, nameId: number, text: string): NameRecord {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index += 1) view.setUint16(index * 2, text.charCodeAt(index));
  return { platform: 3, encoding: 1, language, nameId, bytes };
}

/** A `name` table (format 0) of these records, sorted as the spec requires. */
export function nameTable(records: readonly NameRecord[]): Uint8Array {
  const sorted = [...records].sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.nameId - b.nameId);
  const storageAt = 6 + sorted.length * 12;
  const table = new Uint8Array(storageAt + sorted.reduce((sum, record) => sum + record.bytes.byteLength, 0));
  const view = new DataView(table.buffer);
  view.setUint16(2, sorted.length);
  view.setUint16(4, storageAt);
  let stringAt = 0;
  sorted.forEach((record, index) => {
    const at = 6 + index * 12;
    view.setUint16(at, record.platform);
    view.setUint16(at + 2, record.encoding);
    view.setUint16(at + 4, record.language);
    view.setUint16(at + 6, record.nameId);
    view.setUint16(at + 8, record.bytes.byteLength);
    view.setUint16(at + 10, stringAt);
    table.set(record.bytes, storageAt + stringAt);
    stringAt += record.bytes.byteLength;
  });
  return table;
}
