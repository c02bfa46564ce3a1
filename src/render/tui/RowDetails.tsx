// The expanded row: the staged error, every finding with its hints, and the evidence sections
// (presented chain, trust sets compared, ...), exactly as the check reported them.
import { Box, Text } from 'ink';
import type { CheckRecord, Finding, StagedError } from '../../core/types.js';
import { LEVEL_LABELS, causeText, stageLabel, visibleFindings } from '../view-model.js';
import { HintLines } from './HintLines.js';
import { STATUS_TONES, tone, type Theme, type Tone } from './theme.js';

const LEVEL_TONES: Record<Finding['level'], Tone | undefined> = { fail: 'red', warn: 'yellow', info: undefined };

export function RowDetails({ record, theme }: { record: CheckRecord; theme: Theme }) {
  // Expanding is asking for everything, so info findings show too (as with --verbose).
  const findings = visibleFindings(record, true);
  const error = record.error;
  // A failed check's error is its first failing finding; show it once, as that finding.
  const errorIsAFinding = error !== undefined && findings.some((f) => f.code === error.code && f.stage === error.stage);
  const blockedBy = record.blockedBy ?? [];
  const empty = findings.length === 0 && record.evidence.length === 0 && blockedBy.length === 0 && error === undefined;
  return (
    <Box flexDirection="column">
      {error && !errorIsAFinding && <ErrorLines record={record} error={error} theme={theme} />}
      {findings.map((finding, index) => (
        <FindingLines key={`${finding.code}-${index}`} finding={finding} theme={theme} />
      ))}
      {blockedBy.length > 0 && <Text>Fix {blockedBy.join(', ')} first: this check needs it.</Text>}
      {record.evidence.map((section, index) => (
        <Box key={`${section.title}-${index}`} flexDirection="column">
          <Text bold underline>
            {section.title}
          </Text>
          <Box flexDirection="column" paddingLeft={2}>
            {section.lines.map((line, lineIndex) => (
              <Text key={lineIndex}>{line || ' '}</Text>
            ))}
          </Box>
        </Box>
      ))}
      {empty && <Text dimColor>Nothing more to show.</Text>}
    </Box>
  );
}

function ErrorLines({ record, error, theme }: { record: CheckRecord; error: StagedError; theme: Theme }) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold {...tone(theme, STATUS_TONES[record.status])}>
          {stageLabel(record) ?? `at ${error.stage}`}
        </Text>{' '}
        <Text bold>{error.code}</Text>
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        <Text>{error.detail}</Text>
        {error.cause && <Text dimColor>cause: {causeText(error.cause)}</Text>}
      </Box>
    </Box>
  );
}

function FindingLines({ finding, theme }: { finding: Finding; theme: Theme }) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold={finding.level !== 'info'} {...tone(theme, LEVEL_TONES[finding.level])}>
          {LEVEL_LABELS[finding.level]}
        </Text>{' '}
        <Text bold>{finding.code}</Text> [{finding.stage}]
      </Text>
      <Box flexDirection="column" paddingLeft={2}>
        <Text>{finding.detail}</Text>
        {finding.cause && <Text dimColor>cause: {causeText(finding.cause)}</Text>}
        {finding.hints?.map((hint, index) => <HintLines key={index} hint={hint} theme={theme} />)}
      </Box>
    </Box>
  );
}
