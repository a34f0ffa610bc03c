import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../renderer/shared/to-base64';

describe('toBase64', () => {
  const bytes = new Uint8Array(randomBytes(200_001));

  it('encodes like any base64 encoder, across its chunk boundaries, without the native encoder', () => {
    // Node 20 has no Uint8Array.prototype.toBase64: this is the fallback path.
    expect('toBase64' in bytes).toBe(false);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });

  it('uses the native encoder where the engine has one', () => {
    const native = Object.assign(bytes.slice(), { toBase64: () => 'native' });
    expect(toBase64(native)).toBe('native');
  });
});

describe('fromBase64', () => {
  it('decodes what toBase64 encodes, without the native decoder', () => {
    // Node 20 has no Uint8Array.fromBase64: this is the fallback path.
    expect('fromBase64' in Uint8Array).toBe(false);
    const bytes = new Uint8Array(randomBytes(70_001));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('')).toEqual(new Uint8Array());
  });

  it('uses the native decoder where the engine has one', () => {
    const native = new Uint8Array([1, 2, 3]);
    Object.defineProperty(Uint8Array, 'fromBase64', { value: () => native, configurable: true });
    try {
      expect(fromBase64('AAAA')).toBe(native);
    } finally {
      delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    }
  });
});
