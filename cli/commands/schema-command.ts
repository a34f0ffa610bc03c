import { letterJsonSchema } from '../../core/letter/json-schema';
import { EXIT, type CliIo, type ExitCode } from '../exit-codes';

/** `pledge schema`: prints the JSON Schema of `pledge-letter/1`. */
export function schemaCommand(io: CliIo): ExitCode {
  io.stdout.write(`${JSON.stringify(letterJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
