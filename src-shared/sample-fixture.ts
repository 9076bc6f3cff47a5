/**
 * The bundled sample, for tests in src-shared (JSON imports are isomorphic: no file system).
 */
import pkgJson from '../resources/sample/review-package.json';
import e01 from '../resources/sample/sheets/E01.json';
import e02 from '../resources/sample/sheets/E02.json';
import e03 from '../resources/sample/sheets/E03.json';
import e04 from '../resources/sample/sheets/E04.json';
import e05 from '../resources/sample/sheets/E05.json';
import e06 from '../resources/sample/sheets/E06.json';
import e07 from '../resources/sample/sheets/E07.json';
import {
  ReviewPackageSchema,
  ScoreSheetSchema,
  type ReviewPackage,
  type ScoreSheet,
} from './model';

export const samplePackage = (): ReviewPackage =>
  ReviewPackageSchema.parse(structuredClone(pkgJson));
export const sampleSheets = (): ScoreSheet[] =>
  [e01, e02, e03, e04, e05, e06, e07].map((s) => ScoreSheetSchema.parse(structuredClone(s)));
