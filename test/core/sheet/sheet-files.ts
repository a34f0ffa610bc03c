import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

/**
 * Spreadsheet files built in the test (the 编办's roster, an office's staff list): .xlsx written by
 * write-excel-file (another library than the reader), .csv as UTF-8 with a BOM (Excel's "CSV UTF-8")
 * and as GB18030 (what Excel on a Chinese Windows saves as plain "CSV").
 */
export async function xlsxFile(rows: SheetData): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(rows).toBuffer());
}

export function csvText(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function utf8Csv(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${csvText(rows)}`);
}

export function gb18030Csv(rows: readonly (readonly string[])[]): Uint8Array {
  return encodeGb18030(csvText(rows));
}

let gbOfChar: Map<string, number[]> | undefined;

/**
 * TextEncoder writes only UTF-8, so the GB18030 bytes are found through the decoder: every
 * two-byte sequence of GBK's range, decoded once, gives the table back. Enough for the Han
 * characters and full-width punctuation of a list; ASCII is itself.
 */
function encodeGb18030(text: string): Uint8Array {
  if (!gbOfChar) {
    gbOfChar = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!gbOfChar.has(char)) gbOfChar.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = gbOfChar.get(char);
      if (!pair) throw new Error(`No two-byte GB18030 form for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
