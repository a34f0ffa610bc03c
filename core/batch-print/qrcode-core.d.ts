// The qrcode package's encoder alone: its main entry pulls in PNG and file-system renderers, and
// its published types reference Node's, neither of which core/ may have. This is the part we use.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): {
    readonly version: number;
    readonly modules: { readonly size: number; readonly data: Uint8Array };
  };
}
