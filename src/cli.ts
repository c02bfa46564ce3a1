// The program of the bin (dist/cli.js, built from bin.cts, loads it): the only file that touches `process`.
import { getBuiltinModule } from './core/builtins.js';
import { main, type OutStream } from './main.js';

const interrupt = new AbortController();
// Ctrl-C and a polite kill both stop the run cleanly (the lab removes its servers and files).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupt.abort(new Error('interrupted')));

main(process.argv.slice(2), {
  stdout: plainStdout() ?? process.stdout,
  // Created only if something is written to it (creating process.stderr costs what process.stdout does).
  stderr: { write: (chunk: string) => process.stderr.write(chunk) },
  env: process.env,
  signal: interrupt.signal,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only reached by a doctor bug outside any check: one line, no stack trace unless asked.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`codex-doctor crashed (a bug, not your network): ${message}\n`);
    if (process.env.CODEX_DOCTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    process.exitCode = 3;
  },
);

/**
 * stdout when it is a pipe or a file: synchronous writes to fd 1, which is what Node does for them on Linux
 * too, without creating process.stdout, which for a pipe costs a socket and the stream machinery (~2.5 ms of
 * a --json cold start). A write the fd refuses (a full non-blocking pipe, a closed one) goes to
 * process.stdout instead, and so does everything after it, to keep the order. Undefined for a terminal
 * (and any other character device, such as /dev/null: telling them apart needs node:tty, which loads the
 * same stream machinery), which keeps process.stdout.
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
      if (stream) return stream.write(chunk);
      let rest = Buffer.from(chunk, 'utf8');
      try {
        while (rest.length > 0) rest = rest.subarray(writeSync(1, rest));
      } catch {
        stream = process.stdout;
        stream.write(rest);
      }
      return true;
    },
  };
}
