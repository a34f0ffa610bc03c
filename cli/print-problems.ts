import { t } from '../core/i18n/translate';
import type { Problem } from '../core/letter/problem';
import type { CliIo } from './exit-codes';

/**
 * One `path: message` line per error on stdout; warnings on stderr, marked as such. `file` goes
 * before each line where a command reads several letters.
 */
export function printProblems(problems: readonly Problem[], io: CliIo, file?: string): void {
  for (const p of problems) {
    const line = `${file === undefined ? '' : `${file}: `}${p.path}: ${p.message}\n`;
    if (p.severity === 'error') io.stdout.write(line);
    else io.stderr.write(`${t('cli.warning')} ${line}`);
  }
}
