/**
 * `npm run dist` runs this after the build, before electron-builder: every file packaging needs
 * (the build's output, the sample, the icons) is there, or it stops with a sentence naming them.
 */
import { missingDistInputs } from '../build/packaging';

const problem = missingDistInputs(process.cwd());
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
