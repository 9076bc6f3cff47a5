/**
 * A face's shaping of a string kept, not worked out again on every run of text (issue 22).
 *
 * react-pdf shapes every run of text it lays out with fontkit (`font.layout(string, features,
 * undefined, undefined, 'ltr')`): the string's glyphs, then the face's GSUB and GPOS lookups for
 * the script, each time from the start (a shaping plan, its features, the lookups that apply) —
 * about a tenth of a warm task book's CPU time. A task book repeats many strings (地址：, （盖章）,
 * the parties' names, every heading and table head), and a preview rendered again after an edit
 * repeats nearly all of them. Shaping is a function of the face, the string and the features, so a
 * face's runs are kept by string for the process's life (the render worker keeps its faces) and
 * each call gets its own copy of the kept run: its own arrays and positions (react-pdf and pdfkit
 * read them; nothing may change the kept one), the same glyph objects fontkit hands out (one per
 * glyph id and face, kept by fontkit itself). Only react-pdf's call is kept — no features or an
 * empty list, no script or language, left to right — on a face without variations; any other call
 * is fontkit's own. The PDF is byte for byte what it was (shaping-cache.test.ts).
 */
import type { Font, GlyphRun } from 'fontkit';

/** Characters of shaped strings kept per face before its store is emptied and begins again. */
const KEPT_CHARS_PER_FACE = 500_000;

interface Kept {
  runs: Map<string, GlyphRun>;
  chars: number;
}

const keptByFace = new WeakMap<Font, Kept>();
let installed = false;
let enabled = true;

/** A copy of a kept run that shares nothing its users could change (see above). */
function copyRun(run: GlyphRun): GlyphRun {
  const copy: GlyphRun = Object.create(Object.getPrototypeOf(run));
  Object.assign(copy, run, {
    glyphs: run.glyphs.slice(),
    positions: run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p)), p)),
    features: { ...run.features },
  });
  return copy;
}

/** Is this react-pdf's call: no features (or none listed), script or language, left to right? */
const plainCall = (features: unknown, script: unknown, language: unknown, direction: unknown) =>
  (features === undefined || (Array.isArray(features) && features.length === 0)) &&
  script === undefined &&
  language === undefined &&
  direction === 'ltr';

/** fontkit's face class, as far as it is patched here. */
function isFaceClass(prototype: unknown): prototype is Pick<Font, 'layout'> {
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    'layout' in prototype &&
    typeof prototype.layout === 'function'
  );
}

/**
 * Installs the store on fontkit's TrueType face class, once per process.
 * @param face any face fontkit has opened (its class is the one patched)
 */
export function cacheShaping(face: Font): void {
  if (installed) return;
  const prototype: unknown = Object.getPrototypeOf(face);
  if (!isFaceClass(prototype)) return;
  installed = true;
  const original: Font['layout'] = prototype.layout;
  const layout: Font['layout'] = function layout(
    this: Font,
    string,
    features,
    script,
    language,
    direction,
  ) {
    if (
      !enabled ||
      typeof string !== 'string' ||
      this._variationProcessor ||
      !plainCall(features, script, language, direction)
    )
      return original.call(this, string, features, script, language, direction);
    let kept = keptByFace.get(this);
    if (!kept) {
      kept = { runs: new Map(), chars: 0 };
      keptByFace.set(this, kept);
    }
    // The features as given are part of the run (its `features` lists them): one store each.
    const key = features === undefined ? `u${string}` : `e${string}`;
    let run = kept.runs.get(key);
    if (!run) {
      run = original.call(this, string, features, script, language, direction);
      if (kept.chars + string.length > KEPT_CHARS_PER_FACE) {
        kept.runs.clear();
        kept.chars = 0;
      }
      kept.runs.set(key, run);
      kept.chars += string.length;
    }
    return copyRun(run);
  };
  prototype.layout = layout;
}

/** Runs `fn` with every face shaping anew (for tests that compare the two). */
export async function withoutShapingCache<T>(fn: () => Promise<T>): Promise<T> {
  enabled = false;
  try {
    return await fn();
  } finally {
    enabled = true;
  }
}
