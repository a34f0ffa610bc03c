import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { t, type MessageKey } from '../../core/i18n/translate';
import type { Letter } from '../../core/letter/letter-schema';
import type { Problem } from '../../core/letter/problem';
import { validateLetter } from '../../core/letter/validate-letter';
import { staffLetter, staffLetterBaseFromLetter } from '../../core/staff/staff-letter';
import { readStaffRoster } from '../../core/staff/staff-roster';
import { staffRosterTemplate } from '../../core/staff/staff-roster-template';
import type { StaffMember } from '../../core/staff/staff-member';
import { safeFileName } from '../../host/files/safe-file-name';
import { makePrivate, PRIVATE_FILE_MODE } from '../../node/files/private-files';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { fileExists } from '../file-exists';
import { printProblems } from '../print-problems';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';
import { writeOutputFile } from '../write-output-file';

/**
 * `pledge staff letters --roster <file> --unit <unit letter.json> --out <dir> [--force]`: one
 * personal letter per accepted roster row, from the template for the member's post; exit 1 when
 * any row was refused. `pledge staff template -o <file.xlsx>`: the roster template.
 */
export async function staffCommand(args: string[], io: CliIo, today: Date): Promise<ExitCode> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'letters':
      return lettersCommand(rest, io, today);
    case 'template':
      return templateCommand(rest, io);
    case undefined:
      throw new CliFailure(t('cli.staff.usage'), EXIT.unusable);
    default:
      throw new CliFailure(t('cli.staff.unknown-subcommand', { command: subcommand }), EXIT.unusable);
  }
}

async function lettersCommand(args: string[], io: CliIo, today: Date): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: { roster: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  const roster = required(values.roster, '--roster', 'cli.staff.what.roster');
  const unitFile = required(values.unit, '--unit', 'cli.staff.what.unit');
  const dir = required(values.out, '--out', 'cli.staff.what.out');

  const unitLetter = await readUnitLetter(unitFile, io);
  const reading = await readStaffRoster(await readInputFile(roster), basename(roster), { today });
  const wholeFile = reading.refused.find((refusal) => refusal.row === 0);
  if (wholeFile !== undefined) throw new CliFailure(t('cli.staff.roster-unusable', { reason: wholeFile.message }), EXIT.unusable);

  const base = staffLetterBaseFromLetter(unitLetter);
  const refused = reading.refused.map((refusal) => ({ row: refusal.row, message: refusal.message }));
  const letters: { readonly file: string; readonly letter: Letter }[] = [];
  for (const member of reading.members) {
    const validation = validateLetter(staffLetter(base, member));
    if (validation.ok) letters.push({ file: join(dir, letterFileName(member)), letter: validation.letter });
    else refused.push({ row: member.row, message: rowInvalid(member, validation.problems) });
  }

  await writeLetters(letters, dir, values.force === true);
  for (const refusal of refused.sort((a, b) => a.row - b.row)) io.stdout.write(`${refusal.message}\n`);
  const summary = refused.length === 0
    ? t('cli.staff.written', { path: dir, count: letters.length })
    : t('cli.staff.written-some-refused', { path: dir, count: letters.length, rest: refused.length });
  io.stdout.write(`${summary}\n`);
  return refused.length === 0 ? EXIT.ok : EXIT.invalid;
}

async function templateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({ args, options: { output: { type: 'string', short: 'o' } }, strict: true });
  if (values.output === undefined) throw new CliFailure(t('cli.staff.missing-template-output'), EXIT.unusable);
  await writeOutputFile(values.output, await staffRosterTemplate());
  io.stdout.write(`${t('cli.staff.template-written', { file: values.output })}\n`);
  return EXIT.ok;
}

function required(value: string | undefined, option: string, what: MessageKey): string {
  if (value === undefined || value.trim() === '') throw new CliFailure(t('cli.staff.missing-letters-option', { option, what: t(what) }), EXIT.unusable);
  return value;
}

/** The unit's own letter, fully valid (no template samples), since every staff letter copies its unit and channels. */
async function readUnitLetter(file: string, io: CliIo): Promise<Letter> {
  const validation = validateLetter(await readJsonObjectFile(file));
  if (!validation.ok) {
    printProblems(validation.problems, io);
    throw new CliFailure(t('cli.staff.unit-invalid', { file }), EXIT.unusable);
  }
  if (validation.letter.kind !== 'unit') throw new CliFailure(t('cli.staff.unit-not-unit', { file }), EXIT.unusable);
  return validation.letter;
}

/** `012-张某某.json`: sorted as the sheet is, and a name Windows takes. */
function letterFileName(member: StaffMember): string {
  return safeFileName(`${String(member.row).padStart(3, '0')}-${member.name}`, '.json');
}

/** Letter problems name fields, never an ID number (validate-letter.ts), so they can be printed. */
function rowInvalid(member: StaffMember, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return t('cli.staff.row-invalid', { n: member.row, problems: errors.join('') });
}

/**
 * Nothing is written when a letter would replace a file, unless `force`: a second run must not
 * undo edits made to the first run's letters. The files hold ID numbers, so they are private (0600).
 */
async function writeLetters(letters: readonly { readonly file: string; readonly letter: Letter }[], dir: string, force: boolean): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliFailure(t('cli.write-failed', { file: dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT.unusable);
  }
  if (!force) {
    const existing = (await Promise.all(letters.map(async ({ file }) => ((await fileExists(file)) ? file : undefined)))).filter((f) => f !== undefined);
    if (existing.length > 0) throw new CliFailure(t('cli.staff.files-exist', { path: dir, count: existing.length, file: basename(existing[0]!) }), EXIT.unusable);
  }
  for (const { file, letter } of letters) {
    try {
      await writeFile(file, `${JSON.stringify(letter, null, 2)}\n`, { mode: PRIVATE_FILE_MODE, flag: force ? 'w' : 'wx' });
      await makePrivate(file);
    } catch (error) {
      throw new CliFailure(t('cli.write-failed', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT.unusable);
    }
  }
}
