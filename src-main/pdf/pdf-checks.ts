/**
 * What tests read from a PDF with poppler and qpdf (the reader is not the writer): every word's box
 * (`pdftotext -bbox`), only embedded subset fonts (`pdffonts`), a structurally sound file
 * (`qpdf --check`). Test support only: never imported by the app.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

export const sh = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8' });

export interface PdfWord {
  text: string;
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word's box from `pdftotext -bbox`, with its page and the page's size. */
export function words(path: string): PdfWord[] {
  const html = sh('pdftotext', ['-bbox', path, '-']);
  const out: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1] !== undefined) {
      page += 1;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
      continue;
    }
    out.push({
      page,
      pageWidth,
      pageHeight,
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
      text: m[7] ?? '',
    });
  }
  return out;
}

/** Every font in the PDF is embedded as a subset (no fallback Helvetica, ever). */
export function assertOnlyEmbeddedFonts(path: string): void {
  const fonts = sh('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+Noto\S+ .* yes yes /);
}

/** `qpdf --check` finds no error. */
export function assertQpdfClean(path: string): void {
  expect(sh('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
}

/** The text without white space, as `pdftotext -layout` reads it (table cells wrap). */
export const flatText = (path: string): string =>
  sh('pdftotext', ['-layout', path, '-']).replace(/\s+/g, '');
