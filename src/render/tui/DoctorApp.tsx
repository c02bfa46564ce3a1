// The interactive doctor: live rows in runbook order, the summary and the fix first, keys to dig in.
//
// Rows are rendered normally, not through Ink's <Static>: a settled row must still re-render when it is
// selected or expanded, and `r` resets every row, while <Static> output is written once and never changes.
// The runbook is a handful of rows, so re-rendering them all is cheap.
import { Box, Text, measureElement, useApp, useInput, useStdin, useStdout, type DOMElement, type Key } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ExitCode } from '../../core/exit-codes.js';
import type { DoctorSession, SavedReports } from '../../main.js';
import { VERSION } from '../../version.js';
import { topFix } from '../view-model.js';
import type { TextStyle } from '../text.js';
import { CheckRow } from './CheckRow.js';
import { KeyLegend } from './KeyLegend.js';
import { copyableCommand, detailLines, hintLines, osc52, rowsOf, styledProse, type Line } from './lines.js';
import { LinesView } from './LinesView.js';
import { RunSummary } from './RunSummary.js';
import { themeFor, tone, type Theme } from './theme.js';
import { useColumns, useRows } from './use-columns.js';
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
  /** Fixed height; otherwise the terminal's (none known: no limit). */
  rows?: number;
  /** A line under the title (the lab's scenario). */
  banner?: string;
}

// One function for the app's lifetime: the run restarts when its clock changes identity.
const monotonic = (): number => performance.now();

/** Below this width the row body goes under the id instead of beside it. */
const NARROW_BELOW = 60;

type Notice = { kind: 'saving' } | { kind: 'saved'; saved: SavedReports } | { kind: 'message'; text: string } | { kind: 'copied'; command: string };

/** The expanded details start this far in, under the row's id. */
const DETAILS_INDENT = 4;

export function DoctorApp({ session, style, onExit, clock = monotonic, signal, columns, rows, banner }: DoctorAppProps) {
  const theme = themeFor(style);
  const width = useColumns(columns);
  const height = useRows(rows);
  const { stdout } = useStdout();
  const run = useDoctorRun(session, clock);
  const { exit } = useApp();
  const { isRawModeSupported: keyboard } = useStdin();
  const [selected, setSelected] = useState(0);
  const moved = useRef(false);
  const [expanded, setExpanded] = useState<string | undefined>(undefined);
  const [scroll, setScroll] = useState(0);
  const rootRef = useRef<DOMElement>(null);
  const [chrome, setChrome] = useState(0);
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
      (saved) => setNotice({ kind: 'saved', saved }),
      (error: unknown) => setNotice({ kind: 'message', text: `Could not save the report: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };

  const rowCount = run.rows.length;
  const selectedRow = run.rows[Math.min(selected, rowCount - 1)];
  const selectedId = selectedRow?.id;

  // The selection starts on the first failing row (else the first warning) once the run is done, unless the
  // user has moved it already.
  useEffect(() => {
    if (run.phase !== 'done' || moved.current) return;
    const statuses = run.rows.map((r) => (r.state.phase === 'settled' ? r.state.record.status : undefined));
    const first = ['fail', 'crash', 'warn'].map((s) => statuses.indexOf(s as never)).find((i) => i >= 0);
    if (first !== undefined) setSelected(first);
  }, [run.phase, run.rows]);

  // The expanded details, and how many terminal rows they may take: the terminal's height, less one row so
  // that the last line never runs into the shell prompt, less what the rest of the app takes.
  const expandedRow = run.rows.find((r) => r.id === expanded);
  const details: Line[] | undefined = expandedRow?.state.phase === 'settled' ? detailLines(expandedRow.state.record, DETAILS_INDENT, width) : undefined;
  const fix = run.phase === 'done' && run.report ? topFix(run.report) : undefined;
  const summaryOverflow = fix ? hintLines(fix.hint, 0, width, false).reduce((n, l) => n + rowsOf(l, width) - 1, 0) : 0;
  const budget = height === undefined ? undefined : Math.max(3, height - 1 - chrome - summaryOverflow);
  const window = details && budget !== undefined ? scrollWindow(details, scroll, budget, width) : undefined;
  const shownDetails = window ? window.lines.length + (window.above > 0 ? 1 : 0) + (window.below > 0 ? 1 : 0) : (details?.length ?? 0);
  useEffect(() => {
    if (!rootRef.current) return;
    const measured = measureElement(rootRef.current).height - shownDetails;
    if (measured !== chrome) setChrome(measured);
  });
  // A page: the rows the details may take, less the two "more" markers and one line kept for context.
  const page = Math.max(1, (budget ?? 3) - 3);

  const copy = (): void => {
    const command = selectedRow?.state.phase === 'settled' ? copyableCommand(selectedRow.state.record) : undefined;
    if (command === undefined) return setNotice({ kind: 'message', text: `No command to copy for ${selectedId ?? 'this row'}.` });
    stdout.write(osc52(command));
    setNotice({ kind: 'copied', command });
  };

  const onKey = (input: string, key: Key): void => {
    if ((key.ctrl && input === 'c') || input === 'q') return quit(key.ctrl);
    if (key.upArrow || input === 'k' || key.downArrow || input === 'j') {
      moved.current = true;
      setScroll(0);
      const step = key.upArrow || input === 'k' ? -1 : 1;
      return setSelected((s) => Math.min(rowCount - 1, Math.max(0, s + step)));
    }
    if (key.return || input === ' ') {
      setScroll(0);
      return setExpanded((e) => (e === selectedId ? undefined : selectedId));
    }
    if (key.pageDown || input === 'd') return setScroll((s) => Math.min(s + page, Math.max(0, (details?.length ?? 1) - 1)));
    if (key.pageUp || input === 'u') return setScroll((s) => Math.max(0, s - page));
    if (input === 'c') return copy();
    if (key.escape) return setExpanded(undefined);
    if (input === 's' && run.phase === 'done') return save();
    if (input === 'r' && run.phase === 'done' && run.rerun()) {
      setInterrupted(false);
      setNotice(undefined);
    }
    return undefined;
  };
  // Keys reach the handler of the latest render: Ink renews its subscription in an effect, after the frame
  // is drawn, and a key pressed in between must not act on what the screen no longer shows.
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const stableOnKey = useCallback((input: string, key: Key) => onKeyRef.current(input, key), []);
  useInput(stableOnKey, { isActive: keyboard && !leaving });

  const idWidth = Math.max(8, ...run.rows.map((r) => r.id.length));
  return (
    <Box ref={rootRef} flexDirection="column" width={width}>
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
            bodyWidth={width - 2 - (theme.glyphWidth + 1) - (width >= NARROW_BELOW ? idWidth + 2 : 0)}
            {...(row.id === expanded && details && { details: <DetailsView lines={details} window={window} theme={theme} /> })}
          />
        ))}
        {rowCount === 0 && <Text dimColor>No checks selected.</Text>}
      </Box>
      <RunSummary run={run} theme={theme} interrupted={interrupted} columns={width} />
      {notice && <NoticeLine notice={notice} theme={theme} columns={width} />}
      {!leaving && (
        <Box marginTop={1}>
          <KeyLegend theme={theme} idle={run.phase === 'done'} keyboard={keyboard} scrolls={window !== undefined && (window.above > 0 || window.below > 0)} />
        </Box>
      )}
    </Box>
  );
}

interface ScrollWindow {
  lines: Line[];
  above: number;
  below: number;
}

/** The lines from `offset` that fit in `budget` terminal rows, keeping a row for each "more" marker. */
export function scrollWindow(lines: readonly Line[], offset: number, budget: number, columns: number): ScrollWindow {
  const total = lines.reduce((n, l) => n + rowsOf(l, columns), 0);
  if (total <= budget) return { lines: [...lines], above: 0, below: 0 };
  const start = Math.min(Math.max(0, offset), lines.length - 1);
  const room = Math.max(1, budget - (start > 0 ? 1 : 0) - 1);
  const shown: Line[] = [];
  let used = 0;
  for (let i = start; i < lines.length; i++) {
    const rowsNeeded = rowsOf(lines[i]!, columns);
    if (shown.length > 0 && used + rowsNeeded > room) break;
    shown.push(lines[i]!);
    used += rowsNeeded;
  }
  return { lines: shown, above: start, below: lines.length - start - shown.length };
}

function DetailsView({ lines, window, theme }: { lines: Line[]; window: ScrollWindow | undefined; theme: Theme }) {
  if (!window) return <LinesView lines={lines} theme={theme} />;
  return (
    <Box flexDirection="column">
      {window.above > 0 && <Text dimColor>{`${' '.repeat(DETAILS_INDENT)}... ${window.above} line(s) above (PgUp or u)`}</Text>}
      <LinesView lines={window.lines} theme={theme} />
      {window.below > 0 && <Text dimColor>{`${' '.repeat(DETAILS_INDENT)}... ${window.below} more line(s) (PgDn or d)`}</Text>}
    </Box>
  );
}

function NoticeLine({ notice, theme, columns }: { notice: Notice; theme: Theme; columns: number }) {
  switch (notice.kind) {
    case 'copied':
      return (
        <Box flexDirection="column">
          <Text {...tone(theme, 'green')}>Copied to the clipboard (OSC 52):</Text>
          <LinesView lines={[{ indent: 2, parts: [{ text: notice.command }], verbatim: true }]} theme={theme} />
        </Box>
      );
    case 'saving':
      return <Text dimColor>Saving the report...</Text>;
    case 'saved':
      return (
        <LinesView
          lines={styledProse([{ text: 'Saved the report to ', tone: 'green' }, { text: notice.saved.json }, { text: ' and, for a ticket, to ' }, { text: notice.saved.markdown }, { text: ' (readable only by you).' }], 0, columns)}
          theme={theme}
        />
      );
    case 'message':
      return <LinesView lines={styledProse([{ text: notice.text, tone: 'yellow' }], 0, columns)} theme={theme} />;
  }
}
