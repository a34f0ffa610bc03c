/** Exit codes of `pledge`, shared by every command. */
export const EXIT = {
  ok: 0,
  /** The input was read but is wrong: an invalid letter. */
  invalid: 1,
  /** The input could not be used at all: a missing file, not JSON, bad arguments. */
  unusable: 2,
  /** The platform could not be reached, or kept failing, through every retry; running again later may work. */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Output streams, injected so tests run the command line in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** A failure that ends the command with one clear line and no stack trace. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
