import { writeSync } from 'node:fs';
import { removeUnfinishedWrites } from '../fs/unfinished-writes';
import { describeFileError, errorCode } from '../fs/errors';
import { runCli } from './main';

/**
 * Exit status when the reader of our output has gone (`jiebang verify x | head -1`): what a Unix
 * tool killed by SIGPIPE reports (128 + 13), without a word — the reader asked for no more.
 */
const CLOSED_PIPE_EXIT = 141;

type Fd = 1 | 2;

/**
 * A write to stdout or stderr that failed: a closed pipe ends the command quietly; anything else
 * (a full disk behind `> file`) is said in a sentence on stderr, status 1.
 */
function writeFailed(fd: Fd, error: unknown): never {
  if (errorCode(error) === 'EPIPE') process.exit(CLOSED_PIPE_EXIT);
  if (fd === 1)
    writeText(2, `jiebang: 无法写出结果。${describeFileError(error, '标准输出 stdout')}\n`);
  process.exit(1);
}

/**
 * node's `process.stdout`/`process.stderr`, made only when a direct write cannot be used: the
 * streams load node's stream stack (≈ 9 M instructions, issue 22). On Windows always (a console
 * takes UTF-16 through the stream's tty, not UTF-8 bytes); elsewhere after a write to a
 * non-blocking descriptor found it full (`EAGAIN`): the stream waits for its reader.
 */
const streams = new Map<Fd, NodeJS.WriteStream>();
function stream(fd: Fd): NodeJS.WriteStream {
  let s = streams.get(fd);
  if (!s) {
    s = fd === 1 ? process.stdout : process.stderr;
    // Without a listener a failed write's 'error' event prints the raw EPIPE with a stack.
    s.on('error', (error: unknown) => writeFailed(fd, error));
    streams.set(fd, s);
  }
  return s;
}

/** Writes `text` to stdout (1) or stderr (2), synchronously when it can, in order either way. */
function writeText(fd: Fd, text: string): void {
  const s = streams.get(fd) ?? (process.platform === 'win32' ? stream(fd) : undefined);
  if (s) {
    s.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') writeFailed(fd, error);
      stream(fd).write(bytes.subarray(at));
      return;
    }
  }
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
 * Calls `next` once everything written to `fd` so far has been handed to the system: at once
 * after direct writes; through its stream if one was made, not on a failed write (whose 'error'
 * listener above ends the process with its own status).
 */
const whenFlushed = (fd: Fd, next: () => void): void => {
  const s = streams.get(fd);
  if (!s) return next();
  s.write('', (error) => {
    if (!error) next();
  });
};

// No top-level await: the built CLI is also a CommonJS build (./launch.ts).
void runCli(process.argv.slice(2), {
  out: (text) => writeText(1, text),
  err: (text) => writeText(2, text),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
  // The command is done and its output written: exit now, rather than after node tears the heap
  // down page by page (a 100 MB `jiebang verify`: ≈ 25–30 ms of unmapping, issue 22). `exit`
  // listeners still run; the hash worker (./crypto/hash-worker.ts) is stopped as at a natural end.
  whenFlushed(1, () => whenFlushed(2, () => process.exit(code)));
});
