// How the TUI paints: glyphs for unicode or ASCII terminals, and colour props only when colour is on.
// Only the basic colours plus bold/dim: they read on light and dark backgrounds alike.
import type { Status } from '../../core/types.js';
import type { TextStyle } from '../text.js';
import { GLYPHS } from '../view-model.js';

export type Tone = 'red' | 'yellow' | 'green' | 'cyan' | 'magenta';

export interface Theme {
  color: boolean;
  unicode: boolean;
  glyphs: Record<Status | 'running', string>;
  /** A row that has not started yet. */
  pending: string;
  spinner: readonly string[];
  /** Marks the selected row; it is what shows the selection when there is no colour. */
  pointer: string;
  separator: string;
  /** Joins "12 ms" so a wrap never splits it (a plain space where only ASCII is safe). */
  glue: string;
  /** Every glyph (status, spinner, pending) is padded to this width, so the ids line up. */
  glyphWidth: number;
}

export const SPINNER_FRAME_MS = 80;

export function themeFor(style: Pick<TextStyle, 'color' | 'unicode'>): Theme {
  const glyphs = GLYPHS[style.unicode ? 'unicode' : 'ascii'];
  const spinner = style.unicode ? ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] : ['[-]', '[\\]', '[|]', '[/]'];
  const pending = style.unicode ? '·' : '[ ]';
  return {
    color: style.color > 0,
    unicode: style.unicode,
    glyphs,
    pending,
    spinner,
    pointer: style.unicode ? '›' : '>',
    separator: style.unicode ? ' · ' : ' - ',
    glue: style.unicode ? '\u00A0' : ' ',
    glyphWidth: Math.max(...[...Object.values(glyphs), ...spinner, pending].map((g) => g.length)),
  };
}

/** Spread into <Text>: a colour prop when colour is on, nothing at all otherwise (NO_COLOR). */
export function tone(theme: Theme, color: Tone | undefined): { color?: Tone } {
  return theme.color && color ? { color } : {};
}

export const STATUS_TONES: Record<Status, Tone | undefined> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  skip: undefined,
  crash: 'magenta',
};
