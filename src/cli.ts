#!/usr/bin/env node
// The bin: the only file that touches `process`.
import { main } from './main.js';

const interrupt = new AbortController();
// Ctrl-C and a polite kill both stop the run cleanly (the lab removes its servers and files).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupt.abort(new Error('interrupted')));

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
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
