/**
 * A document's JSON text (`JSON.stringify`), written once per object: the documents the renderer
 * holds (the review package, a sheet) are never changed in place — a change is a new object — so
 * the text of an object asked about again is the one written before. For comparing two reads of a
 * document by content, and for the package the desk's worker is sent as text (issue 22).
 */
const texts = new WeakMap<object, string>();

export function jsonText(document: object): string {
  const known = texts.get(document);
  if (known !== undefined) return known;
  const text = JSON.stringify(document);
  texts.set(document, text);
  return text;
}
