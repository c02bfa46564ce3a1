// One check: pointer, glyph (or spinner), id, and what it is doing or what it found.
// Wide terminals put the body beside the id; narrow ones (< 60 columns) put it under the id.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatDuration, stageLabel } from '../view-model.js';
import { SPINNER_FRAME_MS, STATUS_TONES, tone, type Theme, type Tone } from './theme.js';
import type { RowView } from './use-doctor-run.js';
import { styledProse, type Part } from './lines.js';
import { LinesView } from './LinesView.js';

export interface CheckRowProps {
  row: RowView;
  theme: Theme;
  selected: boolean;
  expanded: boolean;
  /** The ticking clock (see useDoctorRun). */
  now: number;
  idWidth: number;
  wide: boolean;
  /** The last row's details need no gap after them: the rows block ends there. */
  last: boolean;
  /** What the expanded row shows once settled (the app scrolls it to fit the terminal). */
  details?: ReactNode;
  /** Columns for the body (the summary): it wraps between words only, so a path in it stays whole. */
  bodyWidth: number;
}

export function CheckRow({ row, theme, selected, expanded, now, idWidth, wide, last, details, bodyWidth }: CheckRowProps) {
  const { glyph, glyphTone, body, duration } = describe(row, theme, now);
  const id = (
    <Text bold={selected} wrap="truncate-end">
      {row.id}
    </Text>
  );
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={0} width={2}>
          <Text {...tone(theme, 'cyan')}>{selected ? theme.pointer : ' '}</Text>
        </Box>
        <Box flexShrink={0} width={theme.glyphWidth + 1}>
          <Text {...tone(theme, glyphTone)}>{glyph}</Text>
        </Box>
        {wide ? (
          <>
            <Box flexShrink={0} width={idWidth + 2}>
              {id}
            </Box>
            <Box flexGrow={1} flexShrink={1} flexDirection="column">
              <LinesView lines={styledProse([...body, ...(duration ? [{ text: ` (${duration})`, dim: true }] : [])], 0, bodyWidth)} theme={theme} />
            </Box>
          </>
        ) : (
          <Box flexDirection="column" flexGrow={1} flexShrink={1}>
            <Box>
              {id}
              {duration && <Text dimColor> ({duration})</Text>}
            </Box>
            <LinesView lines={styledProse(body, 0, bodyWidth)} theme={theme} />
          </Box>
        )}
      </Box>
      {expanded && (
        <Box marginBottom={last ? 0 : 1}>
          {row.state.phase === 'settled' ? (
            details
          ) : (
            <Box paddingLeft={4}>
              <Text dimColor>{row.state.phase === 'running' ? 'Still running: details show when it settles.' : 'Not started yet.'}</Text>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}

function describe(row: RowView, theme: Theme, now: number): { glyph: string; glyphTone: Tone | undefined; body: Part[]; duration?: string } {
  const { state } = row;
  switch (state.phase) {
    case 'pending':
      return { glyph: theme.pending, glyphTone: undefined, body: [{ text: 'waiting', dim: true }] };
    case 'running': {
      // The spinner frame comes from the ticking clock: one timer drives every running row.
      const frame = theme.spinner[Math.floor(now / SPINNER_FRAME_MS) % theme.spinner.length] ?? '';
      const elapsed = `${(Math.max(0, now - state.startedAt) / 1000).toFixed(1)}${theme.glue}s`;
      return {
        glyph: frame,
        glyphTone: 'cyan',
        body: [
          { text: state.stage ?? 'starting', tone: 'cyan' },
          { text: `${theme.separator}${elapsed}`, dim: true },
        ],
      };
    }
    case 'settled': {
      const { record } = state;
      const where = stageLabel(record);
      const skipped = record.status === 'skip';
      return {
        glyph: theme.glyphs[record.status],
        glyphTone: STATUS_TONES[record.status],
        body: [
          ...(where ? [{ text: `${where}: `, tone: STATUS_TONES[record.status], dim: skipped }] : []),
          { text: record.summary, dim: skipped },
        ],
        // A skipped check did not run: no duration to show.
        ...(!skipped && { duration: formatDuration(record.durationMs).replace(' ', theme.glue) }),
      };
    }
  }
}
