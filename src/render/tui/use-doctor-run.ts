// Drives one DoctorSession for the TUI: live row states from the run's events, a clock that ticks
// while something runs (spinner and elapsed time), rerun and interrupt.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DoctorSession } from '../../main.js';
import type { CheckRecord, Report, RunEvent, Stage } from '../../core/types.js';
import { SPINNER_FRAME_MS } from './theme.js';

export type RowState =
  | { phase: 'pending' }
  | { phase: 'running'; startedAt: number; stage?: Stage }
  | { phase: 'settled'; record: CheckRecord };

export interface RowView {
  id: string;
  title: string;
  state: RowState;
}

/** `stopping`: interrupted, waiting for the checks to let go. `crashed`: session.run itself threw (a doctor bug). */
export type RunPhase = 'running' | 'stopping' | 'done' | 'crashed';

export interface DoctorRun {
  rows: RowView[];
  phase: RunPhase;
  /** Set once the run is done. */
  report: Report | undefined;
  error: Error | undefined;
  /** The clock's reading, refreshed every spinner frame while a run is in progress. */
  now: number;
  /** Starts the run again from pending rows; false (and nothing happens) while one is in progress. */
  rerun(): boolean;
  /** Aborts the run in progress; resolves when it has settled. */
  interrupt(): Promise<void>;
}

interface State {
  rows: Map<string, RowState>;
  phase: RunPhase;
  report: Report | undefined;
  error: Error | undefined;
}

type Action =
  | { type: 'reset' }
  | { type: 'event'; event: RunEvent; at: number }
  | { type: 'stopping' }
  | { type: 'finished'; report: Report }
  | { type: 'crashed'; error: Error };

function pendingRows(planned: DoctorSession['planned']): Map<string, RowState> {
  return new Map(planned.map((p) => [p.id, { phase: 'pending' }]));
}

function settle(rows: Map<string, RowState>, records: readonly CheckRecord[]): Map<string, RowState> {
  const next = new Map(rows);
  for (const record of records) next.set(record.id, { phase: 'settled', record });
  return next;
}

function reducerFor(planned: DoctorSession['planned']) {
  return (state: State, action: Action): State => {
    switch (action.type) {
      case 'reset':
        return { rows: pendingRows(planned), phase: 'running', report: undefined, error: undefined };
      case 'stopping':
        return state.phase === 'running' ? { ...state, phase: 'stopping' } : state;
      case 'finished':
        return { ...state, rows: settle(state.rows, action.report.checks), phase: 'done', report: action.report };
      case 'crashed':
        return { ...state, phase: 'crashed', error: action.error };
      case 'event':
        return { ...state, rows: applyEvent(state.rows, action.event, action.at) };
    }
  };
}

function applyEvent(rows: Map<string, RowState>, event: RunEvent, at: number): Map<string, RowState> {
  switch (event.type) {
    case 'start':
      return new Map(rows).set(event.id, { phase: 'running', startedAt: at });
    case 'stage': {
      const row = rows.get(event.id);
      const startedAt = row?.phase === 'running' ? row.startedAt : at;
      return new Map(rows).set(event.id, { phase: 'running', startedAt, stage: event.stage });
    }
    case 'end':
      return settle(rows, [event.record]);
    case 'done':
      return settle(rows, event.checks);
  }
}

/**
 * `clock` gives monotonic milliseconds; elapsed times are measured on it from when a 'start' event
 * arrives, so the TUI never mixes its clock with the host's (the lab's may be simulated).
 */
export function useDoctorRun(session: DoctorSession, clock: () => number): DoctorRun {
  const [state, dispatch] = useReducer(reducerFor(session.planned), undefined, () => ({
    rows: pendingRows(session.planned),
    phase: 'running' as const,
    report: undefined,
    error: undefined,
  }));
  const [now, setNow] = useState(clock);
  const controller = useRef<AbortController | undefined>(undefined);
  const settled = useRef<Promise<void>>(Promise.resolve());
  const inProgress = useRef(false);

  const start = useCallback(() => {
    const abort = new AbortController();
    controller.current = abort;
    inProgress.current = true;
    dispatch({ type: 'reset' });
    setNow(clock());
    settled.current = session
      .run((event) => dispatch({ type: 'event', event, at: clock() }), abort.signal)
      .then(
        (report) => dispatch({ type: 'finished', report }),
        (error: unknown) => dispatch({ type: 'crashed', error: error instanceof Error ? error : new Error(String(error)) }),
      )
      .finally(() => {
        inProgress.current = false;
      });
  }, [session, clock]);

  useEffect(() => {
    start();
    // Unmounting (quit, or a test's cleanup) must not leave a run going.
    return () => controller.current?.abort(new Error('interrupted'));
  }, [start]);

  const ticking = state.phase === 'running' || state.phase === 'stopping';
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(clock()), SPINNER_FRAME_MS);
    return () => clearInterval(timer);
  }, [ticking, clock]);

  const rerun = useCallback((): boolean => {
    if (inProgress.current) return false;
    start();
    return true;
  }, [start]);

  const interrupt = useCallback(async (): Promise<void> => {
    if (inProgress.current) {
      dispatch({ type: 'stopping' });
      controller.current?.abort(new Error('interrupted'));
    }
    await settled.current;
  }, []);

  return {
    rows: session.planned.map((p) => ({ ...p, state: state.rows.get(p.id) ?? { phase: 'pending' } })),
    phase: state.phase,
    report: state.report,
    error: state.error,
    now,
    rerun,
    interrupt,
  };
}
