import { t } from '../../core/i18n/translate';
import { TEMPLATE_KEYS } from '../../core/letter/templates';
import { newCommand } from './commands/new-command';
import { schemaCommand } from './commands/schema-command';
import { validateCommand } from './commands/validate-command';
import { CliFailure, EXIT, type CliIo, type ExitCode } from './exit-codes';

/** Runs `pledge <command> …` and returns the exit code; it never lets a stack trace reach the user. */
export async function main(argv: string[], io: CliIo, now: Date = new Date()): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return newCommand(rest, io, now);
      case 'validate':
        return await validateCommand(rest, io);
      case 'schema':
        return schemaCommand(io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${t('cli.usage', { templates: TEMPLATE_KEYS.join('、') })}\n`);
        return command === undefined ? EXIT.unusable : EXIT.ok;
      default:
        throw new CliFailure(t('cli.unknown-command', { command }), EXIT.unusable);
    }
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    // parseArgs reports unknown or malformed options with a TypeError carrying this code.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${t('cli.bad-arguments', { detail: (error as Error).message })}\n`);
      return EXIT.unusable;
    }
    throw error;
  }
}
