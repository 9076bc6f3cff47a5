import { runCli } from './main';

/** Runs the CLI in-process in folder `cwd` with captured output, as tests need it. */
export const runForTestIn = (
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> => runForTestAt(undefined, cwd, ...argv);

/**
 * Runs the CLI in-process in folder `cwd` on the clock `now` (what the command calls today; the
 * system's when undefined), with captured output.
 */
export async function runForTestAt(
  now: (() => Date) | undefined,
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    cwd,
    ...(now ? { now } : {}),
  });
  return { code, out, err };
}

/** Runs the CLI in-process with captured output, as tests need it. */
export const runForTest = (
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> => runForTestIn(process.cwd(), ...argv);
