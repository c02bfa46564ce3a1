// The TUI entry point, loaded by main.ts only in a terminal, so Ink and React never slow --json or plain text.
import chalk from 'chalk';
import { render } from 'ink';
import { ExitCode } from '../../core/exit-codes.js';
import { textStyle, type DoctorSession, type Io, type OutStream } from '../../main.js';
import { DoctorApp } from './DoctorApp.js';
import { rowCounting } from './terminal-rows.js';

export interface TuiOptions {
  /** A line under the title (the lab's scenario). */
  banner?: string | undefined;
  /** The keyboard; Ink's default is process.stdin. Without a TTY there the app exits when the run is done. */
  stdin?: NodeJS.ReadStream;
}

/** Resolves to the exit code; rejects when the run itself crashed (the bin reports that as a doctor bug). */
export async function runTui(session: DoctorSession, io: Io, options: TuiOptions = {}): Promise<number> {
  // pickMode chooses the TUI only for a TTY, and a TTY is a stream; anything else is a caller's bug.
  if (!isTerminalStream(io.stdout)) throw new Error('the interactive mode needs a terminal stream (use --plain)');
  const terminal = rowCounting(io.stdout);
  const stdout = terminal.stream;
  const style = textStyle(io);
  // Ink paints with chalk's shared instance: make it obey NO_COLOR / FORCE_COLOR as decided for this run.
  chalk.level = style.color;
  const result: { outcome: number | Error } = { outcome: ExitCode.interrupted };
  const app = render(
    <DoctorApp
      session={session}
      style={style}
      onExit={(outcome) => {
        result.outcome = outcome;
      }}
      {...(io.signal && { signal: io.signal })}
      {...(options.banner && { banner: options.banner })}
    />,
    // Ctrl-C is a key the app handles: it interrupts the run and exits 130.
    // Nothing in the doctor writes to the console (checks return data), so there is nothing to patch.
    { stdout, exitOnCtrlC: false, patchConsole: false, ...(options.stdin && { stdin: options.stdin }) },
  );
  await app.waitUntilExit();
  // A last frame as tall as the terminal ends without a line end (Ink's full-screen case): the shell prompt
  // would be written onto its last line.
  if (!terminal.endsLine()) stdout.write('\n');
  if (result.outcome instanceof Error) throw result.outcome;
  return result.outcome;
}

function isTerminalStream(out: OutStream): out is OutStream & NodeJS.WriteStream {
  return typeof (out as Partial<NodeJS.WriteStream>).on === 'function';
}
