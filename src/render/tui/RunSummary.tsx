// Under the rows: progress while running; then the counts and the most important fix first.
import { Box, Text } from 'ink';
import { ENDPOINT_TABLE_TITLE, endpointTable, formatDuration, summaryLine, topFix } from '../view-model.js';
import { hintLines, styledProse } from './lines.js';
import { LinesView } from './LinesView.js';
import { STATUS_TONES, tone, type Theme } from './theme.js';
import type { DoctorRun } from './use-doctor-run.js';

export function RunSummary({ run, theme, interrupted, columns }: { run: DoctorRun; theme: Theme; interrupted: boolean; columns: number }) {
  switch (run.phase) {
    case 'running': {
      const done = run.rows.filter((r) => r.state.phase === 'settled').length;
      return <Text dimColor>{`${done} of ${run.rows.length} checks done`}</Text>;
    }
    case 'stopping':
      return <Text bold>Stopping: waiting for the checks to let go...</Text>;
    case 'crashed':
      return <Text bold>codex-doctor crashed (a bug, not your network): {run.error?.message}</Text>;
    case 'done':
      break;
  }
  const report = run.report;
  if (!report) return null;
  const fix = topFix(report);
  const table = endpointTable(report.checks);
  return (
    <Box flexDirection="column">
      {table.lines.length > 0 && (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold>{ENDPOINT_TABLE_TITLE}</Text>
          <Text dimColor>{`  ${table.header}`}</Text>
          {table.lines.map((line, i) => (
            <Text key={i} {...tone(theme, STATUS_TONES[line.status])}>{`  ${line.text}`}</Text>
          ))}
        </Box>
      )}
      <Text>
        <Text bold>{summaryLine(report.counts)}</Text>
        <Text dimColor> in {formatDuration(report.durationMs)}</Text>
      </Text>
      {fix && (
        <Box flexDirection="column">
          <LinesView
            lines={styledProse([{ text: 'Fix first', bold: true, tone: 'cyan' }, { text: ` (${fix.check.id}, ${fix.finding.code}): ${fix.hint.text}` }], 0, columns)}
            theme={theme}
          />
          <LinesView lines={hintLines(fix.hint, 0, columns, false)} theme={theme} />
        </Box>
      )}
      {interrupted && <Text bold>Interrupted.</Text>}
    </Box>
  );
}
