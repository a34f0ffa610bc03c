/**
 * Sites the app may open in the system browser. Anything else a page tries to open or navigate
 * to is refused: the app window only ever shows the app, and a link in a letter or a receipt must
 * not become a way to reach a site nobody chose.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = ['https://www.creditchina.gov.cn'];

/** Whether `url` is https on an allowed origin, exactly (no look-alike hosts, no credentials). */
export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_LINK_ALLOW_LIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowList.includes(parsed.origin);
}
