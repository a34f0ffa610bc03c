import { t } from '../core/i18n/translate';
import type { ProgressReport } from '../core/progress/progress-schema';
import { validateProgress } from '../core/progress/validate-progress';
import { CliFailure, EXIT } from './exit-codes';
import { readJsonObjectFile } from './read-json-file';

/**
 * Reads a progress report named on the command line as an input to another command; a report
 * with problems is a {@link CliFailure} (exit 2) listing them, and so, given `letterId`, is a
 * report of another letter.
 */
export async function readProgressFile(file: string, letterId?: string): Promise<ProgressReport> {
  const result = validateProgress(await readJsonObjectFile(file));
  if (!result.ok) throw new CliFailure([t('cli.progress.bad-report', { file }), ...result.problems.map((p) => p.message)].join('\n'), EXIT.unusable);
  if (letterId !== undefined && result.report.submissionId !== letterId) {
    throw new CliFailure(t('cli.progress.other-letter', { file, id: result.report.submissionId, expected: letterId }), EXIT.unusable);
  }
  return result.report;
}
