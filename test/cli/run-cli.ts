import { main } from '../../cli/main';

/** Runs the command line in-process and captures what it prints. */
export async function runCli(argv: string[], now: Date) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }, now);
  return { code, stdout, stderr };
}
