import { normalizeCreditCode } from '../../core/letter/credit-code';
import { creditCodeCandidatesText, unitCreditCodeProblems } from '../../core/letter/validate-letter';
import { t } from '../i18n/translate';
import type { RosterUnit } from '../store/platform-store';
import { fieldTitle, ROSTER_FIELDS, type Columns, type RosterField } from './roster-header';
import { cellText, isNumberCell, type SheetCell, type SheetRows } from '../../core/sheet/sheet-cell';

/** A row left out of the import; `row` is as the spreadsheet numbers it, 0 for the file as a whole. */
export interface RosterRefusal {
  readonly row: number;
  readonly message: string;
}

export interface RosterReading {
  readonly units: RosterUnit[];
  readonly refused: RosterRefusal[];
}

interface ReadRow {
  readonly row: number;
  readonly unit: RosterUnit;
}

/**
 * The units under the header row. Every field is required: a row without 所属区县 or 单位类型 is
 * refused rather than filed under a made-up group, because coverage and the 通报 count by those
 * two, and a unit in a blank group is one the operator would not see there; a refused row is named
 * with its number and fixed in the 编办's file in a minute. Rows blank in all four columns are skipped.
 */
export function rosterFromRows(rows: SheetRows, headerIndex: number, columns: Columns): RosterReading {
  const read: ReadRow[] = [];
  const refused: RosterRefusal[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    // Blank in every roster column: also the template's pre-numbered rows (a 序号 and nothing else).
    if (ROSTER_FIELDS.every((field) => cellText(cells[columns[field]]) === '')) continue;
    const row = index + 1;
    const outcome = unitOfRow(cells, columns);
    if (typeof outcome === 'string') refused.push(refusal(row, outcome));
    else read.push({ row, unit: outcome });
  }
  const { units, duplicates } = withoutDuplicates(read);
  return { units, refused: [...refused, ...duplicates].sort((a, b) => a.row - b.row) };
}

export function refusal(row: number, reason: string): RosterRefusal {
  return { row, message: row === 0 ? reason : t('platform.roster.row', { line: row, reason }) };
}

function unitOfRow(cells: readonly SheetCell[], columns: Columns): RosterUnit | string {
  const text = (field: RosterField) => cellText(cells[columns[field]]);
  const unit = { name: text('name'), district: text('district'), type: text('type') };
  const codeCell = cells[columns.creditCode] ?? null;
  const blank = ROSTER_FIELDS.filter((field) => text(field) === '');
  if (blank.length > 0) return t('platform.roster.missing', { field: blank.map(fieldTitle).join('、') });
  const code = codeOfCell(codeCell);
  const problem = unitCreditCodeProblems(code)[0];
  if (problem && looksLikeNumber(codeCell)) return t('platform.roster.numericCode', { value: cellText(codeCell) });
  if (problem?.code === 'credit.check') return t('platform.roster.check', { code, candidates: creditCodeCandidatesText(code) });
  if (problem) return problem.message;
  return { creditCode: code, ...unit };
}

/**
 * The code as the letter normalises it. A number cell whose digits are all there (a writer other
 * than Excel may store all 18) is taken when the check characters vouch for it; anything else in a
 * number cell is refused by the caller. Excel's ways of forcing text into a CSV cell (a leading
 * apostrophe, ="…") are undone.
 */
function codeOfCell(cell: SheetCell): string {
  const raw = cellText(cell);
  return normalizeCreditCode(/^="(.*)"$/u.exec(raw)?.[1] ?? raw.replace(/^'/u, ''));
}

/** A number cell, or the text Excel writes into a CSV for one (1.22399E+17). */
function looksLikeNumber(cell: SheetCell): boolean {
  return isNumberCell(cell) || /^\d(?:\.\d+)?E\+?\d+$/iu.test(cellText(cell));
}

/**
 * One unit per code. Rows that repeat a code with the same content are one unit, taken from the
 * first; rows that disagree are all refused, since which of them the 编办 meant cannot be told.
 */
function withoutDuplicates(read: readonly ReadRow[]): { units: RosterUnit[]; duplicates: RosterRefusal[] } {
  const byCode = new Map<string, ReadRow[]>();
  for (const entry of read) byCode.set(entry.unit.creditCode, [...(byCode.get(entry.unit.creditCode) ?? []), entry]);
  const units: RosterUnit[] = [];
  const duplicates: RosterRefusal[] = [];
  for (const [code, entries] of byCode) {
    const [first, ...repeats] = entries as [ReadRow, ...ReadRow[]];
    const agree = repeats.every(({ unit }) => sameUnit(unit, first.unit));
    if (agree) {
      units.push(first.unit);
      for (const repeat of repeats) duplicates.push(refusal(repeat.row, t('platform.roster.duplicate', { code, n: first.row })));
      continue;
    }
    for (const entry of entries) {
      const others = entries.filter((other) => other !== entry).map((other) => other.row);
      duplicates.push(refusal(entry.row, t('platform.roster.conflict', { code, n: others.join('、') })));
    }
  }
  return { units, duplicates };
}

function sameUnit(a: RosterUnit, b: RosterUnit): boolean {
  return a.name === b.name && a.district === b.district && a.type === b.type;
}
