// Lines laid out by lines.ts, one Ink line each and never wrapped by Ink: a line wider than the terminal is
// written whole, for the terminal to soft-wrap.
import { Box, Text } from 'ink';
import { lineWidth, type Line } from './lines.js';
import { tone, type Theme } from './theme.js';

export function LinesView({ lines, theme }: { lines: readonly Line[]; theme: Theme }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Box key={index} flexShrink={0} width={Math.max(1, lineWidth(line))}>
          <Text>
            {' '.repeat(line.indent)}
            {line.parts.map((part, j) => (
              <Text key={j} bold={part.bold ?? false} dimColor={part.dim ?? false} underline={part.underline ?? false} {...tone(theme, part.tone)}>
                {part.text}
              </Text>
            ))}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
