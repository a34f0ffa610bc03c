import type { DesktopApi, DesktopCallName, DesktopCallResult, DesktopEventName, DesktopEventPayload } from '../../core/bridge/desktop-api';
import { BRIDGE_HEADER, CALL_PATH, EVENTS_PATH } from '../../core/bridge/http-bridge';

/**
 * The same `DesktopApi` as Electron's preload, spoken over HTTP to the web host
 * (`npm run web`): calls are POSTed, events arrive as server-sent events.
 */
export function createHttpDesktopApi(baseUrl = ''): DesktopApi {
  let events: EventSource | undefined;
  return {
    async call<N extends DesktopCallName>(name: N, ...args: unknown[]): Promise<DesktopCallResult<N>> {
      const response = await fetch(`${baseUrl}${CALL_PATH}${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_HEADER]: '1' },
        body: JSON.stringify(args),
      });
      const body = (await response.json()) as { result?: DesktopCallResult<N>; error?: string };
      if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
      return body.result as DesktopCallResult<N>;
    },
    on<E extends DesktopEventName>(event: E, listener: (payload: DesktopEventPayload<E>) => void): () => void {
      events ??= new EventSource(`${baseUrl}${EVENTS_PATH}`);
      const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as DesktopEventPayload<E>);
      events.addEventListener(event, forward);
      return () => events?.removeEventListener(event, forward);
    },
  };
}
