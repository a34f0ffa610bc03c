import { t } from '../core/i18n/translate';
import { TEMPLATE_KEYS } from '../core/letter/templates';
import { newCommand } from './commands/new-command';
import { calendarCommand } from './commands/calendar-command';
import { packCommand } from './commands/pack-command';
import { progressCommand } from './commands/progress-command';
import { receiptCommand } from './commands/receipt-command';
import { renderCommand } from './commands/render-command';
import { schemaCommand } from './commands/schema-command';
import { signCommand } from './commands/sign-command';
import { sendCommand } from './commands/send-command';
import { validateCommand } from './commands/validate-command';
import { verifyCommand } from './commands/verify-command';
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
      case 'render':
        return await renderCommand(rest, io);
      case 'schema':
        return schemaCommand(io);
      case 'pack':
        return await packCommand(rest, io, now);
      case 'sign':
        return await signCommand(rest, io, now);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'send':
        return await sendCommand(rest, io);
      case 'receipt':
        return await receiptCommand(rest, io);
      case 'publish':
        // Loaded on demand, as staff: the poster's layout and fonts would slow the start of every other command.
        return await (await import('./commands/publish-command')).publishCommand(rest, io);
      case 'records':
        // Loaded on demand: the spreadsheet writers would slow the start of every other command.
        return await (await import('./commands/records-command')).recordsCommand(rest, io);
      case 'progress':
        return await progressCommand(rest, io, now);
      case 'calendar':
        return await calendarCommand(rest, io, now);
      case 'cards':
        // Loaded on demand, as staff: the cards' layout would slow the start of every other command.
        return await (await import('./commands/cards-command')).cardsCommand(rest, io);
      case 'staff':
        // Loaded on demand: the spreadsheet libraries would slow the start of every other command.
        return await (await import('./commands/staff-command')).staffCommand(rest, io, now);
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
    const argumentMessage = parseArgsMessage(error);
    if (argumentMessage !== undefined) {
      io.stderr.write(`${argumentMessage}\n`);
      return EXIT.unusable;
    }
    throw error;
  }
}

/** parseArgs throws English TypeErrors with a code; users get the Chinese equivalent. */
function parseArgsMessage(error: unknown): string | undefined {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? '')?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli.unknown-option', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('cli.bad-option-value', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli.extra-argument', { option });
    default:
      return undefined;
  }
}
