// The keys that work right now; items wrap as whole words on a narrow terminal.
import { Box, Text } from 'ink';
import type { Theme } from './theme.js';

export function KeyLegend({ theme, idle, keyboard, scrolls }: { theme: Theme; idle: boolean; keyboard: boolean; scrolls: boolean }) {
  if (!keyboard) return <Text dimColor>No keyboard (stdin is not a terminal): exits when the run is done.</Text>;
  const keys: Array<readonly [key: string, action: string]> = [
    [theme.unicode ? '↑↓' : 'up/down', 'select'],
    ['enter', 'details'],
    ...(scrolls ? ([['PgUp/PgDn', 'scroll']] as const) : []),
    ...(idle ? ([['c', 'copy fix'], ['r', 'rerun'], ['s', 'save report']] as const) : []),
    ['q', 'quit'],
  ];
  return (
    <Box flexWrap="wrap">
      {keys.map(([key, action]) => (
        <Box key={key} marginRight={2}>
          <Text>
            <Text bold>{key}</Text>
            <Text dimColor> {action}</Text>
          </Text>
        </Box>
      ))}
    </Box>
  );
}
