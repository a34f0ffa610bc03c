/** How much of a platform's own wording is kept: enough for a reason, too little to bury the screen. */
export const PLATFORM_MESSAGE_MAX_CHARS = 500;

/** Line breaks and tabs become one space: a reason is shown and stored on one line. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/**
 * Other control characters, lone surrogates, and the bidirectional marks, embeddings, overrides
 * and isolates (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), with which a message can show
 * text in another order than it is stored (a refusal that reads as an acceptance).
 */
const HIDDEN = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A message written by a platform, made safe to store and show: hidden and reordering
 * characters removed, white space collapsed, at most {@link PLATFORM_MESSAGE_MAX_CHARS}
 * characters (code points, so no character is cut in half) with `…` when cut. May return `''`;
 * the caller then says something of its own.
 *
 * @example sanitizePlatformMessage('已接收\u202e拒收\n详情') // '已接收拒收 详情'
 */
export function sanitizePlatformMessage(message: string, maxChars: number = PLATFORM_MESSAGE_MAX_CHARS): string {
  const clean = message.replace(BREAKS, ' ').replace(HIDDEN, '').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= maxChars ? clean : `${chars.slice(0, maxChars - 1).join('').trimEnd()}…`;
}
