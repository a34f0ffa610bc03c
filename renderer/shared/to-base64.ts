/** `Uint8Array.prototype.toBase64` (Chromium 140+, so Electron 45 and any current browser); not yet in TypeScript's lib. */
type NativeBase64 = Uint8Array & { toBase64(): string };

/**
 * Base64 of bytes, for the bridge. The native encoder takes tens of milliseconds for a 60 MB
 * package; the fallback (chunks, so large files do not overflow fromCharCode's argument list)
 * takes seconds and blocks the page meanwhile.
 */
export function toBase64(bytes: Uint8Array): string {
  if (typeof (bytes as Partial<NativeBase64>).toBase64 === 'function') return (bytes as NativeBase64).toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `Uint8Array.fromBase64`, the native decoder beside the encoder above; not yet in TypeScript's lib. */
type NativeFromBase64 = typeof Uint8Array & { fromBase64(base64: string): Uint8Array };

/** Bytes of base64 from the bridge: the other direction of {@link toBase64}. */
export function fromBase64(base64: string): Uint8Array {
  if (typeof (Uint8Array as Partial<NativeFromBase64>).fromBase64 === 'function') return (Uint8Array as NativeFromBase64).fromBase64(base64);
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
