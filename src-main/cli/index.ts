import { removeUnfinishedWrites } from '../fs/unfinished-writes';
import { describeFileError, errorCode } from '../fs/errors';
import { runCli } from './main';

/**
 * Exit status when the reader of our output has gone (`jiebang verify x | head -1`): what a Unix
 * tool killed by SIGPIPE reports (128 + 13), without a word — the reader asked for no more.
 */
const CLOSED_PIPE_EXIT = 141;

// A write to stdout or stderr fails later, as an 'error' event: without a listener Node prints
// the raw EPIPE with a stack. A closed pipe ends the command quietly; anything else (a full disk
// behind `> file`) is said in a sentence.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: unknown) => {
    if (errorCode(error) === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
    const name = stream === process.stdout ? '标准输出 stdout' : '标准错误 stderr';
    if (stream === process.stdout)
      process.stderr.write(`jiebang: 无法写出结果。${describeFileError(error, name)}\n`);
    process.exit(1);
  });
}

// Interrupted (Ctrl-C, a kill): what is half-written is removed before exiting with the status a
// shell reports for the signal (128 + 2, 128 + 15); nothing finished is touched.
for (const [signal, status] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    removeUnfinishedWrites();
    process.exit(status);
  });
}

/**
 * Calls `next` once everything written to `stream` so far has been handed to the system; not on a
 * failed write, whose 'error' listener above ends the process with its own status.
 */
const whenFlushed = (stream: NodeJS.WriteStream, next: () => void): void => {
  stream.write('', (error) => {
    if (!error) next();
  });
};

// No top-level await: the built CLI is also a CommonJS build (./launch.ts).
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
  // The command is done and its output written: exit now, rather than after node tears the heap
  // down page by page (a 100 MB `jiebang verify`: ≈ 25–30 ms of unmapping, issue 22). `exit`
  // listeners still run; the hash worker (./crypto/hash-worker.ts) is stopped as at a natural end.
  whenFlushed(process.stdout, () => whenFlushed(process.stderr, () => process.exit(code)));
});
