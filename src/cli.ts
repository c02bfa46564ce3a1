// The program of the bin (dist/cli.js, built from bin.cts, loads it): the only file that touches `process`.
import { getBuiltinModule } from './core/builtins.js';
import { ExitCode } from './core/exit-codes.js';
import { Redactor } from './core/redact.js';
import { main, type OutStream } from './main.js';

/** How long a stopped run may take to clean up (the lab stops its servers, removes its files) before the exit. */
const CLEANUP_GRACE_MS = 3000;
/**
 * How long anything still pending after the run may delay the exit: a read blocked on the thread pool (a
 * FIFO nobody writes to) would otherwise keep the process alive once its work is done.
 */
const EXIT_GRACE_MS = 500;

const interrupt = new AbortController();
/** The exit code of a run stopped from outside (a signal, a closed stdout), which wins over the run's own. */
let stoppedWith: number | undefined;

/** Aborts the run, which then cleans up and returns; if something holds the process, it exits anyway. */
function stop(code: number): void {
  if (stoppedWith !== undefined) return;
  stoppedWith = code;
  interrupt.abort(new Error('interrupted'));
  setTimeout(() => process.exit(code), CLEANUP_GRACE_MS).unref();
}

// Ctrl-C and a polite kill both stop the run cleanly (the lab removes its servers and files); a second one
// means the user does not want to wait for that.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (stoppedWith !== undefined ? process.exit(ExitCode.interrupted) : stop(ExitCode.interrupted)));
}

// Whoever reads stdout went away (`codex-doctor --plain | head -1`): nothing more can be shown, so the run
// stops (the lab cleans up) and the doctor leaves quietly with 141, 128 + SIGPIPE, which is what the shell
// reports for any classic tool stopped the same way (`seq 100000 | head -1` under `set -o pipefail`). The
// run's own code would describe a run that did not finish.
const BROKEN_PIPE = 141;
let stdoutClosed = false;
function onStdoutError(): void {
  stdoutClosed = true;
  stop(BROKEN_PIPE);
}

let stderrStream: NodeJS.WriteStream | undefined;
const stderr: OutStream = {
  write(chunk: string) {
    // Created only if something is written to it (creating process.stderr costs what process.stdout does).
    if (!stderrStream) {
      stderrStream = process.stderr;
      // A closed stderr is no reason to stop: stdout still gets the report.
      stderrStream.on('error', () => {});
    }
    return stderrStream.writable ? stderrStream.write(chunk) : false;
  },
};

let stdoutStream: NodeJS.WriteStream | undefined;
function stdoutAsStream(): NodeJS.WriteStream {
  if (!stdoutStream) {
    stdoutStream = process.stdout;
    stdoutStream.on('error', onStdoutError);
  }
  return stdoutStream;
}

main(process.argv.slice(2), {
  stdout: plainStdout() ?? stdoutAsStream(),
  stderr,
  env: process.env,
  signal: interrupt.signal,
  cwd: process.cwd(),
  prompt: {
    interactive: () => getBuiltinModule('node:tty').isatty(0),
    async ask(question) {
      const { createInterface } = await import('node:readline');
      const lines = createInterface({ input: process.stdin, output: stdoutAsStream() });
      return new Promise((resolve) => {
        // End of input (Ctrl-D) answers no.
        lines.once('close', () => resolve(''));
        lines.question(question, (answer) => {
          resolve(answer);
          lines.close();
        });
      });
    },
  },
  readStdin,
}).then(
  (code) => exitWhenWritten(stoppedWith ?? code),
  (error: unknown) => {
    // Only reached by a doctor bug outside any check: one line, no stack trace unless asked.
    const redactor = Redactor.fromEnv(process.env);
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(redactor.text(`codex-doctor crashed (a bug, not your network): ${message}\n`));
    if (process.env.CODEX_DOCTOR_DEBUG) stderr.write(redactor.text(`${(error as Error)?.stack ?? ''}\n`));
    exitWhenWritten(ExitCode.crashed);
  },
);

/** stdin up to maxBytes (`codex-doctor explain` with the text piped in); undefined when stdin is a terminal. */
async function readStdin(maxBytes: number): Promise<string | undefined> {
  const stdin = process.stdin;
  if (stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size >= maxBytes) break;
  }
  stdin.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

/** Sets the exit code, and once stdout and stderr are written out makes sure the process does exit. */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  const streams = [stdoutClosed ? undefined : stdoutStream, stderrStream].filter((s): s is NodeJS.WriteStream => s !== undefined && s.writable);
  let pending = streams.length + 1;
  const written = (): void => {
    if (--pending === 0) setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  };
  // An empty write calls back once everything written before it is out.
  for (const stream of streams) stream.write('', written);
  written();
}

/**
 * stdout when it is a pipe or a file: synchronous writes to fd 1, which is what Node does for them on Linux
 * too, without creating process.stdout, which for a pipe costs a socket and the stream machinery (~2.5 ms of
 * a --json cold start). A write the fd refuses (a full non-blocking pipe) goes to process.stdout instead, and
 * so does everything after it, to keep the order; a closed pipe (EPIPE) stops the run. Undefined for a
 * terminal (and any other character device, such as /dev/null: telling them apart needs node:tty, which
 * loads the same stream machinery), which keeps process.stdout.
 */
function plainStdout(): OutStream | undefined {
  const { fstatSync, writeSync } = getBuiltinModule('node:fs');
  try {
    if (fstatSync(1).isCharacterDevice()) return undefined;
  } catch {
    return undefined;
  }
  let stream: NodeJS.WriteStream | undefined;
  return {
    write(chunk: string) {
      if (stdoutClosed) return false;
      if (stream) return stream.write(chunk);
      let rest = Buffer.from(chunk, 'utf8');
      try {
        while (rest.length > 0) rest = rest.subarray(writeSync(1, rest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
          onStdoutError();
          return false;
        }
        stream = stdoutAsStream();
        stream.write(rest);
      }
      return true;
    },
  };
}
