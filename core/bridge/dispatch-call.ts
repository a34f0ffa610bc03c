import { desktopCalls, isDesktopCallName, type DesktopHandlers } from './desktop-api';

/** A call the host refuses before any handler runs: unknown name or arguments that break the contract. */
export class DesktopCallRejected extends Error {
  override readonly name = 'DesktopCallRejected';
}

/**
 * Checks a call from a renderer against the contract and runs its handler. Both hosts (Electron's
 * IPC and the HTTP host for the browser) go through here, so validation exists once.
 *
 * @example await dispatchDesktopCall(handlers, 'app.getInfo', [])
 */
export async function dispatchDesktopCall(handlers: DesktopHandlers, name: unknown, args: unknown): Promise<unknown> {
  if (!isDesktopCallName(name)) throw new DesktopCallRejected(`Unknown desktop call: ${String(name)}`);
  const spec = desktopCalls[name];
  const parsed = spec.args.safeParse(args);
  if (!parsed.success) {
    throw new DesktopCallRejected(`Bad arguments for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const handler = handlers[name] as (...a: unknown[]) => unknown;
  return spec.result.parse(await handler(...(parsed.data as unknown[])));
}
