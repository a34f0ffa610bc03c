/**
 * 岗位类别 in words (窗口服务, 行政执法, 其他), as the roster template writes them: one wording for
 * every screen. An alias kept for the callers that already use this name.
 *
 * @example postTypeName('enforcement') // '行政执法'
 */
export { postTypeLabel as postTypeName } from './staff-roster-titles';
