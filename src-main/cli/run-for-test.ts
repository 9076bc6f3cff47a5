import { runCli } from './main';

/** Runs the CLI in-process in folder `cwd` with captured output, as tests need it. */
export async function runForTestIn(
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd,
  });
  return { code, out, err };
}

/** Runs the CLI in-process with captured output, as tests need it. */
export const runForTest = (
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> => runForTestIn(process.cwd(), ...argv);
