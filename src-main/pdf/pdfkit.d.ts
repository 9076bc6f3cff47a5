/**
 * The slice of pdfkit (react-pdf's PDF writer; no types of its own) that `embedded-fonts.ts`
 * reaches — the document's font selection and the counter its font ids are made from — and that
 * its test draws with.
 */
declare module 'pdfkit' {
  export default class PDFDocument {
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    constructor(options?: {
      compress?: boolean;
      displayTitle?: boolean;
      autoFirstPage?: boolean;
      info?: Record<string, string | Date>;
    });
    font(src: unknown, family?: unknown, size?: unknown): this;
    fontSize(size: unknown): this;
    text(text: string): this;
    addPage(): this;
    end(): void;
    _font: unknown;
    _fontCount: number;
    _fontSource: unknown;
    _fontFamily: unknown;
  }
}
