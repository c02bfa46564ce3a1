// One fix: its imperative text, then the exact command or snippet, with hanging indents that survive wrapping.
import { Box, Text } from 'ink';
import type { Hint } from '../../core/types.js';
import { tone, type Theme } from './theme.js';

export function HintLines({ hint, theme, showText = true }: { hint: Hint; theme: Theme; showText?: boolean }) {
  return (
    <Box flexDirection="column">
      {showText && (
        <Box>
          <Box flexShrink={0} width={5}>
            <Text {...tone(theme, 'cyan')}>fix:</Text>
          </Box>
          <Text>{hint.text}</Text>
        </Box>
      )}
      <Box flexDirection="column" paddingLeft={2}>
        {hint.command?.split('\n').map((line, index) => (
          <Box key={`command-${index}`}>
            <Box flexShrink={0} width={2}>
              <Text {...tone(theme, 'cyan')}>$</Text>
            </Box>
            <Text>{line}</Text>
          </Box>
        ))}
        {hint.snippet?.split('\n').map((line, index) => (
          <Box key={`snippet-${index}`} paddingLeft={2}>
            {/* A blank line in a TOML snippet stays a blank line. */}
            <Text>{line || ' '}</Text>
          </Box>
        ))}
        {hint.docs && <Text dimColor>see {hint.docs}</Text>}
      </Box>
    </Box>
  );
}
