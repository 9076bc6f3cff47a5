/**
 * The slice of `qrcode`'s encoder used for the task book's vector QR code: its core module alone,
 * without the PNG, SVG and terminal renderers (and pngjs) that the package's main module loads.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array } };
}
