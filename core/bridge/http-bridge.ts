/**
 * The bridge as the web host speaks it over HTTP (web-host/web-host.ts) and the browser's
 * `DesktopApi` calls it (renderer/bridge/http-desktop-api.ts): one statement of the wire, so the two
 * sides cannot drift apart.
 */

/** Every bridge call carries it as `1`: a cross-site page cannot send it without a preflight, which the host never grants. */
export const BRIDGE_HEADER = 'x-pledge-desk';

/** A call is `POST <CALL_PATH><name>` with the argument list as a JSON array. */
export const CALL_PATH = '/api/call/';

/** Events stream from here as server-sent events, one event type per desktop event name. */
export const EVENTS_PATH = '/api/events';
