import { t } from '../i18n/translate';
import { readSheetFile, type SheetFileProblem } from '../sheet/read-sheet-file';
import { cellText, isNumberCell, type SheetCell, type SheetRows } from '../sheet/sheet-cell';
import { findHeader, type HeaderColumns } from '../sheet/sheet-header';
import { checkIdNumber, normalizeIdNumber } from './id-number';
import { POST_TYPES, type StaffMember } from './staff-member';
import { postTypeLabel, postTypeOfText, STAFF_HEADER, staffFieldTitle, type StaffField } from './staff-roster-titles';

/** A row left out; `row` is as the spreadsheet numbers it, 0 for the file as a whole. */
export interface StaffRosterRefusal {
  readonly row: number;
  /** Chinese; a row's starts “第 N 行：”. Never holds an ID number. */
  readonly message: string;
}

export interface StaffRosterReading {
  /** The accepted rows, in sheet order. */
  readonly members: StaffMember[];
  /** By row number. */
  readonly refused: StaffRosterRefusal[];
}

type Columns = HeaderColumns<'name' | 'position' | 'postType', 'department' | 'idNumber'>;

/**
 * Reads the office's staff spreadsheet (.xlsx, its first sheet, or .csv) with the columns 姓名,
 * 职务, 科室, 岗位类别 and, when the office keeps it, 身份证号, under any title rows. Each row that
 * cannot make a personal letter is refused with its row number and every reason; the good rows go
 * on. A file that cannot be read, or has no header, is one refusal with row 0. Never throws for
 * what the file holds. `today` bounds the birth dates in the ID numbers.
 */
export async function readStaffRoster(bytes: Uint8Array, fileName: string, options: { today?: Date } = {}): Promise<StaffRosterReading> {
  const sheet = await readSheetFile(bytes, fileName);
  if (!sheet.ok) return wholeFile(problemText(sheet, fileName));
  const header = findHeader(sheet.rows, STAFF_HEADER);
  if (header.found) return staffFromRows(sheet.rows, header.index, header.columns, options.today ?? new Date());
  const quoted = header.missing.map((field) => `“${staffFieldTitle(field)}”`).join('');
  return wholeFile(
    header.index === undefined
      ? t('staff.roster.no-header', { file: fileName, field: quoted })
      : t('staff.roster.missing-columns', { file: fileName, line: header.index + 1, field: quoted }),
  );
}

function wholeFile(message: string): StaffRosterReading {
  return { members: [], refused: [{ row: 0, message }] };
}

function problemText(problem: SheetFileProblem, file: string): string {
  switch (problem.reason) {
    case 'unreadable':
      return t('staff.roster.unreadable', { file });
    case 'old-excel':
      return t('staff.roster.old-excel', { file });
    case 'unknown-format':
      return t('staff.roster.unknown-format', { file });
    case 'bad-csv':
      return t('staff.roster.bad-csv', { file, line: problem.line });
  }
}

function staffFromRows(rows: SheetRows, headerIndex: number, columns: Columns, today: Date): StaffRosterReading {
  const read: StaffMember[] = [];
  const refused: StaffRosterRefusal[] = [];
  const fields = Object.keys(columns) as StaffField[];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    const cellOf = (field: StaffField): SheetCell | undefined => {
      const column = columns[field];
      return column === undefined ? undefined : cells[column];
    };
    // Blank in every column the sheet has: also a template's pre-numbered rows (a 序号 and nothing else).
    if (fields.every((field) => tidy(cellText(cellOf(field))) === '')) continue;
    const row = index + 1;
    const outcome = memberOfRow(row, cellOf, today);
    if (typeof outcome === 'string') refused.push(refusalOf(row, outcome));
    else read.push(outcome);
  }
  const { members, repeated } = withoutRepeats(read);
  return { members, refused: [...refused, ...repeated].sort((a, b) => a.row - b.row) };
}

function refusalOf(row: number, reason: string): StaffRosterRefusal {
  return { row, message: t('staff.roster.row', { line: row, reason }) };
}

/** The member the row lists, or every reason it cannot be one, worded. */
function memberOfRow(row: number, cellOf: (field: StaffField) => SheetCell | undefined, today: Date): StaffMember | string {
  // A space between two Han characters is layout, not text: two-character names are often padded to
  // three with a full-width one to line the column up, and Chinese words are not spaced.
  const text = (field: StaffField) => tidy(cellText(cellOf(field))).replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  const name = text('name');
  const position = text('position');
  const postTypeText = text('postType');
  const postType = postTypeOfText(postTypeText);
  const id = idNumberOf(cellOf('idNumber'), today);
  const choices = POST_TYPES.map((type) => `“${postTypeLabel(type)}”`).join('');
  const problems = [
    name === '' ? t('staff.roster.no-name') : undefined,
    position === '' ? t('staff.roster.no-position') : undefined,
    postTypeText === '' ? t('staff.roster.no-post-type', { choices }) : undefined,
    postTypeText !== '' && postType === undefined ? t('staff.roster.bad-post-type', { value: postTypeText, choices }) : undefined,
    id.problem,
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0 || postType === undefined) return problems.join('');
  return { row, name, position, department: text('department'), postType, ...(id.value === undefined ? {} : { idNumber: id.value }) };
}

/** Runs of any spaces (full-width, no-break, zero-width) as one, none at either end. */
function tidy(text: string): string {
  return text.replace(/[\s\u200b]+/gu, ' ').trim();
}

/**
 * The checked ID number, none for a blank cell, or why it is refused. A number cell, or the text
 * Excel writes into a CSV for one (1.10105E+17, or 18 digits whose tail it zeroed), has already lost
 * digits: it is refused as such and never "repaired". Excel's ways of forcing text into a CSV cell
 * (a leading apostrophe, ="…") are undone first.
 */
function idNumberOf(cell: SheetCell | undefined, today: Date): { value?: string; problem?: string } {
  const raw = tidy(cellText(cell));
  if (raw === '') return {};
  const numeric = { problem: t('staff.roster.id-numeric') };
  // Fifteen digits survive a number cell whole: that is an old ID number, and the fix is another one.
  if (isNumberCell(cell) && /^\d{15}$/u.test(raw)) return { problem: t('staff.roster.id-old') };
  if (isNumberCell(cell) || /^\d(?:\.\d+)?E\+?\d+$/iu.test(raw)) return numeric;
  const value = normalizeIdNumber(/^="(.*)"$/u.exec(raw)?.[1] ?? raw.replace(/^['‘’]/u, ''));
  const finding = checkIdNumber(value, today);
  if (finding === undefined) return { value };
  if (/^\d{15}000$/u.test(value)) return numeric;
  switch (finding.kind) {
    case 'length':
      return { problem: /^\d{15}$/u.test(value) ? t('staff.roster.id-old') : t('staff.roster.id-length', { actual: finding.actual }) };
    case 'charset':
      return { problem: t('staff.roster.id-charset') };
    case 'birth-date':
      return { problem: t('staff.roster.id-birth-date') };
    case 'check':
      return { problem: t('staff.roster.id-check', { expected: finding.expected }) };
  }
}

const DETAILS = ['name', 'position', 'department', 'postType'] as const;

/**
 * One member per person. A row that repeats another in every column is taken once, from the first.
 * Rows with the same ID number that differ in anything are all refused, each naming the others:
 * which of them is right cannot be told from the sheet. Two rows without ID numbers that differ
 * are two people (namesakes happen).
 */
function withoutRepeats(read: readonly StaffMember[]): { members: StaffMember[]; repeated: StaffRosterRefusal[] } {
  const groups = new Map<string, StaffMember[]>();
  for (const member of read) {
    const key = member.idNumber ?? JSON.stringify(DETAILS.map((field) => member[field]));
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  const refusedRows = new Set<number>();
  const repeated: StaffRosterRefusal[] = [];
  for (const [first, ...others] of groups.values()) {
    if (first === undefined || others.length === 0) continue;
    const differing = DETAILS.filter((field) => others.some((other) => other[field] !== first[field]));
    if (differing.length === 0) {
      const key = first.idNumber === undefined ? 'staff.roster.repeat' : 'staff.roster.id-repeat';
      for (const other of others) repeated.push(refusalOf(other.row, t(key, { n: first.row })));
      others.forEach((other) => refusedRows.add(other.row));
      continue;
    }
    const group = [first, ...others];
    const field = differing.map(staffFieldTitle).join('、');
    for (const member of group) {
      const n = group.filter((other) => other !== member).map((other) => other.row).join('、');
      repeated.push(refusalOf(member.row, t('staff.roster.id-conflict', { n, field })));
      refusedRows.add(member.row);
    }
  }
  return { members: read.filter((member) => !refusedRows.has(member.row)), repeated };
}
