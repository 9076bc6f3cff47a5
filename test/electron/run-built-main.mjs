// The Node process of `startBuiltMain` (built-main.ts): registers the `electron` hook, installs
// the stand-in (TypeScript, loaded through tsx in its own namespace so that main itself is loaded
// by Node untouched), loads the built main, makes the app ready and answers the test's requests.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

register('./resolve-electron.mjs', import.meta.url);
const runner = await tsImport('./main-runner.ts', import.meta.url);
const standIn = runner.prepare();
try {
  await import(pathToFileURL(runner.entry()).href);
} catch (error) {
  runner.loadFailed(error);
}
runner.serve(standIn);
