/**
 * A small PDF that is whole (header, one object, its cross-reference table, `startxref` and
 * `%%EOF`), for tests that hand a scan to a door which checks a PDF's structure
 * (`checkScan`): `text` makes each one's bytes, and so its SHA-256, its own.
 */
export function wholePdf(text: string): Uint8Array {
  const head = `%PDF-1.4\n% ${text.replace(/[\r\n]/g, ' ')}\n`;
  const object = '1 0 obj\n<< /Type /Catalog >>\nendobj\n';
  const head8 = new TextEncoder().encode(head).length;
  const xrefAt = head8 + object.length;
  const entry = (n: number, g: string, f: string) => `${String(n).padStart(10, '0')} ${g} ${f} \n`;
  const tail =
    `xref\n0 2\n${entry(0, '65535', 'f')}${entry(head8, '00000', 'n')}` +
    `trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(head + object + tail);
}
