import { runCli } from './main';

/** Runs the CLI in-process with captured output, as tests need it. */
export async function runForTest(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd: process.cwd(),
  });
  return { code, out, err };
}
