// The interactive doctor: live rows in runbook order, the summary and the fix first, keys to dig in.
//
// Rows are rendered normally, not through Ink's <Static>: a settled row must still re-render when it is
// selected or expanded, and `r` resets every row, while <Static> output is written once and never changes.
// The runbook is a handful of rows, so re-rendering them all is cheap.
import { Box, Text, useApp, useInput, useStdin } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ExitCode } from '../../core/exit-codes.js';
import type { DoctorSession } from '../../main.js';
import { VERSION } from '../../version.js';
import type { TextStyle } from '../text.js';
import { CheckRow } from './CheckRow.js';
import { KeyLegend } from './KeyLegend.js';
import { RunSummary } from './RunSummary.js';
import { themeFor, tone, type Theme } from './theme.js';
import { useColumns } from './use-columns.js';
import { useDoctorRun } from './use-doctor-run.js';

export interface DoctorAppProps {
  session: DoctorSession;
  style: Pick<TextStyle, 'color' | 'unicode'>;
  /** Called once, with the exit code, or with the error when session.run itself threw (a doctor bug). */
  onExit(outcome: number | Error): void;
  /** Monotonic milliseconds for the spinner and elapsed times. */
  clock?: () => number;
  /** Aborted on SIGINT from outside (Ctrl-C itself arrives as a key while the TUI reads the keyboard). */
  signal?: AbortSignal;
  /** Fixed width; otherwise the terminal's, followed across resizes. */
  columns?: number;
  /** A line under the title (the lab's scenario). */
  banner?: string;
}

// One function for the app's lifetime: the run restarts when its clock changes identity.
const monotonic = (): number => performance.now();

/** Below this width the row body goes under the id instead of beside it. */
const NARROW_BELOW = 60;

type Notice = { kind: 'saving' } | { kind: 'saved'; path: string } | { kind: 'message'; text: string };

export function DoctorApp({ session, style, onExit, clock = monotonic, signal, columns, banner }: DoctorAppProps) {
  const theme = themeFor(style);
  const width = useColumns(columns);
  const run = useDoctorRun(session, clock);
  const { exit } = useApp();
  const { isRawModeSupported: keyboard } = useStdin();
  const [selected, setSelected] = useState(0);
  const [expanded, setExpanded] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [leaving, setLeaving] = useState(false);
  const [interrupted, setInterrupted] = useState(false);
  const finished = useRef(false);

  const finish = useCallback(
    (outcome: number | Error) => {
      if (finished.current) return;
      finished.current = true;
      onExit(outcome);
      // Render once more without the legend (the keys no longer work), then unmount.
      setLeaving(true);
    },
    [onExit],
  );
  useEffect(() => {
    if (leaving) exit();
  }, [leaving, exit]);

  const { interrupt } = run;
  const stop = useCallback(() => {
    setInterrupted(true);
    void interrupt().then(() => finish(ExitCode.interrupted));
  }, [interrupt, finish]);

  const quit = (force: boolean): void => {
    switch (run.phase) {
      case 'running':
        return stop();
      case 'stopping':
        // A second Ctrl-C does not wait for the checks any longer.
        if (force) finish(ExitCode.interrupted);
        return;
      case 'done':
        return finish(interrupted ? ExitCode.interrupted : (run.report?.exitCode ?? ExitCode.interrupted));
      case 'crashed':
        return finish(run.error ?? new Error('the run failed'));
    }
  };

  // SIGINT from outside the terminal (kill -INT) interrupts like Ctrl-C.
  useEffect(() => {
    if (!signal) return undefined;
    if (signal.aborted) {
      stop();
      return undefined;
    }
    signal.addEventListener('abort', stop, { once: true });
    return () => signal.removeEventListener('abort', stop);
  }, [signal, stop]);

  // A doctor bug ends the app with the error; the caller reports it like any crash.
  useEffect(() => {
    if (run.phase === 'crashed') finish(run.error ?? new Error('the run failed'));
  }, [run.phase, run.error, finish]);

  // Without a keyboard nobody can press q: leave when the run is done.
  useEffect(() => {
    if (!keyboard && run.phase === 'done' && run.report) finish(interrupted ? ExitCode.interrupted : run.report.exitCode);
  }, [keyboard, run.phase, run.report, interrupted, finish]);

  const save = (): void => {
    const report = run.report;
    if (!report) return;
    setNotice({ kind: 'saving' });
    session.save(report).then(
      (path) => setNotice({ kind: 'saved', path }),
      (error: unknown) => setNotice({ kind: 'message', text: `Could not save the report: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };

  const rowCount = run.rows.length;
  const selectedId = run.rows[Math.min(selected, rowCount - 1)]?.id;
  useInput(
    (input, key) => {
      if ((key.ctrl && input === 'c') || input === 'q') return quit(key.ctrl);
      if (key.upArrow || input === 'k') return setSelected((s) => Math.max(0, s - 1));
      if (key.downArrow || input === 'j') return setSelected((s) => Math.min(rowCount - 1, s + 1));
      if (key.return || input === ' ') return setExpanded((e) => (e === selectedId ? undefined : selectedId));
      if (key.escape) return setExpanded(undefined);
      if (input === 's' && run.phase === 'done') return save();
      if (input === 'r' && run.phase === 'done' && run.rerun()) {
        setInterrupted(false);
        setNotice(undefined);
      }
      return undefined;
    },
    { isActive: keyboard && !leaving },
  );

  const idWidth = Math.max(8, ...run.rows.map((r) => r.id.length));
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <Text bold>codex-doctor {VERSION}</Text>: the Codex TLS and proxy runbook
      </Text>
      {banner && <Text dimColor>{banner}</Text>}
      <Box flexDirection="column" marginY={1}>
        {run.rows.map((row, index) => (
          <CheckRow
            key={row.id}
            row={row}
            theme={theme}
            selected={row.id === selectedId}
            expanded={row.id === expanded}
            now={run.now}
            idWidth={idWidth}
            wide={width >= NARROW_BELOW}
            last={index === rowCount - 1}
          />
        ))}
        {rowCount === 0 && <Text dimColor>No checks selected.</Text>}
      </Box>
      <RunSummary run={run} theme={theme} interrupted={interrupted} />
      {notice && <NoticeLine notice={notice} theme={theme} />}
      {!leaving && (
        <Box marginTop={1}>
          <KeyLegend theme={theme} idle={run.phase === 'done'} keyboard={keyboard} />
        </Box>
      )}
    </Box>
  );
}

function NoticeLine({ notice, theme }: { notice: Notice; theme: Theme }) {
  switch (notice.kind) {
    case 'saving':
      return <Text dimColor>Saving the report...</Text>;
    case 'saved':
      return (
        <Text>
          <Text {...tone(theme, 'green')}>Saved the report to</Text> {notice.path}
        </Text>
      );
    case 'message':
      return <Text {...tone(theme, 'yellow')}>{notice.text}</Text>;
  }
}
