/**
 * Electron rejects `ipcRenderer.invoke` with a new Error whose message wraps the main process's
 * own: `Error invoking remote method '<call>': Error: <message>`. The call name and the error's
 * name mean nothing to a clerk; the message after them is the refusal itself, already in Chinese.
 */
const ELECTRON_INVOKE_PREFIX = /^Error invoking remote method '[^']*': (?:Error: )?/;

/** What to show or log of something thrown: an error's message (without Electron's wrapping), anything else as text. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(ELECTRON_INVOKE_PREFIX, '');
}
