import { describe, expect, it } from 'vitest';
import { PLATFORM_MESSAGE_MAX_CHARS, sanitizePlatformMessage } from '../../../core/protocol/platform-message';

describe('sanitizePlatformMessage', () => {
  it('keeps an ordinary Chinese reason as it is', () => {
    expect(sanitizePlatformMessage('报送包未通过校验：letter.pdf 的校验值不符。')).toBe('报送包未通过校验：letter.pdf 的校验值不符。');
  });

  it.each([
    ['\u202a', 'LRE'],
    ['\u202b', 'RLE'],
    ['\u202c', 'PDF'],
    ['\u202d', 'LRO'],
    ['\u202e', 'RLO'],
    ['\u2066', 'LRI'],
    ['\u2067', 'RLI'],
    ['\u2068', 'FSI'],
    ['\u2069', 'PDI'],
    ['\u200e', 'LRM'],
    ['\u200f', 'RLM'],
    ['\u061c', 'ALM'],
  ])('strips the bidirectional control %j (%s), which can show a refusal as something else', (mark) => {
    expect(sanitizePlatformMessage(`已拒收${mark}收接已`)).toBe('已拒收收接已');
  });

  it('strips control characters and lone surrogates, and puts the message on one line', () => {
    expect(sanitizePlatformMessage('拒收\u0000\u0007\u001b[31m原因\u007f\u009b：\r\n\t第二行\u2028第三行\ud800')).toBe('拒收[31m原因： 第二行 第三行');
  });

  it(`caps a long message at ${PLATFORM_MESSAGE_MAX_CHARS} characters with an ellipsis, never cutting a character in half`, () => {
    const long = '𠀀'.repeat(10_000);
    const capped = sanitizePlatformMessage(long);
    expect(Array.from(capped)).toHaveLength(PLATFORM_MESSAGE_MAX_CHARS);
    expect(capped.endsWith('𠀀…')).toBe(true);
    expect(capped).not.toMatch(/\p{Cs}/u);
  });

  it('gives an empty string for a message of nothing but hidden characters, so the caller can say something of its own', () => {
    expect(sanitizePlatformMessage('\u202e\u0000 \n ')).toBe('');
  });
});
